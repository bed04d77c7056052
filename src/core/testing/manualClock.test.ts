import { describe, expect, it } from 'vitest';
import { createManualClock } from './manualClock.js';

describe('createManualClock', () => {
  it('fires timers in due order, each at its own time, and skips cleared ones', async () => {
    const clock = createManualClock(0);
    const fired: [string, number][] = [];
    clock.setTimeout(() => fired.push(['b', clock.now()]), 200);
    clock.setTimeout(() => fired.push(['a', clock.now()]), 100);
    const cleared = clock.setTimeout(() => fired.push(['x', clock.now()]), 150);
    clock.clearTimeout(cleared);
    await clock.advance(150);
    expect(fired).toEqual([['a', 100]]);
    expect(clock.now()).toBe(150);
    await clock.advance(3_600_000);
    expect(fired).toEqual([
      ['a', 100],
      ['b', 200],
    ]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('runs timers scheduled by timers and lets awaited chains finish in between', async () => {
    const clock = createManualClock(0);
    const log: number[] = [];
    const tick = async () => {
      await Promise.resolve();
      await Promise.resolve();
      log.push(clock.now());
      if (log.length < 3) clock.setTimeout(() => void tick(), 1000);
    };
    clock.setTimeout(() => void tick(), 1000);
    await clock.advance(10_000);
    expect(log).toEqual([1000, 2000, 3000]);
  });
});
