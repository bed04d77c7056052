import { checkOptions, fetchSecretRule, secondsRule } from './checkOptions.js';
import type { ClientSecret } from './ClientSecret.js';
import { EmbedkitError } from './EmbedkitError.js';
import { documentVisibility } from './documentVisibility.js';
import { development } from './development.js';
import { CLOCK_SKEW_MS, parseSecretAnswer } from './parseSecretAnswer.js';
import { realClock } from './realClock.js';
import { requestAnswer } from './requestSecret.js';
import { clockTimer, sessionSource, type SessionSourceBase, type SessionSourceOptions } from './SessionSource.js';
import { initialSessionState } from './sessionReducer.js';
import { ACCOUNT_SESSION } from './sessionKinds.js';
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

interface InFlight {
  promise: Promise<ClientSecret>;
  controller: AbortController;
  /** Set once a `fetchClientSecret` caller waits for it: its secret is handed out, not kept warm. */
  awaited?: boolean;
  /** Failures go to state: someone asked for this secret (Connect.js or a user's retry). */
  reportErrors: boolean;
}

/**
 * The AccountSession lifecycle for one Connect.js instance. Hand {@link fetchClientSecret} to
 * `loadConnectAndInitialize`: concurrent calls share one request, every secret is handed out once,
 * and while someone is subscribed and the page is visible one unused secret is fetched shortly
 * before the current one expires, so Connect.js's refresh call resolves at once.
 */
export class AccountSessionSource {
  /** The current state. The same object until something changes. */
  declare readonly getState: SessionSourceBase<SessionState>['getState'];
  /** Calls `listener` after every change; returns the unsubscribe function. The first subscriber starts the source, the last one leaving stops its requests. */
  declare readonly subscribe: SessionSourceBase<SessionState>['subscribe'];
  /** Stops every request and timer for good; later calls do nothing or reject as aborted. */
  declare readonly dispose: () => void;
  /**
   * What Connect.js calls for a secret. Bound, so it can be passed as is. Resolves with a secret
   * never handed out before; rejects with an {@link EmbedkitError}, which Connect.js reports.
   */
  declare readonly fetchClientSecret: () => Promise<string>;
  /** Clears the error and requests a secret now, for the next `fetchClientSecret` call (the UI's "Try again"). */
  declare readonly refresh: () => void;

  constructor(options: AccountSessionSourceOptions) {
    const { leadSeconds, maxAgeSeconds } = options.warm || {};
    checkOptions(
      ACCOUNT_SESSION.label,
      { fetchSecret: options.fetchSecret, 'warm.leadSeconds': leadSeconds, 'warm.maxAgeSeconds': maxAgeSeconds },
      OPTION_RULES,
      'account_session',
    );
    Object.assign(this, createAccountSession(options));
  }
}

/**
 * An {@link AccountSessionSource} for options already checked (the React layer checks them to
 * show its error state), so they are checked once.
 */
export function createAccountSession(options: AccountSessionSourceOptions): AccountSessionSource {
  const { fetchSecret, params, retry, clock = realClock, visibility = documentVisibility, warm: warmOptions } = options;
  const { leadSeconds = DEFAULT_LEAD_SECONDS, maxAgeSeconds = DEFAULT_MAX_AGE_SECONDS } = warmOptions || {};
  let firstSecret = options.firstSecret ?? null;
  let inFlight: InFlight | null = null;
  /** The spare secret, the secret handed out last, and the one a spare was last fetched for (one per handed secret). */
  let warm: Fetched | null = null;
  let handed: Fetched | null = null;
  let warmedFor: Fetched | null = null;
  let stopWatchingVisibility: (() => void) | null = null;
  const warmTimer = clockTimer(clock);
  const discardTimer = clockTimer(clock);

  const arrived = (secret: ClientSecret, now = clock.now()): Fetched => ({
    secret,
    fetchedAt: now,
    // AccountSession answers always carry expires_at (parseSecretAnswer requires it); without one
    // the lifetime is not positive and no spare is fetched.
    lifetimeMs: (secret.expiresAt ?? 0) * 1000 - now,
  });

  const [base, dispatch, phase] = sessionSource(initialSessionState, (active) => {
    if (active) {
      stopWatchingVisibility = visibility.subscribe(scheduleWarm);
      scheduleWarm();
      return;
    }
    stopWatchingVisibility?.();
    stopWatchingVisibility = null;
    warmTimer();
    // Let go of the aborted request at once, so a caller arriving before it settles starts anew.
    inFlight?.controller.abort();
    inFlight = null;
    dispatch({ type: 'cancelled' });
    if (phase() === null) {
      dropWarm();
      // Never asked for: nobody will wait for it (a function has nothing to abort yet).
      (firstSecret as Partial<FirstSecret> | null)?.abort?.();
      firstSecret = null;
    }
  });

  const start = (reportErrors: boolean): InFlight => {
    const controller = new AbortController();
    dispatch({ type: 'fetch', clearError: reportErrors });
    const given = firstSecret;
    firstSecret = null;
    const first = typeof given === 'function' ? given() : given;
    if (first) controller.signal.addEventListener('abort', first.abort);
    const entry: InFlight = {
      controller,
      reportErrors,
      promise: first?.promise ?? requestAnswer(fetchSecret, ACCOUNT_SESSION, { signal: controller.signal, params, retry, clock }, parseSecretAnswer),
    };
    inFlight = entry;
    entry.promise.then(
      (secret) => {
        if (inFlight === entry) inFlight = null;
        // Answered just as it was aborted: a waiting caller still gets it, nobody keeps it warm.
        if (controller.signal.aborted && !entry.awaited) return;
        if (entry.awaited) {
          handed = arrived(secret);
        } else {
          // The spare before it (if any) is dropped: restarting the discard timer stops its own.
          warm = arrived(secret);
          discardTimer(dropWarm, freshForMs(warm));
        }
        dispatch({ type: 'fetched', handed: entry.awaited ? secret : null });
        scheduleWarm();
      },
      (error: EmbedkitError) => {
        if (controller.signal.aborted) return;
        inFlight = null;
        // A failed warm fetch is no failure the user has to see: Connect.js simply asks on demand.
        dispatch(entry.reportErrors ? { type: 'failed', error } : { type: 'cancelled' });
      },
    );
    return entry;
  };

  /**
   * How much longer a warm secret may be handed out: until it is `maxAgeSeconds` old, and while
   * more than the clock-skew margin (30 s) is left before its `expires_at`. Below a 90 s lifetime
   * (test setups) the margin is a third of the lifetime instead, like the lead, or every such
   * secret would count as expired on arrival and each refresh would cost two sessions.
   */
  const freshForMs = ({ fetchedAt, lifetimeMs }: Fetched): number =>
    Math.min(maxAgeSeconds * 1000, lifetimeMs - Math.min(CLOCK_SKEW_MS, lifetimeMs * LEAD_SHARE_OF_LIFETIME)) - (clock.now() - fetchedAt);

  function dropWarm(): void {
    warm = null;
    discardTimer();
  }

  /** Whether a warm fetch may happen: only ever while active, visible and needed. */
  const canWarm = () =>
    warmOptions !== false && phase() && visibility.isVisible() && handed && warmedFor !== handed && !warm && !inFlight;

  /** (Re)plans the warm fetch. */
  function scheduleWarm(): void {
    warmTimer();
    const current = handed;
    // A secret already expired by this device's clock (a clock running ahead) has no lifetime to
    // scale by, and a spare would count as expired too: Connect.js then fetches on demand.
    if (!canWarm() || current!.lifetimeMs <= 0) return;
    const leadMs = Math.min(leadSeconds * 1000, current!.lifetimeMs * LEAD_SHARE_OF_LIFETIME);
    warmTimer(() => {
      if (!canWarm() || handed !== current) return;
      warmedFor = current;
      start(false);
    }, Math.max(0, current!.fetchedAt + current!.lifetimeMs - leadMs - clock.now()));
  }

  return {
    ...base,
    fetchClientSecret: (): Promise<string> => {
      if (phase() === null) {
        return Promise.reject(
          new EmbedkitError(`This AccountSessionSource was disposed.${development() && process.env.NODE_ENV !== 'production' ? ' Create a new one (a new <ConnectProvider>) to fetch AccountSession secrets.' : ''}`, {
            code: 'aborted',
            kind: 'account_session',
          }),
        );
      }
      // The spare, if still fresh; either way it is no longer kept.
      const spare = warm && freshForMs(warm) > 0 ? warm : null;
      dropWarm();
      if (spare) {
        handed = spare;
        dispatch({ type: 'handed', handed: spare.secret });
        scheduleWarm();
        return Promise.resolve(spare.secret.reveal());
      }
      // Joining the request in flight (a warm one included) is what collapses concurrent calls.
      const request = inFlight ?? start(false);
      request.awaited = request.reportErrors = true;
      const revealed = request.promise.then((secret) => secret.reveal());
      // Failures reach the state and onError; a caller that never awaits (the loader's eager call
      // when Connect.js never loads, then the provider unmounts) must not add an unhandled rejection.
      revealed.catch(() => {});
      return revealed;
    },
    refresh: (): void => {
      if (phase() === null) return;
      if (inFlight) {
        inFlight.reportErrors = true;
        dispatch({ type: 'fetch', clearError: true });
      } else start(true);
    },
  };
}
