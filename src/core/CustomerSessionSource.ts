import { backoffDelay } from './backoffDelay.js';
import { checkOptions, fetchSecretRule, secondsRule } from './checkOptions.js';
import type { ClientSecret } from './ClientSecret.js';
import { development } from './development.js';
import { EmbedkitError } from './EmbedkitError.js';
import { realClock } from './realClock.js';
import { MIN_REFRESH_DELAY_MS, refreshDelay } from './refreshDelay.js';
import { parseSecretAnswer } from './parseSecretAnswer.js';
import { requestAnswer } from './requestSecret.js';
import { clockTimer, sessionSource, type SessionSourceBase, type SessionSourceOptions } from './SessionSource.js';
import { initialSessionState } from './sessionReducer.js';
import { CUSTOMER_SESSION } from './sessionKinds.js';
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

/**
 * Unusable answers in a row after which a CustomerSession source stops renewing with an `expired`
 * error until a new subscriber or `refresh()`: waits of 0.5, 1, 2 and 4 s before them, so a
 * misbehaving endpoint costs five requests in about eight seconds, then none. An answer is
 * unusable when, by this device's clock (the only one it has), it expires within
 * {@link MIN_REFRESH_DELAY_MS} (a device clock ahead of the server's by about the lifetime, or a
 * server handing out old sessions) or no later than the secret in use (a server answering the
 * same session again): renewing sooner would only get the same.
 */
const MAX_UNUSABLE_ANSWERS = 5;

/** The error a CustomerSession source stops with after {@link MAX_UNUSABLE_ANSWERS} unusable answers. */
const unusableAnswersError = (): EmbedkitError =>
  new EmbedkitError(
    `The CustomerSession endpoint answered ${MAX_UNUSABLE_ANSWERS} unusable sessions in a row.${
      development() && process.env.NODE_ENV !== 'production'
        ? ` By this device's clock they were expired, about to expire or no newer than the one in use. Create a new session for every request (never cache or reuse one), and check the server's and this device's clocks.`
        : ''
    }`,
    { code: 'expired', kind: 'customer_session' },
  );

/** No secret yet: where a source starts, and what `useCustomerSession` shows before it has one. */
export const idleCustomerSessionState: CustomerSessionState = { ...initialSessionState, secret: null };

/**
 * Keeps one valid CustomerSession secret while subscribed: fetches a fresh one when the first
 * subscriber arrives, renews `refreshMarginSeconds` before expiry and publishes the new secret. A
 * failed renewal keeps the old secret while it is still valid, reports the error and tries again
 * with backoff. A secret is dropped from state the moment it expires.
 */
export class CustomerSessionSource {
  /** The current state. The same object until something changes. */
  declare readonly getState: SessionSourceBase<CustomerSessionState>['getState'];
  /** Calls `listener` after every change; returns the unsubscribe function. The first subscriber starts the source, the last one leaving stops its requests. */
  declare readonly subscribe: SessionSourceBase<CustomerSessionState>['subscribe'];
  /** Stops every request and timer for good; later calls do nothing or reject as aborted. */
  declare readonly dispose: () => void;
  /** Fetches a new secret now (or joins the request in flight). Never rejects: errors go to state. */
  declare readonly refresh: () => Promise<void>;

  constructor(options: CustomerSessionSourceOptions) {
    checkOptions(CUSTOMER_SESSION.label, options, CUSTOMER_SESSION_RULES, 'customer_session');
    Object.assign(this, createCustomerSession(options));
  }
}

/**
 * A {@link CustomerSessionSource} for options already checked with {@link CUSTOMER_SESSION_RULES}
 * (`useCustomerSession` checks them to show its error state), so they are checked once.
 */
export function createCustomerSession(options: CustomerSessionSourceOptions): CustomerSessionSource {
  const { fetchSecret, retry, clock = realClock } = options;
  const margin = options.refreshMarginSeconds ?? 60;
  // The state's `secret` is the one the last request handed (or the reducer dropped): no second copy here.
  const [base, dispatch, phase] = sessionSource(idleCustomerSessionState, (active) => {
    if (active) {
      // A new use gets a new secret: Stripe says not to reuse a CustomerSession secret across
      // renders ("generate a new one every time you render"). React StrictMode's remount does
      // not count, as going inactive waits a microtask.
      dispatch({ type: 'dropped' });
      start(true);
      return;
    }
    // The expiry timer stays until disposed: the state must not offer an expired secret to the
    // next reader (React reads the snapshot before it subscribes). It fires once, then nothing is left.
    renew();
    // Let go of the aborted request at once, so a subscriber arriving before it settles starts anew.
    inFlight?.[1].abort();
    inFlight = null;
    dispatch({ type: 'cancelled' });
    if (phase() === null) {
      expiry();
      dispatch({ type: 'disposed' });
    }
  });
  const renew = clockTimer(clock);
  const expiry = clockTimer(clock);
  let inFlight: [Promise<void>, AbortController] | null = null;
  /** Failed renewal rounds in a row, for the backoff between rounds. */
  let failures = 0;
  /** Unusable answers in a row, forgotten on a usable one or a fresh start. */
  let unusable = 0;
  /** When the last request started: a renewal leaves time for one as slow. */
  let requestedAt = 0;

  /** `clearError` for a fresh start or a user's refresh; background retries keep the error visible. */
  const start = (clearError: boolean): Promise<void> => {
    renew();
    const controller = new AbortController();
    dispatch({ type: 'fetch', clearError });
    requestedAt = clock.now();
    if (clearError) unusable = 0;
    const settled = (error: EmbedkitError | null, secret?: ClientSecret) => {
      if (controller.signal.aborted) return;
      inFlight = null;
      failures = secret ? 0 : failures + 1;
      if (secret) {
        const nowMs = clock.now();
        const current = base.getState().secret;
        const expiresAt = secret.expiresAt!;
        // Usable (see MAX_UNUSABLE_ANSWERS): it outlives MIN_REFRESH_DELAY_MS and is newer than the
        // one in use. expires_at has whole seconds: two sessions made in one second (a refresh right
        // after the first answer) expire together, yet the second is new. The same secret again is not.
        if (expiresAt * 1000 - nowMs > MIN_REFRESH_DELAY_MS && (!current || (secret.reveal() !== current.reveal() && expiresAt >= current.expiresAt!))) {
          unusable = 0;
          dispatch({ type: 'fetched', handed: secret });
          renew(() => start(false), refreshDelay(expiresAt, nowMs, margin, nowMs - requestedAt));
          // Drops the secret the moment it expires, so state never offers an expired one. A newer
          // secret replaces the timer; if a new use dropped this one already, dropping again changes nothing.
          expiry(() => dispatch({ type: 'dropped' }), expiresAt * 1000 - nowMs);
        } else if (++unusable < MAX_UNUSABLE_ANSWERS) {
          // Keep what is shown and ask again, the wait doubling from MIN_REFRESH_DELAY_MS.
          dispatch({ type: 'fetched', handed: null });
          renew(() => start(false), MIN_REFRESH_DELAY_MS * 2 ** (unusable - 1));
        } else dispatch({ type: 'failed', error: unusableAnswersError() });
      } else {
        dispatch({ type: 'failed', error: error! });
        // A 4xx will not fix itself (signed out, misconfigured): wait for refresh() instead.
        if (error!.retryable && phase()) renew(() => start(false), backoffDelay(failures, retry));
      }
    };
    // Options were checked when the source was created: requestAnswer, not requestSecret, so this
    // bundle carries only the CustomerSession kind.
    const promise = requestAnswer(fetchSecret, CUSTOMER_SESSION, { ...options, signal: controller.signal }, parseSecretAnswer).then(
      (secret) => settled(null, secret),
      settled,
    );
    inFlight = [promise, controller];
    return promise;
  };

  return {
    ...base,
    refresh: (): Promise<void> => {
      if (phase() === null) return Promise.resolve();
      if (!inFlight) return start(true);
      dispatch({ type: 'fetch', clearError: true });
      return inFlight[0];
    },
  };
}
