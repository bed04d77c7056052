import type { ClientSecret } from './ClientSecret.js';
import { realClock } from './realClock.js';
import { requestSecret } from './requestSecret.js';
import type { SessionAction } from './sessionReducer.js';
import type { Clock, FetchSecret, RetryOptions, SessionKind, SessionState } from './types.js';

/** Options every session source takes. */
export interface SessionSourceOptions<K extends SessionKind = SessionKind> {
  /** Where secrets come from: an endpoint URL, a request description or a function. */
  fetchSecret: FetchSecret<K>;
  /** Proposed to the server with every request, e.g. `{ account: 'acct_…' }`. */
  params?: Record<string, unknown>;
  /** Retries within one request, for network errors, 5xx and 429; defaults are on {@link RetryOptions}. */
  retry?: RetryOptions;
  /** Drives retries and expiry timers. Default: the real clock (`Date.now` and the global timers). */
  clock?: Clock;
}

/**
 * What both session sources share: a state snapshot with stable identity (for React's
 * `useSyncExternalStore`), written only by `reduce` from dispatched actions; listeners; and
 * "active while someone is subscribed".
 *
 * Going inactive waits one microtask, so React StrictMode's synchronous unsubscribe/resubscribe
 * neither aborts the request in flight nor starts a second one.
 */
export abstract class SessionSource<TState extends SessionState = SessionState, K extends SessionKind = SessionKind> {
  /** Drives retries and timers. Set by the constructor (`declare`: no field declaration in the bundle). */
  protected declare readonly clock: Clock;
  #state: TState;
  #disposed = false;
  #active = false;
  readonly #kind: K;
  readonly #options: SessionSourceOptions<K>;
  readonly #reduce: (state: TState, action: SessionAction) => TState;
  readonly #listeners = new Set<() => void>();
  readonly #timers = new Map<string, unknown>();

  /** `options` are checked by the subclass, once, with its own rules. */
  protected constructor(kind: K, options: SessionSourceOptions<K>, initial: TState, reduce: (state: TState, action: SessionAction) => TState) {
    this.#kind = kind;
    this.#options = options;
    this.#reduce = reduce;
    this.clock = options.clock ?? realClock;
    this.#state = initial;
  }

  /** The current state. The same object until something changes. */
  getState = (): TState => this.#state;

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    if (this.#disposed) return () => {};
    // A wrapper per call, so subscribing the same function twice needs two unsubscribes.
    const entry = () => listener();
    this.#listeners.add(entry);
    if (!this.#active) {
      this.#active = true;
      this.onActive();
    }
    return () => {
      if (!this.#listeners.delete(entry) || this.#listeners.size > 0) return;
      queueMicrotask(() => {
        if (this.#listeners.size > 0 || !this.#active || this.#disposed) return;
        this.#active = false;
        this.onInactive();
      });
    };
  };

  /** Stops every request and timer for good; later calls do nothing or reject as aborted. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#active = false;
    this.onInactive();
    for (const name of [...this.#timers.keys()]) this.clearTimer(name);
    this.#listeners.clear();
  }

  protected get isActive(): boolean {
    return this.#active;
  }

  protected get isDisposed(): boolean {
    return this.#disposed;
  }

  /** One secret from the app's endpoint, retried per the options; `signal` cancels it. */
  protected request(signal: AbortSignal): Promise<ClientSecret> {
    const { fetchSecret, params, retry } = this.#options;
    return requestSecret(fetchSecret, this.#kind, { signal, params, retry, clock: this.clock });
  }

  /** Runs `callback` after `ms` on the clock, replacing the timer of the same name. */
  protected setTimer(name: string, callback: () => void, ms: number): void {
    this.clearTimer(name);
    this.#timers.set(
      name,
      this.clock.setTimeout(() => {
        this.#timers.delete(name);
        callback();
      }, ms),
    );
  }

  protected clearTimer(name: string): void {
    if (this.#timers.has(name)) this.clock.clearTimeout(this.#timers.get(name));
    this.#timers.delete(name);
  }

  /** The one way state changes: the reducer decides, listeners hear of real changes only. */
  protected dispatch(action: SessionAction): void {
    const next = this.#reduce(this.#state, action);
    if (shallowEqual(next, this.#state)) return;
    this.#state = next;
    for (const listener of [...this.#listeners]) listener();
  }

  /** The first subscriber arrived. */
  protected abstract onActive(): void;
  /** The last subscriber left (or the source was disposed): abort requests, stop timers. */
  protected abstract onInactive(): void;
}

function shallowEqual(a: object, b: object): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
