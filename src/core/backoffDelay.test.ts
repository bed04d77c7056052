import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, resolveRetryOptions } from './backoffDelay.js';

describe('backoffDelay', () => {
  it('doubles from the base and stays within [half, whole) of each step', () => {
    expect([1, 2, 3, 4].map((retry) => backoffDelay(retry, { baseDelayMs: 100, random: () => 0 }))).toEqual([50, 100, 200, 400]);
    expect(backoffDelay(3, { baseDelayMs: 100, random: () => 0.5 })).toBe(300);
  });

  it('caps every delay at maxDelayMs, jitter included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, baseDelayMs, maxDelayMs, jitter) => {
          const step = Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1));
          const delay = backoffDelay(retry, { baseDelayMs, maxDelayMs, random: () => jitter });
          expect(delay).toBeGreaterThanOrEqual(step / 2);
          expect(delay).toBeLessThanOrEqual(step);
          expect(delay).toBeLessThanOrEqual(maxDelayMs);
        },
      ),
    );
  });

  it('defaults: 3 attempts, 300 ms base, 5 s cap', () => {
    expect(resolveRetryOptions()).toMatchObject({ attempts: 3, baseDelayMs: 300, maxDelayMs: 5000 });
    expect(resolveRetryOptions({ attempts: 0 }).attempts).toBe(1);
    expect(backoffDelay(30, { random: () => 0.999999 })).toBeLessThan(5000);
  });
});
