import type Stripe from 'stripe';
import { checkExpand, EXPAND, METADATA } from './commonParams.js';
import { randomId } from './randomId.js';
import { readParams } from './readParams.js';
import type { Route } from './Route.js';
import type { SandboxStore } from './SandboxStore.js';
import { SandboxApiError } from './SandboxApiError.js';
import { buildCustomer } from './stripeObjects.js';

const CREATE_CUSTOMER = {
  email: { type: 'string' },
  name: { type: 'string' },
  description: { type: 'string' },
  phone: { type: 'string' },
  ...METADATA,
  ...EXPAND,
} as const;

/** A customer visible from `context` (the `Stripe-Account` in use), or Stripe's 404. */
export function findCustomer(store: SandboxStore, id: string, context: string | null, param?: string): Stripe.Customer {
  const found = store.customers.get(id);
  if (!found || found.context !== context) throw SandboxApiError.noSuch('customer', id, param);
  return found.customer;
}

/** `POST /v1/customers`, `GET /v1/customers/:id`; both honour `Stripe-Account`. */
export const customerRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/customers',
    handle({ store, form, stripeAccount }) {
      const params = readParams(form, CREATE_CUSTOMER);
      checkExpand(params.expand, []);
      const customer = buildCustomer({
        id: randomId('cus_', 14),
        created: store.now(),
        email: params.email ?? null,
        name: params.name ?? null,
        description: params.description ?? null,
        phone: params.phone ?? null,
        metadata: params.metadata ?? {},
      });
      store.addCustomer(customer, stripeAccount);
      return customer;
    },
  },
  {
    method: 'GET',
    path: '/v1/customers/:id',
    handle({ store, form, path, stripeAccount }) {
      checkExpand(readParams(form, EXPAND).expand, []);
      return findCustomer(store, path.id ?? '', stripeAccount);
    },
  },
];
