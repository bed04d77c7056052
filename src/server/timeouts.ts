import { configError } from './configError.js';
import { Refusal } from './Refusal.js';
import type { HandlerTimeouts } from './types.js';

/** The defaults of {@link HandlerTimeouts}, documented in docs/runtimes.md. */
export const DEFAULT_TIMEOUTS: Readonly<Required<HandlerTimeouts>> = { bodyMs: 10_000, requestMs: 25_000 };
/** setTimeout's largest delay; anything longer fires at once. */
const MAX_TIMER_MS = 2_147_483_647;

/** Validates `options.timeouts` at start-up; every error names the option. */
export function checkTimeouts(factory: string, timeouts: unknown): Required<HandlerTimeouts> {
  if (timeouts === undefined) return { ...DEFAULT_TIMEOUTS };
  if (timeouts === null || typeof timeouts !== 'object') {
    throw configError(factory, 'timeouts must be an object such as { bodyMs: 10000, requestMs: 25000 }, or left out for these defaults.');
  }
  const given = timeouts as Record<string, unknown>;
  for (const name of Object.keys(given)) {
    if (!(name in DEFAULT_TIMEOUTS)) throw configError(factory, `timeouts.${name} is not an option: use bodyMs and requestMs.`);
  }
  const result = { ...DEFAULT_TIMEOUTS };
  for (const name of ['bodyMs', 'requestMs'] as const) {
    const value = given[name];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_TIMER_MS) {
      throw configError(factory, `timeouts.${name} must be a positive number of milliseconds up to ${MAX_TIMER_MS} (got ${String(value)}).`);
    }
    result[name] = value;
  }
  return result;
}

export function bodyTimedOut(ms: number): Refusal {
  return new Refusal(408, 'body_timeout', `The request body did not arrive within ${ms} ms. Send the whole body at once; it only needs a few fields.`);
}

export function requestTimedOut(ms: number): Refusal {
  return new Refusal(504, 'request_timeout', `The server could not answer within ${ms} ms. Retry shortly.`);
}

/** Nobody reads this answer: it exists for the `request_failed` event. */
export function clientClosed(): Refusal {
  return new Refusal(499, 'client_closed', 'The client went away before the answer was ready; nothing was created.');
}
