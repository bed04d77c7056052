/**
 * When a fake Connect.js asks for the next AccountSession secret: with `min(60 s, a quarter of the
 * lifetime)` left of the secret it holds. Stripe documents only that Connect.js refreshes "when it
 * expires"; this is the moment core tests hold the warm spare against (the sandbox's stand-in
 * happens to ask at the same moment, but core tests do not depend on the sandbox).
 */
export function connectAsksWithSecondsLeft(lifetimeSeconds: number): number {
  return Math.min(60, Math.max(0, lifetimeSeconds) / 4);
}
