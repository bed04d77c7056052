import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AccountSessionSource } from '../core/AccountSessionSource.js';
import { is } from '../core/checkOptions.js';
import type { SessionState } from '../core/types.js';
import { useAccountSessionSource, type UseAccountSessionOptions } from './useAccountSessionSource.js';
import { useOptionsProblem } from './useOptionsProblem.js';

export type { UseAccountSessionOptions } from './useAccountSessionSource.js';

/**
 * A session's state (narrows by `status`; `isFetching` is separate) plus what to do with it.
 * `fetchCount` and `redacted` (e.g. `accs_secret_…[redacted]`) are for session panels and logs.
 */
export type UseAccountSessionResult = SessionState & {
  /** Give this to Connect.js (`loadConnectAndInitialize({ fetchClientSecret })`). Stable for the hook's life. */
  fetchClientSecret: () => Promise<string>;
  /** Clears an error and fetches again. */
  retry: () => void;
};

const OPTION_RULES = {
  fetchSecret: { ...is.fetchSecret, required: true },
  account: is.account,
  scope: is.text,
  warm: is.warm,
};

/**
 * Owns an AccountSession's lifecycle: single-use secrets, one warm secret shortly before expiry,
 * retries, abort when unmounted. Hand `fetchClientSecret` to Connect.js; `<ConnectProvider>` is
 * built on this hook.
 */
export function useAccountSession(options: UseAccountSessionOptions): UseAccountSessionResult {
  // Wrong options become the session's error state, never a render error that takes the app down.
  const problem = useOptionsProblem('useAccountSession', options, OPTION_RULES, 'account_session');
  const { source, state } = useAccountSessionSource({ ...options }, problem);
  const current = useRef<AccountSessionSource | null>(null);
  // Calls made before the source exists (it is created in an effect) wait for it.
  const [waiting] = useState(() => new Set<(source: AccountSessionSource) => void>());
  useEffect(() => {
    current.current = source;
    if (!source) return;
    for (const resume of waiting) resume(source);
    waiting.clear();
  }, [source, waiting]);

  const fetchClientSecret = useCallback((): Promise<string> => {
    if (problem) return Promise.reject(problem);
    const ready = current.current;
    if (ready) return ready.fetchClientSecret();
    return new Promise<AccountSessionSource>((resolve) => waiting.add(resolve)).then((later) => later.fetchClientSecret());
  }, [waiting, problem]);
  const retry = useCallback(() => current.current?.retry(), []);

  return useMemo(() => ({ ...state, fetchClientSecret, retry }), [state, fetchClientSecret, retry]);
}
