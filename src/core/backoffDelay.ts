import type { RetryOptions } from './types.js';

/** The retry policy with every default filled in. */
export type ResolvedRetryOptions = Required<RetryOptions>;

/** Defaults: 3 attempts in all, 300 ms doubling, at most 5 s per wait, `Math.random` jitter. */
export function resolveRetryOptions({ attempts = 3, baseDelayMs = 300, maxDelayMs = 5000, random = Math.random }: RetryOptions = {}): ResolvedRetryOptions {
  return { attempts: Math.max(1, Math.floor(attempts)), baseDelayMs: Math.max(0, baseDelayMs), maxDelayMs: Math.max(0, maxDelayMs), random };
}

/**
 * How long to wait before retry number `retry` (1 for the first retry): exponential, capped at
 * `maxDelayMs`, with "equal jitter" — somewhere in [half, whole) of the capped step — so many tabs
 * hitting one failing server spread out instead of retrying in lockstep, while each still waits
 * at least half the step.
 */
export function backoffDelay(retry: number, options: RetryOptions = {}): number {
  const { baseDelayMs, maxDelayMs, random } = resolveRetryOptions(options);
  const half = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, retry - 1)) / 2;
  return half + random() * half;
}
