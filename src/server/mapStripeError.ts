import { Refusal } from './Refusal.js';
import type { ServerEvent } from './types.js';

export type StripeErrorDetail = Pick<ServerEvent, 'stripeErrorType' | 'stripeCode' | 'stripeParam' | 'stripeRequestId'>;

/**
 * Fields copied from a stripe-node error only when they match these shapes: they are identifiers,
 * so anything else (a message, an echoed value) is dropped rather than risk passing it on.
 */
const SAFE = {
  requestId: /^req_[A-Za-z0-9]{1,64}$/,
  code: /^[a-z0-9_]{1,64}$/,
  param: /^[A-Za-z0-9_.[\]]{1,200}$/,
};

/** Seconds a browser should wait after Stripe rate-limited us; Stripe's 429 carries no Retry-After. */
const UPSTREAM_RETRY_AFTER_SECONDS = '1';

/**
 * Turns an error thrown by the `stripe` SDK into a safe answer, or `null` when it is not a Stripe
 * error. Recognised by stripe-node's `type` (its class name) rather than `instanceof`, so this
 * module never loads the SDK and works with whichever copy of it the app has.
 *
 * Stripe's own message is never used: it can echo account ids and parts of the API key
 * (`Invalid API Key provided: sk_test_****abcd`). Configuration faults (the key, its
 * permissions, the parameters the server sent) are 500s: the browser cannot fix them and the
 * app's operator must. Faults on Stripe's side are 502, its rate limit is 429.
 */
export function mapStripeError(error: unknown): { refusal: Refusal; detail: StripeErrorDetail } | null {
  if (!(error instanceof Error)) return null;
  const fields = error as Error & { type?: unknown; code?: unknown; param?: unknown; requestId?: unknown; statusCode?: unknown };
  if (typeof fields.type !== 'string' || !fields.type.startsWith('Stripe')) return null;

  const detail: StripeErrorDetail = { stripeErrorType: fields.type };
  const requestId = safeRequestId(fields.requestId);
  if (requestId !== undefined) detail.stripeRequestId = requestId;
  if (typeof fields.code === 'string' && SAFE.code.test(fields.code)) detail.stripeCode = fields.code;
  if (typeof fields.param === 'string' && SAFE.param.test(fields.param)) detail.stripeParam = fields.param;

  return { refusal: refusalFor(fields.type, fields.statusCode), detail };
}

/** Stripe's `req_…` id, or `undefined` when the value does not have that shape. */
export function safeRequestId(value: unknown): string | undefined {
  return typeof value === 'string' && SAFE.requestId.test(value) ? value : undefined;
}

function refusalFor(type: string, statusCode: unknown): Refusal {
  switch (type) {
    case 'StripeRateLimitError':
      return new Refusal(429, 'stripe_rate_limited', 'Stripe is rate-limiting this server. Retry shortly.', {
        'Retry-After': UPSTREAM_RETRY_AFTER_SECONDS,
      });
    case 'StripeInvalidRequestError':
      return new Refusal(500, 'stripe_invalid_request', 'Stripe rejected the session parameters this server sent. The server operator should check the handler configuration (see the server logs).');
    case 'StripeAuthenticationError':
      return new Refusal(500, 'stripe_authentication', "Stripe rejected this server's API key. The server operator should check the secret key the handler's Stripe client uses.");
    case 'StripePermissionError':
      return new Refusal(500, 'stripe_permission', "This server's API key may not create this session. The server operator should grant the key access to this resource.");
    case 'StripeIdempotencyError':
      return new Refusal(500, 'stripe_idempotency', 'Stripe refused a reused idempotency key. The server operator should not pass a fixed Idempotency-Key to session creation.');
    case 'StripeConnectionError':
      return new Refusal(502, 'stripe_connection', 'This server could not reach Stripe. Retry shortly.');
    default:
      // StripeAPIError (5xx, 409) and classes newer than this list: a 429 is still a rate limit.
      if (statusCode === 429) return refusalFor('StripeRateLimitError', statusCode);
      return new Refusal(502, 'stripe_unavailable', 'Stripe could not create the session right now. Retry shortly.');
  }
}
