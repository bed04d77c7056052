// file: app/stripe.server.ts
import Stripe from 'stripe';

/** The official client: on the sandbox the dev server started, else Stripe with your key. */
export function stripeClient(): Stripe {
  const sandboxUrl = process.env.EMBEDKIT_SANDBOX_URL;
  if (!sandboxUrl) {
    if (!process.env.STRIPE_SECRET_KEY) throw new Error('Set STRIPE_SECRET_KEY (a test-mode secret key), or run the dev server with the sandbox.');
    return new Stripe(process.env.STRIPE_SECRET_KEY);
  }
  const { hostname, port } = new URL(sandboxUrl);
  // Any sk_test_ key works on the sandbox.
  return new Stripe('sk_test_embedkitsandbox', { host: hostname, port: Number(port), protocol: 'http' });
}
