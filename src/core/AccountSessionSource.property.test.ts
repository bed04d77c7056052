import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccountSessionSource } from './AccountSessionSource.js';
import { CLOCK_SKEW_MS } from './parseSecretAnswer.js';
import { createManualClock } from './testing/manualClock.js';
import { createManualVisibility } from './testing/manualVisibility.js';
import { createSecretEndpoint } from './testing/createSecretEndpoint.js';
import type { FetchSecretContext } from './types.js';

type Step = { type: 'advance'; seconds: number } | { type: 'fetch' } | { type: 'visible'; visible: boolean } | { type: 'subscribed'; subscribed: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ type: fc.constant('advance' as const), seconds: fc.integer({ min: 0, max: 2000 }) }),
  fc.constant({ type: 'fetch' as const }),
  fc.record({ type: fc.constant('visible' as const), visible: fc.boolean() }),
  fc.record({ type: fc.constant('subscribed' as const), subscribed: fc.boolean() }),
);

describe('AccountSessionSource under any sequence of time, calls, visibility and subscribers', () => {
  it('hands out each secret once, never a nearly expired one, and fetches at most one unasked secret per handed one', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { maxLength: 40 }),
        // From a few seconds (e2e setups) to an hour.
        fc.oneof(fc.integer({ min: 3, max: 120 }), fc.integer({ min: 120, max: 3600 })),
        fc.record({ leadSeconds: fc.integer({ min: 0, max: 300 }), maxAgeSeconds: fc.integer({ min: 1, max: 900 }) }),
        async (steps, lifetimeSeconds, warm) => {
          const clock = createManualClock();
          const visibility = createManualVisibility();
          const endpoint = createSecretEndpoint({ kind: 'account_session', clock, lifetimeSeconds });
          const expiry = new Map<string, number>();
          let asking = false;
          let unaskedSinceHand = 0;
          const fetchSecret = async (context: FetchSecretContext<'account_session'>) => {
            if (!asking) unaskedSinceHand += 1;
            expect(unaskedSinceHand).toBeLessThanOrEqual(1);
            const answer = await endpoint.fetchSecret(context);
            expiry.set(answer.client_secret, answer.expires_at!);
            return answer;
          };
          const source = new AccountSessionSource({ fetchSecret, clock, visibility, warm });
          const handed = new Set<string>();
          // Mounted components are the usual case: start subscribed.
          let unsubscribe: (() => void) | null = source.subscribe(() => {});

          for (const s of steps) {
            if (s.type === 'advance') await clock.advance(s.seconds * 1000);
            if (s.type === 'visible') visibility.set(s.visible);
            if (s.type === 'subscribed' && s.subscribed && !unsubscribe) unsubscribe = source.subscribe(() => {});
            if (s.type === 'subscribed' && !s.subscribed && unsubscribe) {
              unsubscribe();
              unsubscribe = null;
              await clock.flush();
            }
            if (s.type === 'fetch') {
              asking = true;
              const secret = await source.fetchClientSecret();
              asking = false;
              unaskedSinceHand = 0;
              expect(handed.has(secret)).toBe(false);
              handed.add(secret);
              // At least the clock-skew margin left, or a third of a lifetime shorter than three
              // margins (less up to 1 s of expires_at rounding).
              const margin = Math.min(CLOCK_SKEW_MS, ((lifetimeSeconds - 1) * 1000) / 3);
              expect(expiry.get(secret)! * 1000 - margin).toBeGreaterThan(clock.now());
            }
          }
          source.dispose();
          expect(clock.pendingTimers()).toBe(0);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
