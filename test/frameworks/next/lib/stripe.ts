// file: lib/stripe.ts
import Stripe from 'stripe';

/** Any `sk_test_` key works on the sandbox: it checks the shape, as Stripe does, not the value. */
const SANDBOX_SECRET_KEY = 'sk_test_embedkitsandbox';

function connect(): Stripe {
  // Set by instrumentation.ts in development, or by the test run that started the sandbox.
  const sandboxUrl = process.env.EMBEDKIT_SANDBOX_URL;
  if (sandboxUrl) {
    const { hostname, port } = new URL(sandboxUrl);
    return new Stripe(SANDBOX_SECRET_KEY, { host: hostname, port: Number(port), protocol: 'http' });
  }
  const key = process.env.STRIPE_SECRET_KEY;
  if (!key) throw new Error('Set STRIPE_SECRET_KEY (a test-mode secret key), or run with the embedkit sandbox (EMBEDKIT_SANDBOX_URL).');
  return new Stripe(key);
}

let client: Stripe | undefined;

/**
 * The official Stripe client: the sandbox in development and tests, Stripe itself in production.
 * Made on first use, not on import, so `next build` (which imports every route) needs no key.
 * embedkit's handlers take this function as their `stripe` option and call it per request.
 */
export function stripe(): Stripe {
  return (client ??= connect());
}
