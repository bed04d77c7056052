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
    expectTypeOf(handler).toBeCallableWith(new Request('http://x'));
    expectTypeOf(handler).toBeCallableWith(new Request('http://x'), { clientAddress: '203.0.113.7' });
    expectTypeOf(handler).returns.toEqualTypeOf<Promise<Response>>();
    expectTypeOf(toNodeHandler(handler)).toEqualTypeOf<NodeHandler>();
  });

  it("fits each framework's route type when exported directly (they pass their own second argument)", () => {
    const handler = createAccountSessionHandler({ stripe, authorize: () => null, components: { payments: { enabled: true } } });
    // Next.js 15.5+ (.next/types/validator.ts): `route module satisfies RouteHandlerConfig<Route>`.
    type NextRouteHandlerConfig = {
      POST?: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response | void> | Response | void;
      OPTIONS?: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response | void> | Response | void;
    };
    ({ POST: handler, OPTIONS: handler }) satisfies NextRouteHandlerConfig;
    // Next.js ≤ 15.4 (NextTypesPlugin): the inferred second parameter must extend { params }.
    type SecondArg<T extends Function> = T extends (...args: [any, infer U]) => any ? (unknown extends U ? any : U) : never;
    expectTypeOf<SecondArg<SessionHandler>>().toExtend<{ params: Promise<Record<string, string>> }>();
    // Workers: fetch(request, env, ctx), env an interface of the app's bindings.
    interface Env {
      DB: string;
    }
    ({ fetch: handler }) satisfies { fetch: (request: Request, env: Env, ctx: { waitUntil(promise: Promise<unknown>): void }) => Response | Promise<Response> };
    // Deno.serve(handler): (request, info) with info.remoteAddr.
    expectTypeOf(handler).toExtend<(request: Request, info: { remoteAddr: { hostname: string; port: number } }) => Response | Promise<Response>>();
  });

  it('rateLimit gets the client address when the caller passed one', () => {
    createAccountSessionHandler({
      stripe,
      authorize: () => null,
      components: { payments: { enabled: true } },
      rateLimit: (request, { clientAddress }) => {
        expectTypeOf(request).toEqualTypeOf<Request>();
        expectTypeOf(clientAddress).toEqualTypeOf<string | undefined>();
        return null;
      },
    });
    // A one-argument limiter still fits.
    createAccountSessionHandler({ stripe, authorize: () => null, components: { payments: { enabled: true } }, rateLimit: () => ({ retryAfterSeconds: 1 }) });
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
