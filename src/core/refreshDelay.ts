import { development } from './development.js';
import { EmbedkitError } from './EmbedkitError.js';

/**
 * The shortest wait before renewing, so no answer (a server clock running behind, a session
 * answered twice) can make renewals faster than two a second. Short enough for a 2 s lifetime,
 * which Stripe's whole-second `expires_at` can leave at just over 1 s on arrival.
 */
export const MIN_REFRESH_DELAY_MS = 500;

/**
 * Unusable answers in a row after which a CustomerSession source stops renewing with an `expired`
 * error until a new subscriber or `refresh()`: waits of 0.5, 1, 2 and 4 s before them, so a
 * misbehaving endpoint costs five requests in about eight seconds, then none. An answer is
 * unusable when, by this device's clock (the only one it has), it expires within
 * {@link MIN_REFRESH_DELAY_MS} (a device clock ahead of the server's by about the lifetime, or a
 * server handing out old sessions) or no later than the secret in use (a server answering the
 * same session again): renewing sooner would only get the same.
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

/** The error a CustomerSession source stops with after {@link MAX_UNUSABLE_ANSWERS} unusable answers. */
export const unusableAnswersError = (): EmbedkitError =>
  new EmbedkitError(
    `The CustomerSession endpoint answered ${MAX_UNUSABLE_ANSWERS} unusable sessions in a row.${
      development() && process.env.NODE_ENV !== 'production'
        ? ` By this device's clock they were expired, about to expire or no newer than the one in use. Create a new session for every request (never cache or reuse one), and check the server's and this device's clocks.`
        : ''
    }`,
    { code: 'expired', kind: 'customer_session' },
  );
