import type { Clock, FetchSecret, RetryOptions, SessionKind, SessionState } from './types.js';
import { sessionReducer, type SessionAction } from './sessionReducer.js';

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

/** What every session source offers: a state snapshot with stable identity, its listeners, and an end. */
export interface SessionSourceBase<S extends SessionState> {
  /** The current state. The same object until something changes. */
  getState: () => S;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
  /** Stops every request and timer for good; later calls do nothing or reject as aborted. */
  dispose: () => void;
}

/**
 * What both session sources share, as closures (their locals minify, a class's members would
 * not): the state, written only by {@link sessionReducer} from dispatched actions; listeners; and
 * "active while someone is subscribed". Returns the public part, the one way to change state, and
 * whether the source is active (`true`), inactive (`false`) or disposed (`null`).
 *
 * `toggle(true)` runs when the first subscriber arrives; `toggle(false)` when the last one left or
 * the source is disposed (the phase is then already `null`), to abort requests and stop timers.
 * Going inactive waits one microtask, so React StrictMode's synchronous unsubscribe/resubscribe
 * neither aborts the request in flight nor starts a second one.
 */
export function sessionSource<S extends SessionState>(
  initial: S,
  toggle: (active: boolean) => void,
): [base: SessionSourceBase<S>, dispatch: (action: SessionAction) => void, phase: () => boolean | null] {
  let state = initial;
  let active: boolean | null = false;
  const listeners = new Set<() => void>();
  return [
    {
      getState: () => state,
      subscribe(listener) {
        // A wrapper per call, so subscribing the same function twice needs two unsubscribes.
        const entry = () => listener();
        // A disposed source takes no listener (its unsubscribe then finds none).
        if (active !== null) {
          listeners.add(entry);
          if (!active) toggle((active = true));
        }
        return () => {
          if (listeners.delete(entry) && !listeners.size) queueMicrotask(() => active && !listeners.size && toggle((active = false)));
        };
      },
      dispose() {
        if (active === null) return;
        active = null;
        toggle(false);
        listeners.clear();
      },
    },
    (action) => {
      const next = sessionReducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    () => active,
  ];
}

/**
 * One timer on `clock`, as a function: `(callback, ms)` (re)starts it, `()` stops it.
 * Stopping one that already fired is harmless (the {@link Clock} contract).
 */
export function clockTimer(clock: Clock): (callback?: () => void, ms?: number) => void {
  let handle: unknown;
  return (callback, ms) => {
    clock.clearTimeout(handle);
    handle = callback && clock.setTimeout(callback, ms!);
  };
}
