import type Stripe from 'stripe';
import { checkExpand, EXPAND, METADATA, PAGINATION } from './commonParams.js';
import { randomId } from '../engine/randomId.js';
import { readParams } from './readParams.js';
import type { Route } from '../engine/Route.js';
import { SandboxApiError } from '../engine/SandboxApiError.js';
import { buildAccount, buildList } from './stripeObjects.js';

const CREATE_ACCOUNT = {
  type: { type: 'string', enum: ['custom', 'express', 'standard', 'none'] },
  country: { type: 'string' },
  email: { type: 'string' },
  business_type: { type: 'string', enum: ['company', 'government_entity', 'individual', 'non_profit'] },
  business_profile: {
    type: 'object',
    fields: {
      name: { type: 'string' },
      url: { type: 'string' },
      mcc: { type: 'string' },
      product_description: { type: 'string' },
      support_email: { type: 'string' },
      support_phone: { type: 'string' },
    },
  },
  controller: {
    type: 'object',
    fields: {
      fees: { type: 'object', fields: { payer: { type: 'string', enum: ['account', 'application'] } } },
      losses: { type: 'object', fields: { payments: { type: 'string', enum: ['application', 'stripe'] } } },
      requirement_collection: { type: 'string', enum: ['application', 'stripe'] },
      stripe_dashboard: { type: 'object', fields: { type: { type: 'string', enum: ['express', 'full', 'none'] } } },
    },
  },
  capabilities: {
    type: 'map',
    values: { type: 'object', fields: { requested: { type: 'boolean' } } },
  },
  ...METADATA,
  ...EXPAND,
} as const;

/** What a newly created connected account still has to provide: it has not been onboarded. */
const NEW_ACCOUNT_DUE = ['business_profile.url', 'external_account', 'representative.first_name', 'tos_acceptance.date', 'tos_acceptance.ip'];

export function findAccount(accounts: Map<string, Stripe.Account>, id: string, param?: string): Stripe.Account {
  const account = accounts.get(id);
  if (!account) throw SandboxApiError.noSuch('account', id, param);
  return account;
}

/** `POST /v1/accounts`, `GET /v1/accounts`, `GET /v1/accounts/:id`. */
export const accountRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/accounts',
    handle({ store, form }) {
      const params = readParams(form, CREATE_ACCOUNT);
      checkExpand(params.expand, []);
      if (!params.type && !params.controller) {
        throw SandboxApiError.invalid('You must provide `type` or `controller` to create an account, e.g. type=express.', 'type', 'parameter_missing');
      }
      const type = params.type === 'none' || !params.type ? 'custom' : params.type;
      const account = buildAccount(
        {
          id: randomId('acct_', 16),
          created: store.now(),
          email: params.email ?? null,
          country: params.country ?? 'US',
          businessName: params.business_profile?.name ?? null,
          type: params.controller?.stripe_dashboard?.type === 'express' ? 'express' : type,
          metadata: params.metadata ?? {},
        },
        NEW_ACCOUNT_DUE,
      );
      store.addAccount(account);
      return account;
    },
  },
  {
    method: 'GET',
    path: '/v1/accounts',
    handle({ store, form }) {
      const params = readParams(form, PAGINATION);
      checkExpand(params.expand, []);
      const newestFirst = [...store.accounts.values()].reverse();
      return buildList(newestFirst, '/v1/accounts', params, (param, id) => SandboxApiError.noSuch('account', id, param));
    },
  },
  {
    method: 'GET',
    path: '/v1/accounts/:id',
    handle({ store, form, path }) {
      checkExpand(readParams(form, EXPAND).expand, []);
      return findAccount(store.accounts, path.id ?? '');
    },
  },
];
