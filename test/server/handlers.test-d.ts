import Stripe from 'stripe';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createAccountSessionHandler,
  createCustomerSessionHandler,
  createFinancialConnectionsSessionHandler,
  stripeContentSecurityPolicy,
  toNodeHandler,
  type NodeHandler,
  type ServerEvent,
  type SessionHandler,
} from '../../src/server';

const stripe = new Stripe('sk_test_123');

describe('server handler types', () => {
  it('each factory returns a web-standard Request → Response handler', () => {
    const handler = createAccountSessionHandler({ stripe, authorize: () => ({ account: 'acct_1' }), components: { payments: { enabled: true } } });
    expectTypeOf(handler).toEqualTypeOf<SessionHandler>();
    expectTypeOf(handler).toEqualTypeOf<(request: Request) => Promise<Response>>();
    expectTypeOf(toNodeHandler(handler)).toEqualTypeOf<NodeHandler>();
  });

  it('authorize gets the proposed account and must answer { account } or null', () => {
    createAccountSessionHandler({
      stripe,
      authorize: async (request, { proposedAccount, body }) => {
        expectTypeOf(request).toEqualTypeOf<Request>();
        expectTypeOf(proposedAccount).toEqualTypeOf<string | undefined>();
        expectTypeOf(body).toEqualTypeOf<Readonly<Record<string, unknown>>>();
        return null;
      },
      components: { payments: { enabled: true } },
    });
    createAccountSessionHandler({
      stripe,
      // @ts-expect-error a customer is not an account
      authorize: () => ({ customer: 'cus_1' }),
      components: { payments: { enabled: true } },
    });
  });

  it("components are Stripe's own types, and may depend on the authorized account", () => {
    createAccountSessionHandler({
      stripe,
      authorize: () => ({ account: 'acct_1' }),
      // @ts-expect-error not a Connect embedded component
      components: { paymentz: { enabled: true } },
    });
    createAccountSessionHandler({
      stripe,
      authorize: () => ({ account: 'acct_1' }),
      components: async ({ account }) => ({ payouts: { enabled: account.startsWith('acct_') } }),
    });
    createCustomerSessionHandler({
      stripe,
      authorize: () => ({ customer: 'cus_1' }),
      components: { payment_element: { enabled: true, features: { payment_method_redisplay: 'enabled' } } },
    });
  });

  it('Financial Connections takes an account holder, permissions and a mode', () => {
    createFinancialConnectionsSessionHandler({
      stripe,
      authorize: () => ({ accountHolder: { type: 'account', account: 'acct_1' } }),
      permissions: ['payment_method'],
      mode: 'bank_account_token',
    });
    createFinancialConnectionsSessionHandler({
      stripe,
      authorize: () => null,
      permissions: ['balances'],
      // @ts-expect-error only 'accounts' or 'bank_account_token'
      mode: 'token',
    });
  });

  it('rateLimit answers { retryAfterSeconds } or nothing, never a boolean', () => {
    const base = { stripe, authorize: () => null, components: { payments: { enabled: true } } };
    createAccountSessionHandler({ ...base, rateLimit: async () => ({ retryAfterSeconds: 5 }) });
    createAccountSessionHandler({ ...base, rateLimit: () => null });
    // @ts-expect-error booleans are ambiguous (allowed? limited?)
    createAccountSessionHandler({ ...base, rateLimit: () => true });
  });

  it('onEvent receives ids and numbers only', () => {
    expectTypeOf<ServerEvent['status']>().toEqualTypeOf<number>();
    expectTypeOf<ServerEvent>().not.toHaveProperty('client_secret');
    expectTypeOf(stripeContentSecurityPolicy).returns.toEqualTypeOf<string>();
  });
});
