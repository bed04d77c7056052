import type { SessionKind } from '../core/types.js';
import { safeRequestId } from './mapStripeError.js';
import type { ServerEvent } from './types.js';

/** A field of Stripe's session that the browser gets. */
export type SessionField = 'client_secret' | 'expires_at';

/**
 * Stripe answered, but not with a session the browser can use (no client secret, no expiry). The
 * handler answers 502 `stripe_answer_invalid` and hands this to `onError`; its message names the
 * missing field, never a value.
 */
export class StripeAnswerError extends Error {
  override readonly name = 'StripeAnswerError';

  constructor(
    message: string,
    readonly detail: Pick<ServerEvent, 'stripeRequestId'>,
  ) {
    super(message);
  }
}

const CHECKS: Record<SessionField, (value: unknown) => boolean> = {
  client_secret: (value) => typeof value === 'string' && value !== '',
  expires_at: (value) => typeof value === 'number' && Number.isFinite(value),
};

/**
 * The success body: exactly `fields` of Stripe's session, each read once and checked, so an
 * answer without a secret is a failure the same way in every handler, not a 200 the browser
 * cannot use.
 */
export function readStripeAnswer(session: unknown, kind: SessionKind, fields: readonly SessionField[]): Record<string, unknown> {
  const source = (typeof session === 'object' && session !== null ? session : {}) as Record<string, unknown> & { lastResponse?: { requestId?: unknown } };
  const answer: Record<string, unknown> = {};
  for (const field of fields) {
    const value = source[field];
    if (!CHECKS[field](value)) {
      const requestId = safeRequestId(source.lastResponse?.requestId);
      throw new StripeAnswerError(`Stripe answered the ${kind} request without a usable ${field}.`, requestId === undefined ? {} : { stripeRequestId: requestId });
    }
    answer[field] = value;
  }
  return answer;
}
