import { useId, useMemo } from 'react';
import { createCustomerSession, CUSTOMER_SESSION_RULES, idleCustomerSessionState, type CustomerSessionState } from '../../core/CustomerSessionSource.js';
import { sessionReducer } from '../../core/sessionReducer.js';
import type { Clock, FetchSecret, RetryOptions } from '../../core/types.js';
import { useSession } from '../sessionRegistry.js';
import { useOptionsProblem } from '../useOptionsProblem.js';

/** Options of {@link useCustomerSession}. */
export interface UseCustomerSessionOptions {
  /** Where CustomerSession secrets come from: endpoint URL, request description, or function. */
  fetchSecret: FetchSecret<'customer_session'>;
  /** Renew this many seconds before `expires_at` (at most halfway through a short lifetime). Default 60. */
  refreshMarginSeconds?: number;
  /** Fields to propose to the server with every request. Read when the session is created. */
  params?: Record<string, unknown>;
  /** How failed secret requests are retried (network errors, 5xx, 429); defaults are on {@link RetryOptions}. */
  retry?: RetryOptions;
  /** Injectable time, for tests. */
  clock?: Clock;
}

/**
 * The session's state (narrows by `status`) and its current secret. `secret` prints redacted;
 * `clientSecret` is the raw value for `<Elements options={{ customerSessionClientSecret }}>`, a
 * getter that `JSON.stringify`, spreading and console output do not see.
 */
export type UseCustomerSessionResult = CustomerSessionState & {
  readonly clientSecret: string | null;
  /** Requests a new secret now. Never rejects: errors go to `error`. */
  refresh: () => Promise<void>;
};

const resolved = async () => {};

/**
 * Keeps a valid CustomerSession secret for as long as the component is mounted: requested on
 * mount, renewed `refreshMarginSeconds` before `expires_at`, published on every renewal.
 */
export function useCustomerSession(options: UseCustomerSessionOptions): UseCustomerSessionResult {
  // Wrong options become the session's error state, never a render error that takes the app down.
  const problem = useOptionsProblem('useCustomerSession', options, CUSTOMER_SESSION_RULES, 'customer_session');
  const id = useId();
  const { source, state } = useSession(
    problem ? null : ['embedkit', 'customer_session', id, null],
    options,
    // Checked above already: wrong options create no source.
    createCustomerSession,
    idleCustomerSessionState,
  );
  // The source's own refresh is stable for its life.
  const refresh = source?.refresh ?? resolved;
  return useMemo(() => {
    const shown = problem ? sessionReducer(idleCustomerSessionState, { type: 'failed', error: problem }) : state;
    // A getter, not enumerable (defineProperty's default): spreading, JSON and console output never see the raw secret.
    return Object.defineProperty({ ...shown, refresh }, 'clientSecret', { get: () => shown.secret?.reveal() ?? null }) as UseCustomerSessionResult;
  }, [problem, state, refresh]);
}
