import type { Clock } from '../types.js';

/** A {@link Clock} that only moves when told to, for tests that span hours in microseconds. */
export interface ManualClock extends Clock {
  /**
   * Moves time forward by `ms`, firing each due timer at its own time in order, and letting
   * promise chains settle after each one (so a timer that starts a request sees it finish).
   */
  advance(ms: number): Promise<void>;
  /** Lets pending promise chains settle without moving time. */
  flush(): Promise<void>;
  /** How many timers are scheduled, e.g. to assert nothing is left running. */
  pendingTimers(): number;
}

interface Timer {
  id: number;
  due: number;
  callback: () => void;
}

/** Rounds of microtasks per flush: deep enough for chains of awaits, cheap enough to run often. */
const FLUSH_ROUNDS = 50;

/** Starts at `startMs` (default 2026-01-01T00:00:00Z); never reads or uses real timers. */
export function createManualClock(startMs = Date.UTC(2026, 0, 1)): ManualClock {
  let now = startMs;
  let nextId = 1;
  const timers = new Map<number, Timer>();

  const flush = async () => {
    for (let round = 0; round < FLUSH_ROUNDS; round++) await Promise.resolve();
  };

  return {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { id, due: now + Math.max(0, ms), callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    async advance(ms) {
      const target = now + ms;
      await flush();
      for (;;) {
        let next: Timer | undefined;
        for (const timer of timers.values()) {
          if (timer.due <= target && (!next || timer.due < next.due)) next = timer;
        }
        if (!next) break;
        timers.delete(next.id);
        now = next.due;
        next.callback();
        await flush();
      }
      now = target;
      await flush();
    },
    flush,
    pendingTimers: () => timers.size,
  };
}
