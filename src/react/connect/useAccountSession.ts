import { useId, useMemo } from 'react';
import { createAccountSession, type AccountSessionSource, type WarmOptions } from '../../core/AccountSessionSource.js';
import { accountRule, fetchSecretRule, textRule, warmRule } from '../../core/checkOptions.js';
import { EmbedkitError } from '../../core/EmbedkitError.js';
import { takePreloadedSecret } from '../../core/preloadedSecrets.js';
import { initialSessionState, sessionReducer } from '../../core/sessionReducer.js';
import type { Clock, FetchSecret, RetryOptions, SessionState, Visibility } from '../../core/types.js';
import { useSession } from '../sessionRegistry.js';
import { useOptionsProblem } from '../useOptionsProblem.js';

/** Options of {@link useAccountSession}. */
export interface UseAccountSessionOptions {
  /** Where AccountSession secrets come from: endpoint URL, request description, or function. */
  fetchSecret: FetchSecret<'account_session'>;
  /**
   * The connected account the browser proposes; sent as `{ account }` in the request so the
   * server's `authorize` can check it (the browser proposes, the server decides).
   */
  account?: string;
  /** More fields to propose to the server with every request. Read when the session is created. */
  params?: Record<string, unknown>;
  /** How failed secret requests are retried (network errors, 5xx, 429); defaults are on {@link RetryOptions}. */
  retry?: RetryOptions;
  /**
   * One unused secret is kept ready shortly before expiry so Connect.js' refresh resolves at once
   * (default: fetched 90 s before `expires_at`, or a third of the lifetime before it for secrets
   * living under 270 s; dropped after 300 s unused). `false` turns it off.
   */
  warm?: WarmOptions | false;
  /**
   * Hooks with the same `scope` and `account` share one session (and so one AccountSession per
   * refresh). Default: this hook call alone. `<ConnectProvider>` scopes by publishable key.
   */
  scope?: string;
  /** Injectable time, for tests. */
  clock?: Clock;
  /** Injectable page visibility, for tests. */
  visibility?: Visibility;
}

/**
 * A session's state (narrows by `status`; `isFetching` is separate) plus what to do with it.
 * `fetchCount` and `redacted` (e.g. `accs_secret_…[redacted]`) are for session panels and logs.
 */
export type UseAccountSessionResult = SessionState & {
  /** Give this to Connect.js (`loadConnectAndInitialize({ fetchClientSecret })`). Stable while `scope` and `account` are. */
  fetchClientSecret: () => Promise<string>;
  /** Clears an error and requests a new secret now, for Connect.js's next call. */
  refresh: () => void;
};

// Built by a pure call: a bundler keeps a top-level object spread even when unused (a spread may
// run getters), so `<ConnectProvider>` alone would ship these rules too.
const OPTION_RULES = /* @__PURE__ */ (() => ({
  fetchSecret: { ...fetchSecretRule, required: true },
  account: accountRule,
  scope: textRule,
  warm: warmRule,
}))();

/**
 * The AccountSessionSource registered for `(scope, account)` on the page and its state; `null`
 * on the server, and with a `problem` (wrong options), whose error is then the state.
 */
export function useAccountSessionSource(options: UseAccountSessionOptions, problem: EmbedkitError | null): { source: AccountSessionSource | null; state: SessionState } {
  const ownScope = useId();
  const account = options.account ?? null;
  const scope = options.scope ?? ownScope;
  const { source, state } = useSession(
    problem ? null : ['embedkit', 'account_session', scope, account],
    options,
    (shared) =>
      // The hook's own options (warm, visibility; undefined means the source's default) under the
      // shared ones, whose fetchSecret calls the newest function.
      createAccountSession({
        ...options,
        ...shared,
        params: { ...shared.params, ...(account !== null && { account }) },
        // Taken when the first secret is requested, not now: registering has no side effects.
        firstSecret: () => takePreloadedSecret(scope, account),
      }),
    initialSessionState,
  );
  return { source, state: problem ? sessionReducer(initialSessionState, { type: 'failed', error: problem }) : state };
}

const unavailable = (problem: EmbedkitError | null) => () =>
  Promise.reject(
    problem ??
      new EmbedkitError('useAccountSession: fetchClientSecret works in the browser only.', {
        code: 'invalid_options',
        kind: 'account_session',
      }),
  );
const nothing = () => {};

/**
 * Owns an AccountSession's lifecycle: single-use secrets, one warm secret shortly before expiry,
 * retries, abort when unmounted. Hand `fetchClientSecret` to Connect.js; `<ConnectProvider>` is
 * built on the same session.
 */
export function useAccountSession(options: UseAccountSessionOptions): UseAccountSessionResult {
  // Wrong options become the session's error state, never a render error that takes the app down.
  const problem = useOptionsProblem('useAccountSession', options, OPTION_RULES, 'account_session');
  const { source, state } = useAccountSessionSource(options, problem);
  const fetchClientSecret = useMemo(() => source?.fetchClientSecret ?? unavailable(problem), [source, problem]);
  // The source's own arrow function: as stable as the source.
  const refresh = source?.refresh ?? nothing;
  return useMemo(() => ({ ...state, fetchClientSecret, refresh }), [state, fetchClientSecret, refresh]);
}
