import { beforeEach, describe, expect, it } from 'vitest';
import { CustomerSessionSource } from './CustomerSessionSource.js';
import { sleep } from './sleep.js';
import { createManualClock, type ManualClock } from './testing/manualClock.js';
import type { FetchSecretContext } from './types.js';

/**
 * A CustomerSession endpoint answering from a script, one answer per request: a secret (the same
 * name again means the same secret) expiring `expiresIn` seconds after it answers, `latencyMs`
 * after the request. Records when each request started.
 */
function scriptedEndpoint(clock: ManualClock, script: Array<[name: string, expiresIn: number]>, latencyMs = 0) {
  const requestTimes: number[] = [];
  const fetchSecret = async ({ signal }: FetchSecretContext<'customer_session'>) => {
    requestTimes.push(clock.now());
    if (latencyMs) await sleep(clock, latencyMs, signal);
    const [name, expiresIn] = script[requestTimes.length - 1]!;
    return { client_secret: `cuss_secret_${name}`, expires_at: clock.now() / 1000 + expiresIn };
  };
  return { fetchSecret, requestTimes };
}

/** The gaps between consecutive requests, from the `from`th on. */
const gaps = (times: number[], from = 0) => times.slice(from + 1).map((time, i) => time - times[from + i]!);

describe('CustomerSessionSource renewal pacing', () => {
  let clock: ManualClock;
  const start = (endpoint: ReturnType<typeof scriptedEndpoint>) => {
    const source = new CustomerSessionSource({ fetchSecret: endpoint.fetchSecret, clock, refreshMarginSeconds: 60 });
    source.subscribe(() => {});
    return { source, shown: () => source.getState().secret?.reveal() };
  };
  beforeEach(() => {
    clock = createManualClock();
  });

  it('uses an answer that outlives the floor and is newer than the secret in use', async () => {
    // A lives 50 s (renewed halfway); B, answered 100 ms after it was asked for, lives 1800 s.
    const endpoint = scriptedEndpoint(clock, [['A', 50], ['B', 1800], ['C', 1800]], 100);
    const { shown } = start(endpoint);
    await clock.advance(100);
    expect(shown()).toBe('cuss_secret_A');
    await clock.advance(25_100);
    expect(shown()).toBe('cuss_secret_B');
    const answeredAt = clock.now();
    await clock.advance(1800_000);
    expect(endpoint.requestTimes[2]! - answeredAt).toBe(1740_000);
  });

  it('renews early enough for a request as slow as the last one', async () => {
    // A, answered 800 ms after it was asked for, lives 2 s: renewed 2 × 800 ms before it expires
    // (floored at 500 ms), not halfway through.
    const endpoint = scriptedEndpoint(clock, [['A', 2], ['B', 2]], 800);
    const asked = clock.now();
    start(endpoint);
    await clock.advance(800 + 500);
    expect(endpoint.requestTimes).toEqual([asked, asked + 1300]);
  });

  it('uses a new secret that expires in the same second as the one in use (a refresh right after the first answer), but not the same secret again', async () => {
    const expiresAt = clock.now() / 1000 + 1800;
    const endpoint = scriptedEndpoint(clock, [['A', 1800], ['B', 1800], ['B', 1800], ['C', 1800]]);
    const { source, shown } = start(endpoint);
    await clock.advance(0);
    expect(shown()).toBe('cuss_secret_A');
    await source.refresh();
    expect(shown()).toBe('cuss_secret_B');
    expect(source.getState().expiresAt).toBe(expiresAt);
    const inUse = source.getState().secret;
    await source.refresh();
    // Not used: the secret in use stays, and the next request follows 500 ms later.
    expect(source.getState().secret).toBe(inUse);
    expect(source.getState()).toMatchObject({ status: 'success', fetchCount: 3 });
    await clock.advance(500);
    expect(gaps(endpoint.requestTimes, 2)).toEqual([500]);
    expect(shown()).toBe('cuss_secret_C');
  });

  it('backs off, doubling, on answers about to expire or no newer, then gives up with an expired error', async () => {
    // A lives 50 s; then answers that expire within 0.4 s or before A does, none usable.
    const endpoint = scriptedEndpoint(clock, [['A', 50], ['B', 0.4], ['C', 40], ['D', 0.4], ['E', 40], ['F', 0.4], ['G', 1800]]);
    const { source, shown } = start(endpoint);
    await clock.flush();
    void source.refresh();
    await clock.advance(10_000);
    expect(gaps(endpoint.requestTimes, 1)).toEqual([500, 1000, 2000, 4000]);
    expect(shown()).toBe('cuss_secret_A');
    expect(source.getState().error).toMatchObject({ code: 'expired', kind: 'customer_session', retryable: false });
    await clock.advance(60_000);
    expect(endpoint.requestTimes).toHaveLength(6);
  });

  it('forgets unusable answers after a usable one or a fresh request', async () => {
    const endpoint = scriptedEndpoint(clock, [['A', 0.1], ['B', 1800], ['C', 0.1], ['D', 0.1], ['E', 0.1], ['F', 1800]]);
    const { source, shown } = start(endpoint);
    // A expires within 0.5 s: not used, B is asked for 500 ms later and used, renewed at 1740 s.
    await clock.advance(0);
    expect(shown()).toBeUndefined();
    await clock.advance(500 + 1740_000);
    // C, the first unusable answer after B, waits 500 ms; D, the second, would wait 1000 ms, but a
    // refresh starts afresh: E waits 500 ms.
    await clock.advance(500);
    void source.refresh();
    await clock.advance(500);
    expect(gaps(endpoint.requestTimes)).toEqual([500, 1740_000, 500, 0, 500]);
    expect(shown()).toBe('cuss_secret_F');
  });
});
