import { checkOptions, is, type OptionRule } from '../core/checkOptions.js';
import { where } from './configError.js';

interface Requirements {
  /** Picks the SDK method the handler calls, e.g. `(stripe) => stripe?.accountSessions?.create`. */
  method: (stripe: any) => unknown;
  /** What `authorize` must look like, for the error message. */
  authorize: string;
  /** When set, `components` is required; an example for the error message. */
  components?: string;
}

/** The start-up checks all three factories share: options object, `stripe`, `authorize`, `components`. */
export function checkHandlerOptions(factory: string, options: unknown, requirements: Requirements): void {
  const rules: Record<string, OptionRule> = {
    stripe: {
      accepts: (stripe) => typeof requirements.method(stripe) === 'function',
      expected: 'the official Stripe client',
      required: true,
      fix: `Pass it: ${factory}({ stripe: new Stripe(process.env.STRIPE_SECRET_KEY), … }).`,
    },
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
}
