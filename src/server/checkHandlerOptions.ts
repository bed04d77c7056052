import { configError } from './configError.js';

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
  if (options === null || typeof options !== 'object') {
    throw configError(factory, `pass an options object: { stripe, authorize${requirements.components ? ', components' : ''}, … }.`);
  }
  const { stripe, authorize, components } = options as Record<string, unknown>;
  if (typeof requirements.method(stripe) !== 'function') {
    throw configError(factory, `stripe is missing. Pass the official client: ${factory}({ stripe: new Stripe(process.env.STRIPE_SECRET_KEY), … }).`);
  }
  if (typeof authorize !== 'function') {
    throw configError(factory, `authorize is required: ${requirements.authorize}. There is no allow-all default.`);
  }
  if (requirements.components && (components === null || (typeof components !== 'object' && typeof components !== 'function'))) {
    throw configError(factory, `components is required: e.g. ${requirements.components}, or a function of the authorize() result. The browser never chooses components.`);
  }
}
