import { describe, expect, it } from 'vitest';
import { ClientSecret } from './ClientSecret.js';
import { MAX_UNUSABLE_ANSWERS, MIN_REFRESH_DELAY_MS, renewalPacer, refreshDelay } from './refreshDelay.js';

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

describe('renewalPacer', () => {
  let made = 0;
  const secret = (expiresInSeconds: number) => new ClientSecret(`cuss_secret_TEST${++made}`, 'customer_session', inSeconds(expiresInSeconds));

  it('uses an answer that outlives the floor and is newer than the secret in use', () => {
    const pacer = renewalPacer(60);
    pacer.requested(now - 100, true);
    expect(pacer.answered(secret(1800), secret(50), now)).toEqual({ use: true, delayMs: 1740_000 });
  });

  it('uses a new secret that expires in the same second as the one in use (a refresh right after the first answer), but not the same secret again', () => {
    const pacer = renewalPacer(60);
    pacer.requested(now, true);
    const current = secret(1800);
    expect(pacer.answered(secret(1800), current, now).use).toBe(true);
    expect(pacer.answered(current, current, now).use).toBe(false);
  });

  it('backs off, doubling, on answers about to expire or no newer, then gives up with an expired error', () => {
    const pacer = renewalPacer(60);
    pacer.requested(now, true);
    const delays = [];
    for (let i = 1; i < MAX_UNUSABLE_ANSWERS; i++) {
      const plan = pacer.answered(i % 2 ? secret(0.4) : secret(40), secret(50), now);
      expect(plan.use).toBe(false);
      delays.push(plan.delayMs);
    }
    expect(delays).toEqual([500, 1000, 2000, 4000]);
    expect(pacer.answered(secret(-5), null, now).error).toMatchObject({ code: 'expired', kind: 'customer_session', retryable: false });
  });

  it('forgets unusable answers after a usable one or a fresh request', () => {
    const pacer = renewalPacer(60);
    pacer.requested(now, true);
    pacer.answered(secret(0.1), null, now);
    pacer.answered(secret(1800), null, now);
    expect(pacer.answered(secret(0.1), null, now).delayMs).toBe(500);
    pacer.requested(now, true);
    expect(pacer.answered(secret(0.1), null, now).delayMs).toBe(500);
  });
});
