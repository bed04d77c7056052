import type { Clock } from './types.js';

/**
 * Wall-clock time and the global timers. The globals are looked up on every call (not captured at
 * import), so test runners that swap them for fake timers still take effect.
 */
export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
