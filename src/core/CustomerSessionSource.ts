import { backoffDelay } from './backoffDelay.js';
import { checkOptions, fetchSecretRule, secondsRule } from './checkOptions.js';
import type { ClientSecret } from './ClientSecret.js';
import type { EmbedkitError } from './EmbedkitError.js';
import { RenewalPacer } from './refreshDelay.js';
import { SessionSource, type SessionSourceOptions } from './SessionSource.js';
import { initialSessionState, sessionReducer, type SessionAction } from './sessionReducer.js';
import { SESSION_KINDS } from './sessionKinds.js';
import type { SessionState } from './types.js';

/** Options of {@link CustomerSessionSource}: the shared source options plus when to renew. */
export interface CustomerSessionSourceOptions extends SessionSourceOptions<'customer_session'> {
  /** Renew this many seconds before `expires_at` (at most halfway through a short lifetime). Default 60. */
  refreshMarginSeconds?: number;
}

/** The session state plus the secret itself: hand `secret.reveal()` to Stripe, show `redacted`. */
export type CustomerSessionState = SessionState & { secret: ClientSecret | null };

/** The options checked when a source is created (and by `useCustomerSession`, whose error state a wrong one becomes). */
export const CUSTOMER_SESSION_RULES = { fetchSecret: fetchSecretRule, refreshMarginSeconds: secondsRule };

/** No secret yet: where a source starts, and what `useCustomerSession` shows before it has one. */
export const idleCustomerSessionState: CustomerSessionState = { ...initialSessionState, secret: null };

/**
 * The session reducer, plus the secret itself: the one a request handed (this source dispatches
 * only `ClientSecret`s), kept through an answer it does not use, gone when dropped or disposed.
 */
function reduce(state: CustomerSessionState, action: SessionAction): CustomerSessionState {
  const secret = action.type === 'fetched' && action.handed ? (action.handed as ClientSecret) : action.type === 'dropped' || action.type === 'disposed' ? null : state.secret;
  return { ...sessionReducer(state, action), secret };
}

/**
 * Keeps one valid CustomerSession secret while subscribed: fetches a fresh one when the first
 * subscriber arrives, renews `refreshMarginSeconds` before expiry and publishes the new secret. A
 * failed renewal keeps the old secret while it is still valid, reports the error and tries again
 * with backoff. A secret is dropped from state the moment it expires.
 */
export class CustomerSessionSource extends SessionSource<CustomerSessionState, 'customer_session'> {
  readonly #pacer: RenewalPacer;
  readonly #retryOptions: CustomerSessionSourceOptions['retry'];
  #inFlight: { promise: Promise<void>; controller: AbortController } | null = null;
  /** Failed renewal rounds in a row, for the backoff between rounds. */
  #failures = 0;

  constructor(options: CustomerSessionSourceOptions) {
    checkOptions(SESSION_KINDS.customer_session.label, options, CUSTOMER_SESSION_RULES, 'customer_session');
    super('customer_session', options, idleCustomerSessionState, reduce);
    this.#retryOptions = options.retry;
    this.#pacer = new RenewalPacer(options.refreshMarginSeconds ?? 60);
  }

  /** Fetches a new secret now (or joins the request in flight). Never rejects: errors go to state. */
  refresh(): Promise<void> {
    if (this.isDisposed) return Promise.resolve();
    if (!this.#inFlight) return this.#startRequest(true).promise;
    this.dispatch({ type: 'fetch', clearError: true });
    return this.#inFlight.promise;
  }

  /**
   * A new use gets a new secret: Stripe says not to reuse a CustomerSession secret across renders
   * ("generate a new one every time you render"). React StrictMode's remount does not count, as
   * going inactive waits a microtask.
   */
  protected onActive(): void {
    if (this.getState().secret) this.dispatch({ type: 'dropped' });
    this.#startRequest(true);
  }

  protected onInactive(): void {
    // The expiry timer stays: the state must not offer an expired secret to the next reader
    // (React reads the snapshot before it subscribes). It fires once, then nothing is left.
    this.clearTimer('renew');
    // Let go of the aborted request at once, so a subscriber arriving before it settles starts anew.
    this.#inFlight?.controller.abort();
    this.#inFlight = null;
    this.dispatch({ type: 'cancelled' });
    if (this.isDisposed) this.dispatch({ type: 'disposed' });
  }

  /** `clearError` for a fresh start or a user's refresh; background retries keep the error visible. */
  #startRequest(clearError: boolean): { promise: Promise<void>; controller: AbortController } {
    this.clearTimer('renew');
    const controller = new AbortController();
    this.dispatch({ type: 'fetch', clearError });
    this.#pacer.requested(this.clock.now(), clearError);
    const promise = this.request(controller.signal).then(
      (secret) => {
        if (controller.signal.aborted) return;
        this.#inFlight = null;
        this.#failures = 0;
        const plan = this.#pacer.answered(secret, this.getState().secret, this.clock.now());
        if (plan.error) this.dispatch({ type: 'failed', error: plan.error });
        else this.dispatch({ type: 'fetched', handed: plan.use ? secret : null });
        if (plan.delayMs !== undefined) this.setTimer('renew', () => this.#startRequest(false), plan.delayMs);
        this.#scheduleExpiry();
      },
      (error: EmbedkitError) => {
        if (controller.signal.aborted) return;
        this.#inFlight = null;
        this.#failures += 1;
        this.dispatch({ type: 'failed', error });
        this.#scheduleExpiry();
        // A 4xx will not fix itself (signed out, misconfigured): wait for refresh() instead.
        if (error.retryable && this.isActive) {
          this.setTimer('renew', () => this.#startRequest(false), backoffDelay(this.#failures, this.#retryOptions));
        }
      },
    );
    this.#inFlight = { promise, controller };
    return this.#inFlight;
  }

  /** Drops the secret from state the moment it expires, so state never offers an expired one. */
  #scheduleExpiry(): void {
    this.clearTimer('expiry');
    const secret = this.getState().secret;
    if (!secret) return;
    this.setTimer('expiry', () => {
      if (this.getState().secret === secret) this.dispatch({ type: 'dropped' });
    }, Math.max(0, secret.expiresAt! * 1000 - this.clock.now()));
  }
}
