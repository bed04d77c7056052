import { checkSeconds } from './checkSeconds.js';
import type { ClientSecret } from './ClientSecret.js';
import { EmbedkitError } from './EmbedkitError.js';
import { documentVisibility } from './documentVisibility.js';
import { CLOCK_SKEW_MS } from './parseSecretAnswer.js';
import { SessionSource, type SessionSourceOptions } from './SessionSource.js';
import type { Visibility } from './types.js';

export interface WarmOptions {
  /** Fetch the warm secret this many seconds before the handed secret's `expires_at`. Default 60. */
  leadSeconds?: number;
  /** Drop a warm secret nobody took after this many seconds. Default 300. */
  maxAgeSeconds?: number;
}

export interface AccountSessionSourceOptions extends SessionSourceOptions {
  /** Default: the document's visibility (always visible without a document). */
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
  private readonly visibility: Visibility;
  private readonly leadMs: number | null;
  private readonly maxAgeMs: number;
  private request: InFlight | null = null;
  private warm: { secret: ClientSecret; fetchedAt: number } | null = null;
  private handed: ClientSecret | null = null;
  /** The handed secret a warm one was last fetched for: one warm fetch per handed secret. */
  private warmedFor: ClientSecret | null = null;
  private stopWatchingVisibility: (() => void) | null = null;

  constructor(options: AccountSessionSourceOptions) {
    super('account_session', options, {});
    this.visibility = options.visibility ?? documentVisibility;
    const warm = options.warm === false ? null : (options.warm ?? {});
    this.leadMs = warm && (checkSeconds('warm.leadSeconds', warm.leadSeconds) ?? 60) * 1000;
    this.maxAgeMs = (checkSeconds('warm.maxAgeSeconds', warm?.maxAgeSeconds) ?? 300) * 1000;
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
    this.clearTimer('warm');
    // Let go of the aborted request at once, so a caller arriving before it settles starts anew.
    this.request?.controller.abort();
    this.request = null;
    this.dispatch({ type: 'cancelled' });
    if (this.disposed) this.dropWarm();
  }

  private startRequest(reportErrors: boolean): InFlight {
    const controller = new AbortController();
    this.dispatch({ type: 'fetch', clearError: reportErrors });
    const entry: InFlight = { controller, claimed: false, reportErrors, promise: this.requestSecret(controller.signal) };
    this.request = entry;
    entry.promise.then(
      (secret) => {
        if (this.request === entry) this.request = null;
        // Answered just as it was aborted: a waiting caller still gets it, nobody keeps it warm.
        if (controller.signal.aborted && !entry.claimed) return;
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
        if (controller.signal.aborted) return;
        this.request = null;
        // A failed warm fetch is no failure the user has to see: Connect.js simply asks on demand.
        this.dispatch(entry.reportErrors ? { type: 'failed', error } : { type: 'cancelled' });
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
    this.setTimer('discard', () => this.dropWarm(), this.maxAgeMs);
  }

  private dropWarm(): void {
    this.warm = null;
    this.clearTimer('discard');
  }

  /** (Re)plans the warm fetch; it only ever happens while active, visible and needed. */
  private scheduleWarm(): void {
    this.clearTimer('warm');
    const handed = this.handed;
    if (!this.canWarm() || handed?.expiresAt == null) return;
    const delay = Math.max(0, handed.expiresAt * 1000 - this.leadMs! - this.clock.now());
    this.setTimer('warm', () => {
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

  private disposedError(): EmbedkitError {
    return new EmbedkitError('This AccountSessionSource was disposed; create a new one (a new <ConnectProvider>) to fetch AccountSession secrets.', {
      code: 'aborted',
      kind: 'account_session',
    });
  }
}
