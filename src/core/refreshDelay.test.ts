import { describe, expect, it } from 'vitest';
import { MIN_REFRESH_DELAY_MS, refreshDelay } from './refreshDelay.js';

const now = 1_767_225_600_000;
const inSeconds = (s: number) => now / 1000 + s;

describe('refreshDelay', () => {
  it('renews the margin before expiry', () => {
    expect(refreshDelay(inSeconds(1800), now, 60)).toBe(1740_000);
    expect(refreshDelay(inSeconds(1800), now, 300)).toBe(1500_000);
  });

  it('waits at least half the remaining lifetime when it is shorter than twice the margin', () => {
    expect(refreshDelay(inSeconds(90), now, 60)).toBe(45_000);
    expect(refreshDelay(inSeconds(30), now, 60)).toBe(15_000);
    expect(refreshDelay(inSeconds(2), now, 60)).toBe(1_000);
  });

  it('renews at least twice the last request time before expiry, so a request as slow lands in time', () => {
    expect(refreshDelay(inSeconds(2), now, 60, 800)).toBe(MIN_REFRESH_DELAY_MS);
    expect(refreshDelay(inSeconds(1800), now, 60, 40_000)).toBe(1720_000);
  });

  it('never schedules sooner than the floor, even for a secret already (nearly) expired', () => {
    expect(refreshDelay(inSeconds(0.6), now, 60)).toBe(MIN_REFRESH_DELAY_MS);
    expect(refreshDelay(inSeconds(-20), now, 60)).toBe(MIN_REFRESH_DELAY_MS);
  });
});
