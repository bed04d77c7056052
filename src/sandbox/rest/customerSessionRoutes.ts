import type Stripe from 'stripe';
import { findAccount } from './accountRoutes.js';
import { requireEnabledComponent } from './accountSessionRoutes.js';
import { checkExpand, EXPAND } from './commonParams.js';
import { findCustomer } from './customerRoutes.js';
import { CUSTOMER_SESSION_COMPONENT_PARAMS, fillCustomerSessionComponents } from './customerSessionComponents.js';
import { randomId } from '../engine/randomId.js';
import { readParams } from './readParams.js';
import type { Route } from '../engine/Route.js';
import { SandboxApiError } from '../engine/SandboxApiError.js';

const CREATE_CUSTOMER_SESSION = {
  components: { type: 'object', required: true, fields: CUSTOMER_SESSION_COMPONENT_PARAMS },
  customer: { type: 'string' },
  customer_account: { type: 'string' },
  ...EXPAND,
} as const;

/**
 * `POST /v1/customer_sessions`. Sandbox choice, from Stripe's pricing-table docs: the secret must be
 * claimed within `lifetimeSeconds` (30 minutes by default), and the first claim extends
 * `expires_at` to claim time + `lifetimeSeconds`.
 */
export const customerSessionRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/customer_sessions',
    handle({ store, form, stripeAccount }) {
      const params = readParams(form, CREATE_CUSTOMER_SESSION);
      const expand = checkExpand(params.expand, ['customer']);
      if (params.customer && params.customer_account) {
        throw SandboxApiError.invalid('Pass either `customer` or `customer_account`, not both.', 'customer', 'parameters_exclusive');
      }
      if (!params.customer && !params.customer_account) throw SandboxApiError.missing('customer');
      const customer = params.customer ? findCustomer(store, params.customer, stripeAccount, 'customer') : null;
      const customerAccount = params.customer_account ? findAccount(store.accounts, params.customer_account, 'customer_account') : null;
      requireEnabledComponent(params.components);
      const now = store.now();
      const object = {
        object: 'customer_session',
        client_secret: randomId('cuss_secret_', 47),
        components: fillCustomerSessionComponents(params.components),
        created: now,
        customer: customer ? (expand.has('customer') ? customer : customer.id) : '',
        customer_account: customerAccount?.id ?? null,
        expires_at: now + store.lifetimeSeconds,
        livemode: false,
      } satisfies Stripe.CustomerSession;
      store.addSession({
        kind: 'customer_session',
        secret: object.client_secret,
        context: stripeAccount,
        createdAt: now,
        expiresAt: object.expires_at,
        token: null,
        loggedOut: false,
        customer: customer?.id ?? customerAccount?.id ?? '',
        object,
      });
      return object;
    },
  },
];
