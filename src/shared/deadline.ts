/**
 * Time limits as `AbortSignal`s, built from `setTimeout` and `AbortController` only, so they
 * behave the same on Node, workerd, Vercel's edge-runtime, Deno and Bun (no `AbortSignal.any`).
 */
export interface Deadline {
  /** Aborts with the timeout's reason when the time is up, or with the parent's reason. */
  readonly signal: AbortSignal;
  /** Milliseconds left before the timeout (0 once passed). */
  remainingMs(): number;
  /** Stops the timer and forgets the parent; call once the guarded work is over. */
  clear(): void;
}

/**
 * A signal that aborts with `onTimeout()` after `ms`, or as soon as `parent` aborts (with
 * `onParentAbort()`, or the parent's own reason).
 */
export function deadline(ms: number, onTimeout: () => unknown, parent?: AbortSignal, onParentAbort: () => unknown = () => parent?.reason): Deadline {
  const controller = new AbortController();
  const end = Date.now() + ms;
  const timer = setTimeout(() => controller.abort(onTimeout()), ms);
  const follow = () => controller.abort(onParentAbort());
  if (parent?.aborted) follow();
  else parent?.addEventListener('abort', follow, { once: true });
  return {
    signal: controller.signal,
    remainingMs: () => Math.max(0, end - Date.now()),
    clear() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', follow);
    },
  };
}

/** `promise`, or a rejection with the signal's reason as soon as it aborts (the work itself goes on unobserved). */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
