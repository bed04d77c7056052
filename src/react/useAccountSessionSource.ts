import { useId } from 'react';
import { AccountSessionSource, type WarmOptions } from '../core/AccountSessionSource.js';
import type { EmbedkitError } from '../core/EmbedkitError.js';
import { initialSessionState, sessionReducer } from '../core/sessionReducer.js';
import type { Clock, FetchSecret, RetryOptions, SessionState, Visibility } from '../core/types.js';
import type { Lease } from './acquireShared.js';
import { forwardFetchSecret } from './forwardFetchSecret.js';
import { takePreloadedSecret } from '../core/preloadedSecrets.js';
import { sessionQueryKey } from './sessionQueryKey.js';
import { useLatest } from './useLatest.js';
import { useSessionSource } from './useSessionSource.js';

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
 * The shared AccountSessionSource for `(QueryClient, scope, account)` and its state. Internal:
 * `<ConnectProvider>` needs the source itself to bind one Connect.js instance to one session, and
 * `acquire` to hold it from the very effect that creates the instance. With a `problem` (wrong
 * options) no source is created and the state is that error.
 */
export function useAccountSessionSource(options: UseAccountSessionOptions, problem: EmbedkitError | null = null): {
  source: AccountSessionSource | null;
  state: SessionState;
  acquire: () => Lease<AccountSessionSource>;
} {
  const ownScope = useId();
  const account = options.account ?? null;
  const scope = options.scope ?? ownScope;
  const queryKey = sessionQueryKey('account_session', scope, account);
  const latest = useLatest(options);

  const shared = useSessionSource(problem ? null : queryKey, () => {
    const { params, retry, warm, clock, visibility } = latest.current;
    const firstSecret = takePreloadedSecret(scope, account);
    return new AccountSessionSource({
      ...(firstSecret && { firstSecret }),
      fetchSecret: forwardFetchSecret(() => latest.current.fetchSecret),
      params: account === null ? { ...params } : { ...params, account },
      ...(retry && { retry }),
      ...(warm !== undefined && { warm }),
      ...(clock && { clock }),
      ...(visibility && { visibility }),
    });
  }, initialSessionState);
  return problem ? { ...shared, state: sessionReducer(initialSessionState, { type: 'failed', error: problem }) } : shared;
}
