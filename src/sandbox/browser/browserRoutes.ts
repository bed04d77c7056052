import type Stripe from 'stripe';
import { claimedSession } from './claimedSession.js';
import { claimSecret } from './claimSecret.js';
import { completeFinancialConnections } from './completeFinancialConnections.js';
import { BROWSER_ROUTES } from '../protocol.js';
import type { Route, RouteContext } from '../engine/Route.js';
import { SandboxApiError } from '../engine/SandboxApiError.js';
import { checkPublishableKey } from '../rest/authenticate.js';
import { completeOnboarding } from '../rest/completeOnboarding.js';
import type { AccountData } from '../rest/seedData.js';

/** Which enabled AccountSession components entitle a claimed session to each data route. */
const ACCOUNT_DATA_COMPONENTS = {
  payments: ['payments', 'payment_details', 'disputes_list', 'payment_disputes'],
  payouts: ['payouts', 'payouts_list', 'payout_details', 'balances', 'instant_payouts_promotion', 'payout_reconciliation_report', 'balance_report'],
  balance: ['balances', 'payouts', 'instant_payouts_promotion', 'balance_report'],
  disputes: ['disputes_list', 'payment_disputes', 'payments', 'payment_details'],
  documents: ['documents'],
} as const satisfies Partial<Record<keyof AccountData, readonly (keyof Stripe.AccountSession.Components)[]>>;

const notEnabled = (session: 'AccountSession' | 'CustomerSession', components: readonly string[]) =>
  new SandboxApiError(403, {
    type: 'invalid_request_error',
    code: 'component_not_enabled',
    message: `None of the components that show this data is enabled in the ${session}. Enable one of: ${components.join(', ')}.`,
  });

function accountData(ctx: RouteContext, requires: readonly string[] | null): AccountData {
  const session = claimedSession(ctx.store, ctx.request, 'account_session');
  const components = session.object.components as unknown as Record<string, { enabled: boolean }>;
  if (requires && !requires.some((key) => components[key]?.enabled)) throw notEnabled('AccountSession', requires);
  const data = ctx.store.accountData.get(session.object.account);
  if (!data) throw SandboxApiError.noSuch('account', session.object.account);
  return data;
}

function customerSession(ctx: RouteContext, requires: readonly (keyof Stripe.CustomerSession.Components)[]) {
  const session = claimedSession(ctx.store, ctx.request, 'customer_session');
  if (!requires.some((key) => session.object.components?.[key].enabled)) throw notEnabled('CustomerSession', requires);
  return session;
}

const dataRoute = (path: string, key: keyof typeof ACCOUNT_DATA_COMPONENTS): Route => ({
  method: 'GET',
  path,
  handle: (ctx) => {
    const value = accountData(ctx, ACCOUNT_DATA_COMPONENTS[key])[key];
    return Array.isArray(value) ? { data: value } : value;
  },
});

const EVENT_TYPE = /^[a-z][a-z0-9_]{0,63}$/;
/** Distinct event types counted; more are refused so a noisy page cannot grow the state. */
const MAX_EVENT_TYPES = 100;

/** `/sandbox/v1/*`: what the browser stand-ins call (JSON, CORS `*`). */
export const browserRoutes: Route[] = [
  {
    method: 'POST',
    path: BROWSER_ROUTES.claim,
    handle: ({ store, json }) => {
      // Checked before the claim, so a refused key leaves the secret claimable.
      if (json.publishable_key !== undefined) checkPublishableKey(String(json.publishable_key));
      return claimSecret(store, json.client_secret);
    },
  },
  dataRoute(BROWSER_ROUTES.payments, 'payments'),
  dataRoute(BROWSER_ROUTES.payouts, 'payouts'),
  dataRoute(BROWSER_ROUTES.balance, 'balance'),
  dataRoute(BROWSER_ROUTES.disputes, 'disputes'),
  dataRoute(BROWSER_ROUTES.documents, 'documents'),
  { method: 'GET', path: BROWSER_ROUTES.account, handle: (ctx) => accountData(ctx, null).profile },
  {
    method: 'POST',
    path: BROWSER_ROUTES.completeOnboarding,
    handle: (ctx) => {
      const data = accountData(ctx, ['account_onboarding']);
      completeOnboarding(ctx.store, data.profile.id);
      return data.profile;
    },
  },
  {
    method: 'GET',
    path: BROWSER_ROUTES.paymentMethods,
    handle: (ctx) => {
      const session = customerSession(ctx, ['payment_element', 'customer_sheet', 'mobile_payment_element']);
      return { data: ctx.store.cards.get(session.customer) ?? [] };
    },
  },
  {
    method: 'GET',
    path: BROWSER_ROUTES.plans,
    handle: (ctx) => {
      customerSession(ctx, ['pricing_table', 'buy_button']);
      return { data: ctx.store.plans };
    },
  },
  {
    method: 'GET',
    path: BROWSER_ROUTES.institutions,
    handle: (ctx) => {
      const session = claimedSession(ctx.store, ctx.request, 'financial_connections_session');
      const allowed = session.object.filters?.account_subcategories;
      const institutions = ctx.store.institutions.map((inst) => ({
        ...inst,
        accounts: inst.accounts.filter((a) => !allowed || allowed.includes(a.subcategory)),
      }));
      return { data: institutions.filter((inst) => inst.accounts.length > 0) };
    },
  },
  {
    method: 'POST',
    path: BROWSER_ROUTES.fcComplete,
    handle: (ctx) => completeFinancialConnections(ctx.store, claimedSession(ctx.store, ctx.request, 'financial_connections_session'), ctx.json),
  },
  {
    method: 'POST',
    path: BROWSER_ROUTES.logout,
    handle: ({ store, request }) => {
      claimedSession(store, request, 'account_session').loggedOut = true;
      return { ok: true };
    },
  },
  {
    method: 'POST',
    path: BROWSER_ROUTES.events,
    handle: ({ store, json }) => {
      const type = json.type;
      if (typeof type !== 'string' || !EVENT_TYPE.test(type)) {
        throw SandboxApiError.invalid('Expected "type": a snake_case event name such as fetch_client_secret.', 'type');
      }
      if (!Object.hasOwn(store.events, type) && Object.keys(store.events).length >= MAX_EVENT_TYPES) {
        throw SandboxApiError.invalid(`Too many distinct event types (at most ${MAX_EVENT_TYPES}).`, 'type');
      }
      store.count(store.events, type);
      return { ok: true };
    },
  },
];
