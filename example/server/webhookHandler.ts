import type Stripe from 'stripe';
import type { WebHandler } from './createExampleApi';

export interface WebhookHandlerOptions {
  stripe: Stripe;
  /**
   * The endpoint's `whsec_…` signing secret: on the sandbox its forward secret, on real Stripe
   * the one `stripe listen` prints or the Dashboard shows. Undefined: webhooks are refused.
   */
  secret: string | undefined;
  /** Called with each event whose signature checked out, and only with those. */
  onEvent: (event: Stripe.Event) => void;
}

/** Stripe's events are small; anything far larger is not one. */
const MAX_PAYLOAD_BYTES = 1_000_000;

const refuse = (status: number, code: string, message: string) => Response.json({ error: { code, message } }, { status });

/**
 * `POST /api/webhooks`: verifies the `Stripe-Signature` header with the official
 * `stripe.webhooks.constructEvent` over the raw body (parsed and re-serialized JSON would not
 * match the signature), then hands the event on. A bad signature is a 400 and changes nothing.
 */
export function createWebhookHandler({ stripe, secret, onEvent }: WebhookHandlerOptions): WebHandler {
  return async (request) => {
    if (request.method !== 'POST') return new Response(null, { status: 405, headers: { Allow: 'POST' } });
    if (!secret) {
      return refuse(503, 'webhooks_not_configured', 'example: set STRIPE_WEBHOOK_SECRET to the whsec_… secret `stripe listen --forward-to localhost:5173/api/webhooks` prints.');
    }
    const signature = request.headers.get('stripe-signature');
    if (!signature) return refuse(400, 'signature_missing', 'A Stripe webhook carries a Stripe-Signature header; this request has none.');
    if (Number(request.headers.get('content-length') ?? 0) > MAX_PAYLOAD_BYTES) return refuse(413, 'payload_too_large', 'This is larger than any Stripe event.');
    const payload = await request.text();
    let event: Stripe.Event;
    try {
      event = stripe.webhooks.constructEvent(payload, signature, secret);
    } catch {
      // The reason (wrong secret, altered body, old timestamp) stays here: a forger learns nothing.
      return refuse(400, 'signature_invalid', 'The Stripe-Signature header does not match this payload.');
    }
    onEvent(event);
    return Response.json({ received: true });
  };
}
