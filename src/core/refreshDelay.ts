/**
 * The shortest wait before renewing, so no answer (a server clock running behind, a session
 * answered twice) can make renewals faster than two a second. Short enough for a 2 s lifetime,
 * which Stripe's whole-second `expires_at` can leave at just over 1 s on arrival.
 */
export const MIN_REFRESH_DELAY_MS = 500;

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
