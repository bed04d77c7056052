import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClientSecret } from './ClientSecret.js';
import { CustomerSessionSource, type CustomerSessionState } from './CustomerSessionSource.js';
import { EmbedkitError } from './EmbedkitError.js';
import { sleep } from './sleep.js';
import { createManualClock, type ManualClock } from './testing/manualClock.js';
import type { FetchSecretContext } from './types.js';

interface ServerOptions {
  lifetimeSeconds: number;
  /** How far the device's clock runs ahead of the server's (negative: behind). */
  skewMs?: number;
  /** Each request's round trip; half before the server creates the session, half after. */
  latencyMs?: () => number;
  /** Answer with a session that was created this long ago (a server handing out old sessions). */
  ageMs?: number;
  /** Answer the first session again on every later request (a server caching one session). */
  repeatFirst?: boolean;
}

/**
 * A secret endpoint whose server clock differs from the device's, counting whole seconds as
 * Stripe does (`expires_at` = the creating second + the lifetime).
 */
function skewedServer(clock: ManualClock, { lifetimeSeconds, skewMs = 0, latencyMs = () => 0, ageMs = 0, repeatFirst = false }: ServerOptions) {
  const requestTimes: number[] = [];
  let first: { client_secret: string; expires_at: number } | null = null;
  const fetchSecret = async ({ signal }: FetchSecretContext<'customer_session'>) => {
    requestTimes.push(clock.now());
    const latency = latencyMs();
    await sleep(clock, latency / 2, signal);
    const serverSecond = Math.floor((clock.now() - skewMs - ageMs) / 1000);
    const answer = first && repeatFirst ? first : { client_secret: `cuss_secret_T${requestTimes.length}`, expires_at: serverSecond + lifetimeSeconds };
    first ??= answer;
    await sleep(clock, latency / 2, signal);
    return answer;
  };
  return { fetchSecret, requestTimes };
}

/** Every state the source published, with when: what a `useCustomerSession` render would show. */
function recordStates(source: CustomerSessionSource, clock: ManualClock) {
  const states: Array<{ at: number; state: CustomerSessionState }> = [{ at: clock.now(), state: source.getState() }];
  const unsubscribe = source.subscribe(() => states.push({ at: clock.now(), state: source.getState() }));
  return { states, unsubscribe };
}

type Recorded = ReturnType<typeof recordStates>['states'];

/** Each stretch during which one state was shown, up to `endMs`. */
function stretches(states: Recorded, endMs: number) {
  return states.map(({ at, state }, i) => ({ from: at, to: states[i + 1]?.at ?? endMs, state }));
}

/** Milliseconds after the first secret arrived during which no secret was shown. */
function gapAfterFirstSecret(states: Recorded, endMs: number): number {
  const firstShown = states.findIndex(({ state }) => state.secret !== null);
  if (firstShown < 0) return Infinity;
  return stretches(states.slice(firstShown), endMs)
    .filter(({ state }) => state.secret === null)
    .reduce((sum, { from, to }) => sum + (to - from), 0);
}

/** The most requests that started within any `windowMs`. */
function mostRequestsWithin(requestTimes: number[], windowMs: number): number {
  let most = 0;
  for (let i = 0, j = 0; i < requestTimes.length; i++) {
    while (requestTimes[i]! - requestTimes[j]! >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

function expectNoExpiredSecretShown(states: Recorded, endMs: number) {
  for (const { to, state } of stretches(states, endMs)) {
    const secret: ClientSecret | null = state.secret;
    if (secret) expect(secret.expiresAt! * 1000, `${secret.redacted} shown until ${to}`).toBeGreaterThanOrEqual(to);
  }
}

describe('short CustomerSession lifetimes', () => {
  it.each([2, 3])('keeps a valid secret in state without a gap for a %i s lifetime', async (lifetimeSeconds) => {
    const clock = createManualClock();
    const server = skewedServer(clock, { lifetimeSeconds, latencyMs: () => 100 });
    const source = new CustomerSessionSource({ fetchSecret: server.fetchSecret, clock });
    const { states } = recordStates(source, clock);
    await clock.advance(60_000);
    expect(gapAfterFirstSecret(states, clock.now())).toBe(0);
    expectNoExpiredSecretShown(states, clock.now());
    // Renewed about halfway through each lifetime: about two requests per lifetime, no more.
    expect(server.requestTimes.length).toBeLessThanOrEqual(2 + (2 * 60) / (lifetimeSeconds - 1));
    source.dispose();
  });
});

describe('answers that cannot keep a secret valid', () => {
  // [case, server, lifetime, requests until the error, requests after a user's refresh]
  const cases: Array<[string, Omit<ServerOptions, 'lifetimeSeconds'>, number, number, number]> = [
    ["a device clock 20 s ahead of the server's (every session looks expired on arrival)", { skewMs: 20_000 }, 10, 5, 5],
    ['a server handing out sessions created 10 s ago', { ageMs: 10_000 }, 10, 5, 5],
    // The first answer is usable, five repeats are not; two hours later the repeat is long expired
    // and the answer check refuses it outright (one request, its own `expired` error).
    ['a server answering the same session again', { repeatFirst: true }, 1800, 6, 1],
  ];
  it.each(cases)('backs off and stops with an expired error: %s', async (_, serverOptions, lifetimeSeconds, untilError, afterRefresh) => {
    const clock = createManualClock();
    const server = skewedServer(clock, { lifetimeSeconds, ...serverOptions });
    const source = new CustomerSessionSource({ fetchSecret: server.fetchSecret, clock });
    const { states } = recordStates(source, clock);
    await clock.advance(2 * 3600_000);
    const { status, error } = source.getState();
    expect(status).toBe('error');
    expect(error).toBeInstanceOf(EmbedkitError);
    expect(error).toMatchObject({ code: 'expired', kind: 'customer_session', retryable: false });
    expect(error!.message).toMatch(/Create a new session for every request/);
    expect(server.requestTimes.length).toBe(untilError);
    expect(mostRequestsWithin(server.requestTimes, 1000)).toBe(2);
    expectNoExpiredSecretShown(states, clock.now());

    // A user's refresh starts over: five more tries, not one.
    void source.refresh();
    await clock.advance(3600_000);
    expect(server.requestTimes.length).toBe(untilError + afterRefresh);
    expect(source.getState().error).toMatchObject({ code: 'expired' });
    source.dispose();
    expect(clock.pendingTimers()).toBe(0);
  });
});

describe('CustomerSession renewal over lifetimes 2–3600 s and device clocks ±60 s off', () => {
  it('never shows an expired secret, always has a renewal on its way, and keeps requests per minute bounded', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 3600 }),
        fc.integer({ min: -60_000, max: 60_000 }),
        fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
        fc.infiniteStream(fc.integer({ min: 0, max: 200 })),
        async (lifetimeSeconds, skewMs, refreshMarginSeconds, latencies) => {
          const clock = createManualClock(Date.UTC(2026, 0, 1) + 123);
          const latency = latencies[Symbol.iterator]();
          const server = skewedServer(clock, { lifetimeSeconds, skewMs, latencyMs: () => latency.next().value as number });
          const source = new CustomerSessionSource({ fetchSecret: server.fetchSecret, clock, refreshMarginSeconds });
          const { states } = recordStates(source, clock);
          const durationMs = Math.min(3 * 3600, Math.max(120, 3 * lifetimeSeconds)) * 1000;
          await clock.advance(durationMs);
          const end = clock.now();

          expectNoExpiredSecretShown(states, end);
          // No silent gap: whenever no secret is shown, a request is in flight, the next one starts
          // within the longest backoff (8 s), or the state says why renewing stopped.
          for (const { from, to, state } of stretches(states, end)) {
            if (state.secret || state.isFetching) continue;
            if (state.status === 'error') {
              expect(state.error).toMatchObject({ code: 'expired' });
              continue;
            }
            const next = server.requestTimes.find((time) => time >= from) ?? end;
            expect(next - from, `no secret and no request from ${from} to ${to}`).toBeLessThanOrEqual(8000);
          }
          // Bounded whatever the clocks say: at most two requests a second, 121 in any minute.
          expect(mostRequestsWithin(server.requestTimes, 60_000)).toBeLessThanOrEqual(121);

          // Secrets that arrive with at least ~1 s left (device clock not ahead by the lifetime):
          // never a gap after the first secret, and about two requests per lifetime at most.
          const leftOnArrivalS = lifetimeSeconds - skewMs / 1000 - 1 - 0.1;
          if (leftOnArrivalS >= 0.9) {
            expect(gapAfterFirstSecret(states, end)).toBe(0);
            expect(server.requestTimes.length).toBeLessThanOrEqual(2 + durationMs / Math.max(500, (leftOnArrivalS * 1000) / 2 - 400));
          }
          source.dispose();
          expect(clock.pendingTimers()).toBe(0);
        },
      ),
      { numRuns: 150, seed: 1313 },
    );
  });
});
