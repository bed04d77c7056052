import type { ClientSecret } from './ClientSecret';
import { EmbedkitError } from './EmbedkitError';
import { documentVisibility } from './documentVisibility';
import { CLOCK_SKEW_MS } from './parseSecretAnswer';
import { realClock } from './realClock';
import { requestSecret } from './requestSecret';
import { SessionSource } from './SessionSource';
import type { Clock, FetchSecret, RetryOptions, Visibility } from './types';

export interface WarmOptions {
  /** Fetch the warm secret this many seconds before the handed secret's `expires_at`. Default 60. */
  leadSeconds?: number;
  /** Drop a warm secret nobody took after this many seconds. Default 300. */
  maxAgeSeconds?: number;
}

export interface AccountSessionSourceOptions {
  fetchSecret: FetchSecret;
  /** Proposed to the server with every request, e.g. `{ account: 'acct_…' }`. */
  params?: Record<string, unknown>;
  retry?: RetryOptions;
  clock?: Clock;
  visibility?: Visibility;
  /** `false` turns the warm secret off: every Connect.js refresh then waits for a request. */
  warm?: WarmOptions | false;
}

interface InFlight {
  promise: Promise<ClientSecret>;
  controller: AbortController;
  /** A `fetchClientSecret` caller waits for it: its secret is handed out, not kept warm. */
  claimed: boolean;
  /** Failures go to state: someone asked for this secret (Connect.js or a user's retry). */
  reportErrors: boolean;
}

/**
 * The AccountSession lifecycle for one Connect.js instance. Hand {@link fetchClientSecret} to
 * `loadConnectAndInitialize`: concurrent calls share one request, every secret is handed out once,
 * and while someone is subscribed and the page is visible one unused secret is fetched shortly
 * before the current one expires, so Connect.js's refresh call resolves at once.
 */
export class AccountSessionSource extends SessionSource {
  private readonly clock: Clock;
  private readonly visibility: Visibility;
  private readonly leadMs: number | null;
  private readonly maxAgeMs: number;
  private request: InFlight | null = null;
  private warm: { secret: ClientSecret; fetchedAt: number } | null = null;
  private handed: ClientSecret | null = null;
  /** The handed secret a warm one was last fetched for: one warm fetch per handed secret. */
  private warmedFor: ClientSecret | null = null;
  private warmTimer: unknown = null;
  private discardTimer: unknown = null;
  private stopWatchingVisibility: (() => void) | null = null;

  constructor(private readonly options: AccountSessionSourceOptions) {
    super({});
    this.clock = options.clock ?? realClock;
    this.visibility = options.visibility ?? documentVisibility;
    this.leadMs = options.warm === false ? null : (options.warm?.leadSeconds ?? 60) * 1000;
    this.maxAgeMs = (options.warm ? options.warm.maxAgeSeconds ?? 300 : 300) * 1000;
  }

  /**
   * What Connect.js calls for a secret. Bound, so it can be passed as is. Resolves with a secret
   * never handed out before; rejects with an {@link EmbedkitError}, which Connect.js reports.
   */
  fetchClientSecret = (): Promise<string> => {
    if (this.disposed) return Promise.reject(this.disposedError());
    const warm = this.takeWarm();
    if (warm) {
      this.hand(warm);
      this.dispatch({ type: 'handed', expiresAt: warm.expiresAt, redacted: warm.redacted });
      return Promise.resolve(warm.reveal());
    }
    // Joining the request in flight (a warm one included) is what collapses concurrent calls.
    const request = this.request ?? this.startRequest(false);
    request.claimed = true;
    request.reportErrors = true;
    return request.promise.then((secret) => secret.reveal());
  };

  /** Clears the error and fetches a secret for the next `fetchClientSecret` call (the UI's retry button). */
  retry(): void {
    if (this.disposed) return;
    if (this.request) {
      this.request.reportErrors = true;
      this.dispatch({ type: 'fetch', clearError: true });
      return;
    }
    this.startRequest(true);
  }

  protected onActive(): void {
    this.stopWatchingVisibility = this.visibility.subscribe(() => this.scheduleWarm());
    this.scheduleWarm();
  }

  protected onInactive(): void {
    this.stopWatchingVisibility?.();
    this.stopWatchingVisibility = null;
    this.clearTimer('warmTimer');
    this.request?.controller.abort();
    if (this.disposed) this.dropWarm();
  }

  private startRequest(reportErrors: boolean): InFlight {
    const controller = new AbortController();
    const { fetchSecret, params, retry } = this.options;
    this.dispatch({ type: 'fetch', clearError: reportErrors });
    const entry: InFlight = {
      controller,
      claimed: false,
      reportErrors,
      promise: requestSecret(fetchSecret, 'account_session', { signal: controller.signal, params, retry, clock: this.clock }),
    };
    this.request = entry;
    entry.promise.then(
      (secret) => {
        this.request = null;
        if (entry.claimed) {
          this.hand(secret);
          this.dispatch({ type: 'fetched', handed: { expiresAt: secret.expiresAt, redacted: secret.redacted } });
        } else {
          this.keepWarm(secret);
          this.dispatch({ type: 'fetched', handed: null });
        }
        this.scheduleWarm();
      },
      (error: EmbedkitError) => {
        this.request = null;
        // An abort on purpose, or a failed warm fetch (Connect.js will simply ask on demand), is
        // no failure the user has to see.
        const silent = controller.signal.aborted || !entry.reportErrors;
        this.dispatch(silent ? { type: 'cancelled' } : { type: 'failed', error });
      },
    );
    return entry;
  }

  private hand(secret: ClientSecret): void {
    this.handed = secret;
    this.scheduleWarm();
  }

  /** The warm secret if it is still fresh; either way it is no longer kept. */
  private takeWarm(): ClientSecret | null {
    const warm = this.warm;
    this.dropWarm();
    if (!warm) return null;
    const now = this.clock.now();
    if (now - warm.fetchedAt > this.maxAgeMs || warm.secret.isExpired(now, CLOCK_SKEW_MS)) return null;
    return warm.secret;
  }

  private keepWarm(secret: ClientSecret): void {
    this.dropWarm();
    this.warm = { secret, fetchedAt: this.clock.now() };
    this.discardTimer = this.clock.setTimeout(() => this.dropWarm(), this.maxAgeMs);
  }

  private dropWarm(): void {
    this.warm = null;
    this.clearTimer('discardTimer');
  }

  /** (Re)plans the warm fetch; it only ever happens while active, visible and needed. */
  private scheduleWarm(): void {
    this.clearTimer('warmTimer');
    const handed = this.handed;
    if (!this.canWarm() || handed?.expiresAt == null) return;
    const delay = Math.max(0, handed.expiresAt * 1000 - this.leadMs! - this.clock.now());
    this.warmTimer = this.clock.setTimeout(() => {
      this.warmTimer = null;
      if (!this.canWarm() || this.handed !== handed) return;
      this.warmedFor = handed;
      this.startRequest(false);
    }, delay);
  }

  private canWarm(): boolean {
    return (
      this.leadMs !== null &&
      !this.disposed &&
      this.isActive &&
      this.visibility.isVisible() &&
      this.handed !== null &&
      this.warmedFor !== this.handed &&
      this.warm === null &&
      this.request === null
    );
  }

  private clearTimer(name: 'warmTimer' | 'discardTimer'): void {
    if (this[name] !== null) this.clock.clearTimeout(this[name]);
    this[name] = null;
  }

  private disposedError(): EmbedkitError {
    return new EmbedkitError('This AccountSessionSource was disposed; create a new one (a new <ConnectProvider>) to fetch AccountSession secrets.', {
      code: 'aborted',
      kind: 'account_session',
    });
  }
}
