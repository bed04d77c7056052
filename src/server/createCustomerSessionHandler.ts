import { checkHandlerOptions } from './checkHandlerOptions.js';
import { createSessionHandler } from './createSessionHandler.js';
import { invalidAuthorization } from './invalidAuthorization.js';
import { resolve } from './resolve.js';
import type {
  AuthorizeContext,
  AuthorizedCustomer,
  BaseHandlerOptions,
  CustomerSessionComponents,
  CustomerSessionsClient,
  Resolvable,
  ServerEvent,
  SessionHandler,
  StripeOption,
} from './types.js';

export interface CustomerSessionHandlerOptions extends BaseHandlerOptions {
  /** The app's `stripe` client, or a function that makes it on the first request (see {@link StripeOption}). */
  stripe: StripeOption<CustomerSessionsClient>;
  /**
   * Returns the signed-in user's own Stripe customer, or `null` when nobody is signed in (401).
   * Throw `ForbiddenError` to refuse (403). Never take the customer id from the body.
   */
  authorize: (request: Request, context: AuthorizeContext) => AuthorizedCustomer | null | Promise<AuthorizedCustomer | null>;
  /** e.g. `{ payment_element: { enabled: true, features: { payment_method_redisplay: 'enabled' } } }`, or `{ pricing_table: { enabled: true } }`. */
  components: Resolvable<CustomerSessionComponents, AuthorizedCustomer>;
  /** Receives unexpected errors (yours or Stripe's, raw) for a server-side error tracker; never sent to the browser. */
  onError?: (error: unknown, event: ServerEvent) => void;
}

const FACTORY = 'createCustomerSessionHandler';
const CUSTOMER_ID = /^cus_[A-Za-z0-9]{1,255}$/;

/**
 * `POST` endpoint that creates a CustomerSession (saved cards in the Payment Element, pricing
 * table, buy button) and answers exactly `{ client_secret, expires_at }`.
 */
export function createCustomerSessionHandler(options: CustomerSessionHandlerOptions): SessionHandler {
  const client = checkHandlerOptions(FACTORY, options, {
    method: (stripe) => stripe?.customerSessions?.create,
    authorize: "a function (request) => { customer } | null that returns the signed-in user's own customer",
    components: '{ payment_element: { enabled: true } } or { pricing_table: { enabled: true } }',
  });
  const { authorize, components } = options;

  return createSessionHandler<AuthorizedCustomer>({
    factory: FACTORY,
    kind: 'customer_session',
    options,
    async authorize(request, body) {
      const answer = await authorize(request, { body });
      if (answer === null) return null;
      const customer: unknown = answer?.customer;
      if (typeof customer !== 'string' || !CUSTOMER_ID.test(customer)) {
        throw invalidAuthorization('return { customer: "cus_…" } for a signed-in user, or null');
      }
      return { customer };
    },
    describe: ({ customer }) => ({ customer }),
    async create(authorized, stripeOptions) {
      return client().customerSessions.create({ customer: authorized.customer, components: await resolve(components, authorized) }, stripeOptions);
    },
    answer: ['client_secret', 'expires_at'],
  });
}
