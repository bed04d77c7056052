import type { Stripe } from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure/index.mjs';

const loaded = new Map<string, Promise<Stripe | null>>();

// The file, not `@stripe/stripe-js/pure`: that is a directory, which Node's ESM resolver (server
// rendering without a bundler) refuses to import.
/**
 * One Stripe.js instance per publishable key for the whole page. `pure` injects nothing until
 * called, so importing embedkit (or rendering it on the server) loads no script. A failed load is
 * forgotten so the next call tries again (Stripe's loader clears its own cache the same way).
 */
export function loadStripeOnce(publishableKey: string): Promise<Stripe | null> {
  let promise = loaded.get(publishableKey);
  if (!promise) {
    promise = loadStripe(publishableKey);
    loaded.set(publishableKey, promise);
    promise.catch(() => loaded.delete(publishableKey));
  }
  return promise;
}
