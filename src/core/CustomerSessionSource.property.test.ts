import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerSessionSource } from './CustomerSessionSource.js';
import { EmbedkitError } from './EmbedkitError.js';
import { createManualClock } from './testing/manualClock.js';
import { createSecretEndpoint } from './testing/createSecretEndpoint.js';

type Step = { type: 'advance'; seconds: number } | { type: 'fail'; count: number; status: number } | { type: 'refresh' } | { type: 'subscribed'; subscribed: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ type: fc.constant('advance' as const), seconds: fc.integer({ min: 0, max: 4000 }) }), weight: 4 },
  fc.record({ type: fc.constant('fail' as const), count: fc.integer({ min: 1, max: 20 }), status: fc.constantFrom(401, 500, 503) }),
  fc.constant({ type: 'refresh' as const }),
  fc.record({ type: fc.constant('subscribed' as const), subscribed: fc.boolean() }),
);

describe('CustomerSessionSource under any sequence of time, failures, refreshes and subscribers', () => {
  it('never offers an expired secret, and holds one whenever subscribed and the endpoint works', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 20 }), fc.integer({ min: 60, max: 3600 }), fc.integer({ min: 0, max: 600 }), async (steps, lifetimeSeconds, margin) => {
        const clock = createManualClock();
        const endpoint = createSecretEndpoint({ kind: 'customer_session', clock, lifetimeSeconds });
        const source = new CustomerSessionSource({ fetchSecret: endpoint.fetchSecret, clock, refreshMarginSeconds: margin, retry: { attempts: 1 } });
        let unsubscribe: (() => void) | null = source.subscribe(() => {});
        let failing = 0;
        const check = () => {
          const { secret, status } = source.getState();
          if (secret) expect(secret.isExpired(clock.now())).toBe(false);
          if (status === 'success') expect(secret).not.toBeNull();
        };
        for (const s of steps) {
          if (s.type === 'advance') {
            // Check along the way, not only at the end.
            for (let elapsed = 0; elapsed < s.seconds; elapsed += 120) {
              await clock.advance(Math.min(120, s.seconds - elapsed) * 1000);
              check();
            }
          }
          if (s.type === 'fail') {
            failing += s.count;
            endpoint.failNext(new EmbedkitError('down', { code: 'http', status: s.status, retryable: s.status >= 500 }), s.count);
          }
          if (s.type === 'refresh') await source.refresh();
          if (s.type === 'subscribed' && s.subscribed && !unsubscribe) unsubscribe = source.subscribe(() => {});
          if (s.type === 'subscribed' && !s.subscribed && unsubscribe) {
            unsubscribe();
            unsubscribe = null;
          }
          await clock.flush();
          check();
        }
        // Once the injected failures are used up, refresh() restores a valid secret.
        if (!unsubscribe) source.subscribe(() => {});
        for (let i = 0; i <= failing && source.getState().status !== 'success'; i++) await source.refresh();
        expect(source.getState()).toMatchObject({ status: 'success', error: null });
        check();
        source.dispose();
        expect(clock.pendingTimers()).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
