import type Stripe from 'stripe';
import { findAccount } from './accountRoutes.js';
import { checkExpand, EXPAND, PAGINATION } from './commonParams.js';
import { findCustomer } from './customerRoutes.js';
import { randomId } from '../engine/randomId.js';
import { readParams } from './readParams.js';
import type { Route } from '../engine/Route.js';
import { SandboxApiError } from '../engine/SandboxApiError.js';
import type { SandboxStore } from '../engine/SandboxStore.js';
import { buildList } from './stripeObjects.js';

const PERMISSIONS = ['balances', 'ownership', 'payment_method', 'transactions'] as const;
const SUBCATEGORIES = ['checking', 'credit_card', 'line_of_credit', 'mortgage', 'savings'] as const;

const CREATE_FC_SESSION = {
  account_holder: {
    type: 'object',
    required: true,
    fields: {
      type: { type: 'string', required: true, enum: ['account', 'customer'] },
      account: { type: 'string' },
      customer: { type: 'string' },
      customer_account: { type: 'string' },
    },
  },
  permissions: { type: 'array', required: true, items: { type: 'string', enum: PERMISSIONS } },
  filters: {
    type: 'object',
    fields: {
      account_subcategories: { type: 'array', items: { type: 'string', enum: SUBCATEGORIES } },
      country: { type: 'string' },
      // Older API versions (and Stripe.js' own type) spell the country filter this way.
      countries: { type: 'array', items: { type: 'string' } },
      require_payment_method_support: { type: 'string', enum: ['all', 'at_least_one', 'none'] },
    },
  },
  limits: { type: 'object', fields: { accounts: { type: 'integer', min: 1, max: 100 } } },
  manual_entry: { type: 'object', fields: { mode: { type: 'string', enum: ['automatic', 'disabled'] } } },
  prefetch: { type: 'array', items: { type: 'string', enum: ['balances', 'ownership', 'transactions'] } },
  return_url: { type: 'string' },
  ...EXPAND,
} as const;

const ACCOUNTS_URL = '/v1/financial_connections/accounts';

/** FC accounts visible from `context`, newest first, optionally only those linked in `session`. */
function visibleAccounts(store: SandboxStore, context: string | null, session?: string): Stripe.FinancialConnections.Account[] {
  const out: Stripe.FinancialConnections.Account[] = [];
  for (const stored of store.fcAccounts.values()) {
    if (stored.context === context && (session === undefined || stored.session === session)) out.push(stored.account);
  }
  return out.reverse();
}

/** The session as `GET` answers it: `accounts` lists what the user linked so far. */
export function fcSessionView(store: SandboxStore, session: Stripe.FinancialConnections.Session, context: string | null) {
  const linked = visibleAccounts(store, context, session.id);
  return { ...session, accounts: { object: 'list', data: linked, has_more: false, url: ACCOUNTS_URL } } satisfies Stripe.FinancialConnections.Session;
}

function holderFor(store: SandboxStore, holder: { type: string; account?: string; customer?: string; customer_account?: string }, context: string | null) {
  if (holder.type === 'customer') {
    if (holder.customer_account) return { type: 'customer', customer_account: findAccount(store.accounts, holder.customer_account, 'account_holder[customer_account]').id };
    if (!holder.customer) throw SandboxApiError.missing('account_holder[customer]');
    return { type: 'customer', customer: findCustomer(store, holder.customer, context, 'account_holder[customer]').id };
  }
  if (!holder.account) throw SandboxApiError.missing('account_holder[account]');
  return { type: 'account', account: findAccount(store.accounts, holder.account, 'account_holder[account]').id };
}

/**
 * Financial Connections sessions and accounts. Sandbox choice: a session's secret can be claimed
 * once (single use) and has no expiry, as Stripe gives it no `expires_at`.
 */
export const financialConnectionsRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/financial_connections/sessions',
    handle({ store, form, stripeAccount }) {
      const params = readParams(form, CREATE_FC_SESSION);
      checkExpand(params.expand, ['accounts']);
      const holder = holderFor(store, params.account_holder, stripeAccount);
      const id = randomId('fcsess_', 24);
      const now = store.now();
      const filters = params.filters;
      const object = {
        id,
        object: 'financial_connections.session',
        account_holder: holder,
        accounts: { object: 'list', data: [], has_more: false, url: ACCOUNTS_URL },
        client_secret: `${id}_secret_${randomId('', 24)}`,
        filters: {
          account_subcategories: filters?.account_subcategories ?? null,
          country: filters?.country ?? filters?.countries?.[0] ?? null,
          ...(filters?.require_payment_method_support && { require_payment_method_support: filters.require_payment_method_support }),
        },
        ...(params.limits?.accounts !== undefined && { limits: { accounts: params.limits.accounts } }),
        livemode: false,
        ...(params.manual_entry && { manual_entry: params.manual_entry }),
        permissions: params.permissions,
        prefetch: params.prefetch ?? [],
        ...(params.return_url && { return_url: params.return_url }),
      } satisfies Stripe.FinancialConnections.Session;
      store.addSession({
        kind: 'financial_connections_session',
        secret: object.client_secret,
        context: stripeAccount,
        createdAt: now,
        expiresAt: null,
        token: null,
        loggedOut: false,
        completed: false,
        object,
      });
      return object;
    },
  },
  {
    method: 'GET',
    path: '/v1/financial_connections/sessions/:id',
    handle({ store, form, path, stripeAccount }) {
      checkExpand(readParams(form, EXPAND).expand, ['accounts']);
      const record = store.fcSessions.get(path.id ?? '');
      if (!record || record.context !== stripeAccount) throw SandboxApiError.noSuch('financial connections session', path.id ?? '');
      return fcSessionView(store, record.object, stripeAccount);
    },
  },
  {
    method: 'GET',
    path: '/v1/financial_connections/accounts',
    handle({ store, form, stripeAccount }) {
      const params = readParams(form, {
        ...PAGINATION,
        session: { type: 'string' },
        account_holder: { type: 'object', fields: { account: { type: 'string' }, customer: { type: 'string' }, customer_account: { type: 'string' } } },
      });
      checkExpand(params.expand, []);
      const holder = params.account_holder ?? {};
      if (holder.account && holder.customer) {
        throw SandboxApiError.invalid('Pass only one of account_holder[account] and account_holder[customer].', 'account_holder', 'parameters_exclusive');
      }
      const matches = visibleAccounts(store, stripeAccount, params.session).filter(
        (a) =>
          (!holder.account || a.account_holder?.account === holder.account) &&
          (!holder.customer || a.account_holder?.customer === holder.customer) &&
          (!holder.customer_account || a.account_holder?.customer_account === holder.customer_account),
      );
      return buildList(matches, ACCOUNTS_URL, params, (param, id) => SandboxApiError.noSuch('financial connections account', id, param));
    },
  },
  {
    method: 'GET',
    path: '/v1/financial_connections/accounts/:id',
    handle({ store, form, path, stripeAccount }) {
      checkExpand(readParams(form, EXPAND).expand, []);
      const stored = store.fcAccounts.get(path.id ?? '');
      if (!stored || stored.context !== stripeAccount) throw SandboxApiError.noSuch('financial connections account', path.id ?? '');
      return stored.account;
    },
  },
];
