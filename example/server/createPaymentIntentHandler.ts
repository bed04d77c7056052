import type Stripe from 'stripe';
import { checkoutOrder } from '../shared/checkoutOrder.js';
import type { SignedInUser } from './SignedInUser';

type WebHandler = (request: Request) => Promise<Response>;

const refuse = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  Response.json({ error: { code, message } }, { status, headers: { 'Cache-Control': 'no-store', ...headers } });

/**
 * `POST /api/payment_intent`: a PaymentIntent for the checkout order, for the signed-in customer
 * (so their saved cards can pay it). The browser only asks; the amount and the customer come from
 * the server. Answers `{ client_secret }`, which the page keeps in memory for `stripe.confirmPayment`.
 */
export function createPaymentIntentHandler({ stripe, currentUser }: { stripe: Stripe; currentUser: (request: Request) => SignedInUser }): WebHandler {
  return async (request) => {
    if (request.method !== 'POST') return refuse(405, 'method_not_allowed', 'Use POST.', { Allow: 'POST' });
    // Only the app's own pages may create payments (a real app adds its usual CSRF protection).
    const site = request.headers.get('sec-fetch-site');
    if (site !== null && site !== 'same-origin') return refuse(403, 'forbidden', 'PaymentIntents are created for this site’s own pages only.');
    const { customer } = currentUser(request);
    try {
      const intent = await stripe.paymentIntents.create({
        amount: checkoutOrder.amount,
        currency: checkoutOrder.currency,
        customer,
        description: checkoutOrder.label,
        automatic_payment_methods: { enabled: true },
      });
      return Response.json({ client_secret: intent.client_secret }, { headers: { 'Cache-Control': 'no-store' } });
    } catch (error) {
      // Stripe's message stays in the server log; the page gets ours.
      console.error('example: creating the PaymentIntent failed:', error instanceof Error ? error.message : error);
      return refuse(502, 'payment_intent_failed', 'example: the payment could not be started. Try again.');
    }
  };
}
