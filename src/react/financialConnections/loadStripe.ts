import type { Stripe, StripeConstructorOptions } from '@stripe/stripe-js';
// The file, not `@stripe/stripe-js/pure`: that is a directory, which Node's ESM resolver (server
// rendering without a bundler) refuses to import.
import { loadStripe as loadStripeJs } from '@stripe/stripe-js/pure/index.mjs';
import { optionsProblem, publishableKeyRule, recordRule } from '../../core/checkOptions.js';

const loaded = new Map<string, Promise<Stripe | null>>();

/**
 * Stripe.js for `<Elements stripe={…}>` and your own Stripe.js calls: the very instance embedkit
 * uses (`useFinancialConnections` with the same publishable key), so the page loads one Stripe.js
 * and your bundle carries one loader. Use it instead of `loadStripe` from `@stripe/stripe-js`,
 * whose second copy of the loader would end up next to embedkit's. Same call: one instance per
 * publishable key and options for the whole page. Built on `@stripe/stripe-js/pure`, so importing
 * embedkit (or rendering it on the server) injects no script until this is called. A failed load
 * is forgotten so the next call tries again (Stripe's loader clears its own cache the same way);
 * a wrong key rejects with an `invalid_options` `EmbedkitError`.
 *
 * @example
 * const stripePromise = loadStripe(import.meta.env.VITE_STRIPE_PUBLISHABLE_KEY);
 */
export function loadStripe(publishableKey: string, options?: StripeConstructorOptions): Promise<Stripe | null> {
  // The rules built here, not in a module constant: spreads keep a constant in bundles that never call this.
  const problem = optionsProblem('loadStripe', { publishableKey, options }, { publishableKey: { ...publishableKeyRule, required: true }, options: recordRule });
  return problem ? Promise.reject(problem) : loadCheckedStripe(publishableKey, options);
}

/** {@link loadStripe} for callers that checked the key already (useFinancialConnections): same instances. */
export function loadCheckedStripe(publishableKey: string, options?: StripeConstructorOptions): Promise<Stripe | null> {
  const key = JSON.stringify([publishableKey, options]);
  let promise = loaded.get(key);
  if (!promise) {
    promise = options === undefined ? loadStripeJs(publishableKey) : loadStripeJs(publishableKey, options);
    loaded.set(key, promise);
    promise.catch(() => loaded.delete(key));
  }
  return promise;
}
