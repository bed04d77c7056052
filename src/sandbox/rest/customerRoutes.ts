import type Stripe from 'stripe';
import { checkExpand, EXPAND, METADATA, PAGINATION } from './commonParams.js';
import { randomId } from '../engine/randomId.js';
import { inRange, readParams } from './readParams.js';
import type { Route } from '../engine/Route.js';
import type { SandboxStore } from '../engine/SandboxStore.js';
import { SandboxApiError } from '../engine/SandboxApiError.js';
import { matchesSearch, parseSearchQuery, type SearchFieldType } from './searchQuery.js';
import { buildCustomer, buildList, buildSearchResult } from './stripeObjects.js';

const CREATE_CUSTOMER = {
  email: { type: 'string' },
  name: { type: 'string' },
  description: { type: 'string' },
  phone: { type: 'string' },
  ...METADATA,
  ...EXPAND,
} as const;

const LIST_CUSTOMERS = {
  ...PAGINATION,
  email: { type: 'string' },
  created: { type: 'range' },
  test_clock: { type: 'string' },
} as const;

const SEARCH_CUSTOMERS = {
  query: { type: 'string', required: true },
  limit: PAGINATION.limit,
  page: { type: 'string' },
  ...EXPAND,
} as const;

/** Stripe's query fields for customers (https://docs.stripe.com/search#query-fields-for-customers), besides metadata. */
const CUSTOMER_SEARCH_FIELDS: Record<string, SearchFieldType> = { created: 'numeric', email: 'string', name: 'string', phone: 'string' };

/** Customers visible from `context`, newest first. */
function visibleCustomers(store: SandboxStore, context: string | null): Stripe.Customer[] {
  const out: Stripe.Customer[] = [];
  for (const stored of store.customers.values()) if (stored.context === context) out.push(stored.customer);
  return out.reverse();
}

/** A customer visible from `context` (the `Stripe-Account` in use), or Stripe's 404. */
export function findCustomer(store: SandboxStore, id: string, context: string | null, param?: string): Stripe.Customer {
  const found = store.customers.get(id);
  if (!found || found.context !== context) throw SandboxApiError.noSuch('customer', id, param);
  return found.customer;
}

/** `POST /v1/customers`, `GET /v1/customers` (list), `/v1/customers/search`, `/v1/customers/:id`; all honour `Stripe-Account`. */
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
    path: '/v1/customers',
    handle({ store, form, stripeAccount }) {
      const params = readParams(form, LIST_CUSTOMERS);
      checkExpand(params.expand, []);
      // The sandbox has no test clocks: any id names one that does not exist.
      if (params.test_clock !== undefined) throw SandboxApiError.noSuch('test_clock', params.test_clock, 'test_clock');
      const matches = visibleCustomers(store, stripeAccount).filter(
        // Stripe's email filter is exact and case-sensitive (unlike search).
        (c) => (params.email === undefined || c.email === params.email) && inRange(c.created, params.created),
      );
      return buildList(matches, '/v1/customers', params, (param, id) => SandboxApiError.noSuch('customer', id, param));
    },
  },
  {
    // Before `/v1/customers/:id`, which would otherwise take `search` for an id.
    method: 'GET',
    path: '/v1/customers/search',
    handle({ store, form, stripeAccount }) {
      const params = readParams(form, SEARCH_CUSTOMERS);
      const expand = checkExpand(params.expand, ['total_count']);
      const query = parseSearchQuery(params.query, CUSTOMER_SEARCH_FIELDS, 'customers');
      const matches = visibleCustomers(store, stripeAccount).filter((customer) =>
        matchesSearch(query, (field, key) =>
          key === undefined ? (customer[field as keyof Stripe.Customer] as string | number | null) : Object.hasOwn(customer.metadata, key) ? customer.metadata[key] : undefined,
        ),
      );
      return buildSearchResult(matches, '/v1/customers/search', params, expand.has('total_count'));
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
