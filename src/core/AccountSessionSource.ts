import { checkOptions, fetchSecretRule, secondsRule } from './checkOptions.js';
import type { ClientSecret } from './ClientSecret.js';
import { EmbedkitError } from './EmbedkitError.js';
import { documentVisibility } from './documentVisibility.js';
import { hint } from './development.js';
import { CLOCK_SKEW_MS } from './parseSecretAnswer.js';
import { SessionSource, type SessionSourceOptions } from './SessionSource.js';
import { initialSessionState, sessionReducer } from './sessionReducer.js';
import { SESSION_KINDS } from './sessionKinds.js';
import type { SessionState, Visibility } from './types.js';

/**
 * When the one spare AccountSession secret is fetched and how long it is kept. Connect.js asks
 * for a new secret at an undocumented moment before `expires_at`; the spare should be ready by
 * then, yet young enough that Connect.js gets most of its lifetime.
 */
export interface WarmOptions {
  /**
   * The most seconds before the handed secret's `expires_at` at which its spare is fetched. The
   * actual lead is the smaller of this and a third of that secret's lifetime (`expires_at` minus
   * when it arrived), so short-lived sessions are warmed proportionally later. Default 90.
   */
  leadSeconds?: number;
  /**
   * Drop a spare nobody took after this many seconds, so a secret is never held for long
   * (a page left open, a Connect.js that stopped asking). Default 300.
   */
  maxAgeSeconds?: number;
}

/** Options of {@link AccountSessionSource}. */
export interface AccountSessionSourceOptions extends SessionSourceOptions<'account_session'> {
  /**
   * Whether the page is visible: spares are fetched only while it is (nobody waits on a hidden
   * page, and its spare would mostly age unused). Default: the document's visibility (always
   * visible without a document).
   */
  visibility?: Visibility;
  /**
   * The spare secret that makes Connect.js' refresh call resolve at once. Default
   * `{ leadSeconds: 90, maxAgeSeconds: 300 }`. `false` turns it off: every Connect.js refresh then
   * waits for a request to the app's endpoint.
   */
  warm?: WarmOptions | false;
  /**
   * A first secret already on its way, started before this source existed (`preloadConnect` does
   * this before React renders). The first request waits for it instead of fetching; `abort` is
   * called when the source stops waiting (its last subscriber left). As a function, it is called
   * when the first secret is requested (`null`: none on its way), so creating the source takes nothing.
   */
  firstSecret?: FirstSecret | (() => FirstSecret | null);
}

/** A first secret already on its way (see {@link AccountSessionSourceOptions.firstSecret}). */
export interface FirstSecret {
  /** Settles with the secret, or rejects like `requestSecret` (an {@link EmbedkitError}). */
  promise: Promise<ClientSecret>;
  /** Stops the request behind `promise`. */
  abort: () => void;
}

/**
 * The warm secret's lead is at most this share of the handed secret's lifetime. Connect.js'
 * refresh moment is undocumented; the sandbox stand-in asks with `min(60 s, lifetime / 4)` left.
 * With `min(90 s, lifetime / 3)` the spare arrives first for any lifetime: a twelfth of the
 * lifetime ahead below 240 s (10 s at 120 s, still hundreds of milliseconds at a few seconds,
 * enough for a request on a test machine's loopback) and 30 s ahead from 270 s (room for a slow
 * endpoint with retries). It is not much earlier either, since every second of head start is a
 * second of the next secret's lifetime spent waiting, which shows up as more sessions per hour.
 */
const LEAD_SHARE_OF_LIFETIME = 1 / 3;
const DEFAULT_LEAD_SECONDS = 90;
const DEFAULT_MAX_AGE_SECONDS = 300;

/** The options checked when a source is created; the warm ones by their full names. */
const OPTION_RULES = {
  fetchSecret: fetchSecretRule,
  'warm.leadSeconds': secondsRule,
  'warm.maxAgeSeconds': secondsRule,
};

/** A secret with when it arrived and how long it lives from then, both on this device's clock. */
interface Fetched {
  secret: ClientSecret;
  fetchedAt: number;
  /**
   * From arrival to `expires_at`: the lifetime the server gave the secret when it created it,
   * give or take the skew between its clock and this device's.
   */
  lifetimeMs: number;
}

function arrived(secret: ClientSecret, now: number): Fetched {
  // AccountSession answers always carry expires_at (parseSecretAnswer requires it); without one
  // the lifetime is not positive and no spare is fetched.
  return { secret, fetchedAt: now, lifetimeMs: (secret.expiresAt ?? 0) * 1000 - now };
}

interface InFlight {
  promise: Promise<ClientSecret>;
  controller: AbortController;
  /** A `fetchClientSecret` caller waits for it: its secret is handed out, not kept warm. */
  awaited: boolean;
  /** Failures go to state: someone asked for this secret (Connect.js or a user's retry). */
  reportErrors: boolean;
}

/**
 * The AccountSession lifecycle for one Connect.js instance. Hand {@link fetchClientSecret} to
 * `loadConnectAndInitialize`: concurrent calls share one request, every secret is handed out once,
 * and while someone is subscribed and the page is visible one unused secret is fetched shortly
 * before the current one expires, so Connect.js's refresh call resolves at once.
 */
export class AccountSessionSource extends SessionSource<SessionState, 'account_session'> {
  readonly #visibility: Visibility;
  readonly #maxLeadMs: number | null;
  readonly #maxAgeMs: number;
  #inFlight: InFlight | null = null;
  #warm: Fetched | null = null;
  #handed: Fetched | null = null;
  /** The handed secret a warm one was last fetched for: one warm fetch per handed secret. */
  #warmedFor: Fetched | null = null;
  #stopWatchingVisibility: (() => void) | null = null;
  #firstSecret: AccountSessionSourceOptions['firstSecret'] | null;

  constructor(options: AccountSessionSourceOptions) {
    const warm = options.warm === false ? null : (options.warm ?? {});
    checkOptions(
      SESSION_KINDS.account_session.label,
      { fetchSecret: options.fetchSecret, 'warm.leadSeconds': warm?.leadSeconds, 'warm.maxAgeSeconds': warm?.maxAgeSeconds },
      OPTION_RULES,
      'account_session',
    );
    super('account_session', options, initialSessionState, sessionReducer);
    this.#visibility = options.visibility ?? documentVisibility;
    this.#maxLeadMs = warm && (warm.leadSeconds ?? DEFAULT_LEAD_SECONDS) * 1000;
    this.#maxAgeMs = (warm?.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS) * 1000;
    this.#firstSecret = options.firstSecret ?? null;
  }

  /**
   * What Connect.js calls for a secret. Bound, so it can be passed as is. Resolves with a secret
   * never handed out before; rejects with an {@link EmbedkitError}, which Connect.js reports.
   */
  fetchClientSecret = (): Promise<string> => {
    if (this.isDisposed) return Promise.reject(this.#disposedError());
    const warm = this.#takeWarm();
    if (warm) {
      this.#hand(warm);
      this.dispatch({ type: 'handed', handed: warm.secret });
      return Promise.resolve(warm.secret.reveal());
    }
    // Joining the request in flight (a warm one included) is what collapses concurrent calls.
    const request = this.#inFlight ?? this.#startRequest(false);
    request.awaited = true;
    request.reportErrors = true;
    const revealed = request.promise.then((secret) => secret.reveal());
    // Failures reach the state and onError; a caller that never awaits (the loader's eager call
    // when Connect.js never loads, then the provider unmounts) must not add an unhandled rejection.
    revealed.catch(() => {});
    return revealed;
  };

  /** Clears the error and requests a secret now, for the next `fetchClientSecret` call (the UI's "Try again"). */
  refresh(): void {
    if (this.isDisposed) return;
    if (this.#inFlight) {
      this.#inFlight.reportErrors = true;
      this.dispatch({ type: 'fetch', clearError: true });
      return;
    }
    this.#startRequest(true);
  }

  protected onActive(): void {
    this.#stopWatchingVisibility = this.#visibility.subscribe(() => this.#scheduleWarm());
    this.#scheduleWarm();
  }

  protected onInactive(): void {
    this.#stopWatchingVisibility?.();
    this.#stopWatchingVisibility = null;
    this.clearTimer('warm');
    // Let go of the aborted request at once, so a caller arriving before it settles starts anew.
    this.#inFlight?.controller.abort();
    this.#inFlight = null;
    this.dispatch({ type: 'cancelled' });
    if (this.isDisposed) {
      this.#dropWarm();
      // Never asked for: nobody will wait for it.
      if (typeof this.#firstSecret === 'object') this.#firstSecret?.abort();
      this.#firstSecret = null;
    }
  }

  #startRequest(reportErrors: boolean): InFlight {
    const controller = new AbortController();
    this.dispatch({ type: 'fetch', clearError: reportErrors });
    const given = this.#firstSecret;
    this.#firstSecret = null;
    const first = typeof given === 'function' ? given() : given;
    if (first) controller.signal.addEventListener('abort', first.abort, { once: true });
    const entry: InFlight = { controller, awaited: false, reportErrors, promise: first ? first.promise : this.request(controller.signal) };
    this.#inFlight = entry;
    entry.promise.then(
      (secret) => {
        if (this.#inFlight === entry) this.#inFlight = null;
        // Answered just as it was aborted: a waiting caller still gets it, nobody keeps it warm.
        if (controller.signal.aborted && !entry.awaited) return;
        if (entry.awaited) {
          this.#hand(arrived(secret, this.clock.now()));
          this.dispatch({ type: 'fetched', handed: secret });
        } else {
          this.#keepWarm(secret);
          this.dispatch({ type: 'fetched', handed: null });
        }
        this.#scheduleWarm();
      },
      (error: EmbedkitError) => {
        if (controller.signal.aborted) return;
        this.#inFlight = null;
        // A failed warm fetch is no failure the user has to see: Connect.js simply asks on demand.
        this.dispatch(entry.reportErrors ? { type: 'failed', error } : { type: 'cancelled' });
      },
    );
    return entry;
  }

  #hand(fetched: Fetched): void {
    this.#handed = fetched;
    this.#scheduleWarm();
  }

  /** The warm secret if it is still fresh; either way it is no longer kept. */
  #takeWarm(): Fetched | null {
    const warm = this.#warm;
    this.#dropWarm();
    if (!warm || this.#freshForMs(warm) <= 0) return null;
    return warm;
  }

  #keepWarm(secret: ClientSecret): void {
    this.#dropWarm();
    const warm = arrived(secret, this.clock.now());
    this.#warm = warm;
    this.setTimer('discard', () => this.#dropWarm(), this.#freshForMs(warm));
  }

  /**
   * How much longer a warm secret may be handed out: until it is `maxAgeSeconds` old, and while
   * more than the clock-skew margin (30 s) is left before its `expires_at`. Below a 90 s lifetime
   * (test setups) the margin is a third of the lifetime instead, like the lead, or every such
   * secret would count as expired on arrival and each refresh would cost two sessions.
   */
  #freshForMs({ fetchedAt, lifetimeMs }: Fetched): number {
    const margin = Math.min(CLOCK_SKEW_MS, lifetimeMs * LEAD_SHARE_OF_LIFETIME);
    return Math.min(this.#maxAgeMs, lifetimeMs - margin) - (this.clock.now() - fetchedAt);
  }

  #dropWarm(): void {
    this.#warm = null;
    this.clearTimer('discard');
  }

  /** (Re)plans the warm fetch; it only ever happens while active, visible and needed. */
  #scheduleWarm(): void {
    this.clearTimer('warm');
    const handed = this.#handed;
    // A secret already expired by this device's clock (a clock running ahead) has no lifetime to
    // scale by, and a spare would count as expired too: Connect.js then fetches on demand.
    if (!this.#canWarm() || !handed || handed.lifetimeMs <= 0) return;
    const leadMs = Math.min(this.#maxLeadMs!, handed.lifetimeMs * LEAD_SHARE_OF_LIFETIME);
    const delay = Math.max(0, handed.fetchedAt + handed.lifetimeMs - leadMs - this.clock.now());
    this.setTimer('warm', () => {
      if (!this.#canWarm() || this.#handed !== handed) return;
      this.#warmedFor = handed;
      this.#startRequest(false);
    }, delay);
  }

  #canWarm(): boolean {
    return (
      this.#maxLeadMs !== null &&
      !this.isDisposed &&
      this.isActive &&
      this.#visibility.isVisible() &&
      this.#handed !== null &&
      this.#warmedFor !== this.#handed &&
      this.#warm === null &&
      this.#inFlight === null
    );
  }

  #disposedError(): EmbedkitError {
    return new EmbedkitError(`This AccountSessionSource was disposed.${hint(() => process.env.NODE_ENV !== 'production' && 'Create a new one (a new <ConnectProvider>) to fetch AccountSession secrets.')}`, {
      code: 'aborted',
      kind: 'account_session',
    });
  }
}
