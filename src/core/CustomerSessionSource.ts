import { backoffDelay } from './backoffDelay';
import type { ClientSecret } from './ClientSecret';
import type { EmbedkitError } from './EmbedkitError';
import { realClock } from './realClock';
import { refreshDelay } from './refreshDelay';
import { requestSecret } from './requestSecret';
import { SessionSource } from './SessionSource';
import type { Clock, FetchSecret, RetryOptions, SessionState } from './types';

export interface CustomerSessionSourceOptions {
  fetchSecret: FetchSecret;
  /** Proposed to the server with every request. */
  params?: Record<string, unknown>;
  retry?: RetryOptions;
  clock?: Clock;
  /** Renew this many seconds before `expires_at` (at most halfway through a short lifetime). Default 60. */
  refreshMarginSeconds?: number;
}

/** The session state plus the secret itself: hand `secret.reveal()` to Stripe, show `redacted`. */
export type CustomerSessionState = SessionState & { secret: ClientSecret | null };

/**
 * Keeps one valid CustomerSession secret while subscribed: fetches on the first subscriber, renews
 * `refreshMarginSeconds` before expiry and publishes the new secret. A failed renewal keeps the
 * old secret while it is still valid, reports the error and tries again with backoff.
 */
export class CustomerSessionSource extends SessionSource<CustomerSessionState> {
  private readonly clock: Clock;
  private readonly marginSeconds: number;
  private request: { promise: Promise<void>; controller: AbortController } | null = null;
  private timer: unknown = null;
  private expiryTimer: unknown = null;
  /** Failed renewal rounds in a row, for the backoff between rounds. */
  private failures = 0;

  constructor(private readonly options: CustomerSessionSourceOptions) {
    super({ secret: null });
    this.clock = options.clock ?? realClock;
    this.marginSeconds = options.refreshMarginSeconds ?? 60;
  }

  /** Fetches a new secret now (or joins the request in flight). Never rejects: errors go to state. */
  refresh(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    return (this.request ?? this.startRequest(true)).promise;
  }

  protected onActive(): void {
    const secret = this.state.secret;
    if (secret && !secret.isExpired(this.clock.now())) {
      this.scheduleRefresh(secret);
    } else if (!this.request) {
      this.startRequest(true);
    }
  }

  protected onInactive(): void {
    this.clearTimer('timer');
    this.clearTimer('expiryTimer');
    this.request?.controller.abort();
    if (this.disposed) this.setState({ ...this.state, secret: null });
  }

  /** `clearError` for a fresh start or a user's refresh; background retries keep the error visible. */
  private startRequest(clearError: boolean): { promise: Promise<void>; controller: AbortController } {
    this.clearTimer('timer');
    const controller = new AbortController();
    const { fetchSecret, params, retry } = this.options;
    this.dispatch({ type: 'fetch', clearError });
    const promise = requestSecret(fetchSecret, 'customer_session', { signal: controller.signal, params, retry, clock: this.clock }).then(
      (secret) => {
        this.request = null;
        this.failures = 0;
        this.dispatch({ type: 'fetched', handed: { expiresAt: secret.expiresAt, redacted: secret.redacted } }, { secret });
        this.scheduleRefresh(secret);
      },
      (error: EmbedkitError) => {
        this.request = null;
        if (controller.signal.aborted) return this.dispatch({ type: 'cancelled' });
        this.failures += 1;
        this.dispatch({ type: 'failed', error });
        this.scheduleExpiry();
        // A 4xx will not fix itself (signed out, misconfigured): wait for refresh() instead.
        if (error.retryable && this.isActive) {
          this.timer = this.clock.setTimeout(() => this.startRequest(false), backoffDelay(this.failures, this.options.retry));
        }
      },
    );
    this.request = { promise, controller };
    return this.request;
  }

  private scheduleRefresh(secret: ClientSecret): void {
    this.clearTimer('timer');
    this.timer = this.clock.setTimeout(() => this.startRequest(false), refreshDelay(secret.expiresAt!, this.clock.now(), this.marginSeconds));
    this.scheduleExpiry();
  }

  /** Drops the secret from state the moment it expires, so state never offers an expired one. */
  private scheduleExpiry(): void {
    this.clearTimer('expiryTimer');
    const secret = this.state.secret;
    if (!secret) return;
    this.expiryTimer = this.clock.setTimeout(() => {
      this.expiryTimer = null;
      if (this.state.secret === secret) this.dispatch({ type: 'dropped' }, { secret: null });
    }, Math.max(0, secret.expiresAt! * 1000 - this.clock.now()));
  }

  private clearTimer(name: 'timer' | 'expiryTimer'): void {
    if (this[name] !== null) this.clock.clearTimeout(this[name]);
    this[name] = null;
  }
}
