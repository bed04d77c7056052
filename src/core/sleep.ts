import type { Clock } from './types.js';

/** Waits `ms` on `clock`; resolves early (never rejects) when `signal` aborts, so callers check it. */
export function sleep(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  let handle: unknown;
  return untilAborted(
    () => new Promise<void>((resolve) => (handle = clock.setTimeout(resolve, ms))),
    signal,
    () => clock.clearTimeout(handle),
  ).catch(() => {});
}

/**
 * What `run` returns or throws, called a microtask later (as a request is; not at all once
 * `signal` aborted), or a rejection with the signal's reason as soon as it aborts, even if `run`
 * ignores it. `stop` runs at the abort, synchronously (e.g. to clear a timer).
 */
export function untilAborted<T>(run: () => T | Promise<T>, signal: AbortSignal, stop?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      stop?.();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort);
    Promise.resolve()
      .then(() => (signal.aborted ? onAbort() : run()) as T)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}
