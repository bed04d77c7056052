import type { ClientSecret } from './ClientSecret.js';
import { hint } from './development.js';
import { EmbedkitError } from './EmbedkitError.js';

/**
 * The shortest wait before renewing, so no answer (a server clock running behind, a session
 * answered twice) can make renewals faster than two a second. Short enough for a 2 s lifetime,
 * which Stripe's whole-second `expires_at` can leave at just over 1 s on arrival.
 */
export const MIN_REFRESH_DELAY_MS = 500;

/**
 * Unusable answers in a row (see {@link RenewalPacer.answered}) after which renewing stops with an
 * `expired` error until a new subscriber or `refresh()`: waits of 0.5, 1, 2 and 4 s before them,
 * so a misbehaving endpoint costs five requests in about eight seconds, then none.
 */
export const MAX_UNUSABLE_ANSWERS = 5;

/**
 * Milliseconds from `nowMs` until a secret expiring at `expiresAt` (unix seconds) should be
 * renewed: `marginSeconds` before expiry, but not before half the remaining lifetime has passed
 * (a session shorter than the margin would otherwise be renewed at once, over and over), at least
 * twice `requestMs` (how long the last request took) before expiry so a request as slow lands in
 * time, and never sooner than {@link MIN_REFRESH_DELAY_MS}.
 */
export function refreshDelay(expiresAt: number, nowMs: number, marginSeconds: number, requestMs = 0): number {
  const remaining = expiresAt * 1000 - nowMs;
  const lead = Math.max(Math.min(marginSeconds * 1000, remaining / 2), 2 * requestMs);
  return Math.max(MIN_REFRESH_DELAY_MS, remaining - lead);
}

/** What to do with an answer: show it and renew later, or keep what is shown and ask again, or stop. */
export type RenewalPlan = { use: boolean; delayMs: number; error?: undefined } | { use: false; delayMs?: undefined; error: EmbedkitError };

/** Judges a CustomerSession source's answers; see {@link renewalPacer}. */
export interface RenewalPacer {
  /** A request starts. `fresh` (a new subscriber, a user's refresh) forgets earlier unusable answers. */
  requested(nowMs: number, fresh: boolean): void;
  /** The request answered `answer` at `nowMs`, while `current` is the secret in use (if any). */
  answered(answer: ClientSecret, current: ClientSecret | null, nowMs: number): RenewalPlan;
}

/**
 * When a CustomerSession secret is renewed, judged on this device's clock (the only one it has).
 * An answer is unusable when it expires within {@link MIN_REFRESH_DELAY_MS} (a device clock ahead
 * of the server's by about the lifetime, or a server handing out old sessions) or expires no later
 * than the secret in use (a server answering the same session again): renewing sooner would only
 * get the same. Unusable answers back off, doubling from {@link MIN_REFRESH_DELAY_MS}, and
 * {@link MAX_UNUSABLE_ANSWERS} in a row end in an `expired` error instead of a request loop.
 */
export function renewalPacer(marginSeconds: number): RenewalPacer {
  let unusable = 0;
  let requestedAt = 0;
  return {
    requested(nowMs, fresh) {
      requestedAt = nowMs;
      if (fresh) unusable = 0;
    },
    answered(answer, current, nowMs) {
      // CustomerSession secrets always carry expires_at (parseSecretAnswer checks it).
      const expiresAt = answer.expiresAt!;
      // expires_at has whole seconds: two sessions made in one second (a refresh right after the
      // first answer) expire together, yet the second is new. The same secret again is not.
      const newer = current === null || (answer.reveal() !== current.reveal() && expiresAt >= current.expiresAt!);
      if (expiresAt * 1000 - nowMs > MIN_REFRESH_DELAY_MS && newer) {
        unusable = 0;
        return { use: true, delayMs: refreshDelay(expiresAt, nowMs, marginSeconds, nowMs - requestedAt) };
      }
      if (++unusable < MAX_UNUSABLE_ANSWERS) return { use: false, delayMs: MIN_REFRESH_DELAY_MS * 2 ** (unusable - 1) };
      return {
        use: false,
        error: new EmbedkitError(
          `The CustomerSession endpoint answered ${MAX_UNUSABLE_ANSWERS} unusable sessions in a row.${hint(
            () =>
              process.env.NODE_ENV !== 'production' &&
              `By this device's clock they were expired, about to expire or no newer than the one in use. Create a new session for every request (never cache or reuse one), and check the server's and this device's clocks.`,
          )}`,
          { code: 'expired', kind: 'customer_session' },
        ),
      };
    },
  };
}
