import { checkOptions, is, type OptionRule } from '../core/checkOptions.js';
import { where } from './configError.js';
import type { StripeOption } from './types.js';

interface Requirements {
  /** Picks the SDK method the handler calls, e.g. `(stripe) => stripe?.accountSessions?.create`. */
  method: (stripe: any) => unknown;
  /** What `authorize` must look like, for the error message. */
  authorize: string;
  /** When set, `components` is required; an example for the error message. */
  components?: string;
}

/**
 * The start-up checks all three factories share: options object, `stripe`, `authorize`,
 * `components`. Returns how a request gets the client: `stripe` itself, or what the function
 * given as `stripe` makes on the first request (checked then, kept once it is a client).
 */
export function checkHandlerOptions<C>(factory: string, options: { stripe: StripeOption<C> }, requirements: Requirements): () => C {
  const isClient = (stripe: unknown) => typeof requirements.method(stripe) === 'function';
  const stripeRule: OptionRule = {
    accepts: isClient,
    expected: 'the official Stripe client',
    required: true,
    fix: `Pass it: ${factory}({ stripe: new Stripe(process.env.STRIPE_SECRET_KEY), … }), or a function that makes it on the first request.`,
  };
  const rules: Record<string, OptionRule> = {
    // The Stripe class is a function too, but calling it makes a client without a key.
    stripe: { ...stripeRule, accepts: (stripe) => isClient(stripe) || (typeof stripe === 'function' && !('errors' in stripe)) },
    authorize: { ...is.func, required: true, fix: `Pass ${requirements.authorize}. There is no allow-all default.` },
  };
  if (requirements.components) {
    rules.components = {
      accepts: (components) => (typeof components === 'object' && components !== null) || typeof components === 'function',
      expected: 'an object or a function',
      required: true,
      fix: `e.g. ${requirements.components}, or a function of the authorize() result. The browser never chooses components.`,
    };
  }
  checkOptions(where(factory), options, rules);

  const { stripe } = options;
  if (typeof stripe !== 'function') return () => stripe;
  let client: C | undefined;
  return () => {
    if (client !== undefined) return client;
    const made = (stripe as () => C)();
    checkOptions(where(factory), { stripe: made }, { stripe: { ...stripeRule, expected: 'a function that returns the official Stripe client' } });
    return (client = made);
  };
}
