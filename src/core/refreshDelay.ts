/** The shortest wait before renewing, so a server clock running behind cannot cause a request storm. */
export const MIN_REFRESH_DELAY_MS = 5_000;

/**
 * Milliseconds from `nowMs` until a secret expiring at `expiresAt` (unix seconds) should be
 * renewed: `marginSeconds` before expiry, but not before half the remaining lifetime has passed
 * (a session shorter than the margin would otherwise be renewed at once, over and over), and never
 * sooner than {@link MIN_REFRESH_DELAY_MS}.
 */
export function refreshDelay(expiresAt: number, nowMs: number, marginSeconds: number): number {
  const remaining = expiresAt * 1000 - nowMs;
  return Math.max(MIN_REFRESH_DELAY_MS, remaining - marginSeconds * 1000, remaining / 2);
}
