import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BROWSER_ROUTES, createSandbox, type ClaimResponse, type Sandbox } from '../../src/sandbox';
import {
  createAccountSessionHandler,
  createCustomerSessionHandler,
  createFinancialConnectionsSessionHandler,
  ForbiddenError,
  toNodeHandler,
  type ServerEvent,
  type SessionHandler,
} from '../../src/server';

const API_KEY = 'sk_test_123';
const APP = 'https://app.example.com';
const REST = 'POST /v1/account_sessions';

let sandbox: Sandbox;
let stripe: Stripe;
let accounts: string[];
let customers: string[];

beforeAll(async () => {
  sandbox = createSandbox();
  await sandbox.listen();
  // maxNetworkRetries 0: each injected upstream failure reaches the handler once, as it would
  // after the SDK's own retries are spent.
  stripe = new Stripe(API_KEY, { ...sandbox.stripeConfig(), maxNetworkRetries: 0 });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.reset();
  ({ accounts, customers } = sandbox.state().seeded);
});

function post(body?: unknown, headers: Record<string, string> = {}) {
  return new Request(`${APP}/api/session`, {
    method: 'POST',
    headers: { origin: APP, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Claims a secret the way the browser stand-ins do, to see what the session was created for. */
async function claim(clientSecret: string): Promise<ClaimResponse> {
  const response = await sandbox.fetch(
    new Request(new URL(BROWSER_ROUTES.claim, sandbox.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_secret: clientSecret }) }),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as ClaimResponse;
}

/** The user of these tests may act for the first two seeded accounts only. */
function accountHandler(events: ServerEvent[] = [], client: Pick<Stripe, 'accountSessions'> = stripe): SessionHandler {
  return createAccountSessionHandler({
    stripe: client,
    authorize: (_request, { proposedAccount }) => {
      const account = proposedAccount ?? accounts[0]!;
      if (!accounts.slice(0, 2).includes(account)) throw new ForbiddenError();
      return { account };
    },
    components: ({ account }) => ({ payments: { enabled: true }, payouts: { enabled: account === accounts[1] } }),
    onEvent: (event) => events.push(event),
  });
}

/** Nothing a handler says or reports may carry a secret, the key or a fragment of it. */
function expectNoSecret(text: string) {
  expect(text).not.toMatch(/_secret_|sk_test|sk_live|\*\*\*\*/);
}

describe('success', () => {
  it('AccountSession: exactly { client_secret, expires_at }, for the account authorize chose, with its components', async () => {
    const events: ServerEvent[] = [];
    const response = await accountHandler(events)(post({ account: accounts[1] }));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['client_secret', 'expires_at']);
    expect(body.client_secret).toMatch(/^accs_secret_/);
    expect(body.expires_at).toBeGreaterThan(Date.now() / 1000);

    const claimed = await claim(body.client_secret as string);
    expect(claimed.account).toBe(accounts[1]);
    expect(claimed.components?.payouts?.enabled).toBe(true);
    expect(sandbox.state().sessionsCreated.account_session).toBe(1);
    expect(events).toEqual([{ type: 'session_created', kind: 'account_session', status: 200, durationMs: expect.any(Number), account: accounts[1] }]);
    expectNoSecret(JSON.stringify(events));
  });

  it('AccountSession: with no proposal, authorize picks the default account', async () => {
    const body = (await (await accountHandler()(post())).json()) as { client_secret: string };
    expect((await claim(body.client_secret)).account).toBe(accounts[0]);
  });

  it('CustomerSession: exactly { client_secret, expires_at } for the signed-in customer', async () => {
    const handler = createCustomerSessionHandler({
      stripe,
      authorize: () => ({ customer: customers[0]! }),
      components: { payment_element: { enabled: true }, pricing_table: { enabled: true } },
    });
    const response = await handler(post({}));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['client_secret', 'expires_at']);
    expect(body.client_secret).toMatch(/^cuss_secret_/);
    expect((await claim(body.client_secret as string)).customer).toBe(customers[0]);
  });

  it('Financial Connections: exactly { client_secret }, with the configured permissions', async () => {
    const handler = createFinancialConnectionsSessionHandler({
      stripe,
      authorize: () => ({ accountHolder: { type: 'customer', customer: customers[0]! } }),
      permissions: ['payment_method', 'balances'],
      filters: { country: 'US' },
      mode: 'bank_account_token',
    });
    const response = await handler(post());
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['client_secret']);
    expect(body.client_secret).toMatch(/^fcsess_.+_secret_/);
    expect((await claim(body.client_secret as string)).permissions).toEqual(['payment_method', 'balances']);
  });

  it('through toNodeHandler on a real node:http server', async () => {
    const server: Server = createServer(toNodeHandler(accountHandler()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const response = await fetch(`${base}/api/account-session`, {
        method: 'POST',
        headers: { origin: base, 'content-type': 'application/json' },
        body: JSON.stringify({ account: accounts[0] }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { client_secret: string };
      expect((await claim(body.client_secret)).account).toBe(accounts[0]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('500 concurrent requests → 500 distinct sessions and no error', async () => {
    const handler = accountHandler();
    const responses = await Promise.all(Array.from({ length: 500 }, (_, i) => handler(post({ account: accounts[i % 2] }))));
    expect(responses.map((r) => r.status)).toEqual(Array(500).fill(200));
    const secrets = await Promise.all(responses.map(async (r) => ((await r.json()) as { client_secret: string }).client_secret));
    expect(new Set(secrets).size).toBe(500);
    expect(sandbox.state().sessionsCreated.account_session).toBe(500);
    // A budget against hangs, not a speed check: on a loaded 2-core machine this takes about 5 s,
    // and a timeout here would leave requests in flight that eat the next tests' injected failures.
  }, 60_000);
});

describe('Stripe failures become safe answers', () => {
  const otherStripe = (key: string, config: Partial<Stripe.StripeConfig>) => new Stripe(key, { ...sandbox.stripeConfig(), maxNetworkRetries: 0, ...config });
  type FailureCase = [name: string, status: number, code: string, stripeErrorType: string, arrange: () => void, client: (() => Stripe) | undefined];
  const cases: FailureCase[] = [
    ['Stripe 500', 502, 'stripe_unavailable', 'StripeAPIError', () => sandbox.control.failNext(REST, 500), undefined],
    ['Stripe 503', 502, 'stripe_unavailable', 'StripeAPIError', () => sandbox.control.failNext(REST, 503), undefined],
    ['Stripe 429', 429, 'stripe_rate_limited', 'StripeRateLimitError', () => sandbox.control.failNext(REST, 429), undefined],
    ['Stripe 403', 500, 'stripe_permission', 'StripePermissionError', () => sandbox.control.failNext(REST, 403), undefined],
    ['Stripe 400', 500, 'stripe_invalid_request', 'StripeInvalidRequestError', () => sandbox.control.failNext(REST, 400, 1, 'parameter_invalid_string'), undefined],
    // stripe-node retries one closed connection even with maxNetworkRetries 0 (RequestSender
    // _shouldRetry), so two drops in a row are what reaches the handler as a connection error.
    ['a lost connection, twice', 502, 'stripe_connection', 'StripeConnectionError', () => sandbox.control.dropNext(REST, 2), undefined],
    ['Stripe unreachable', 502, 'stripe_connection', 'StripeConnectionError', () => undefined, () => otherStripe(API_KEY, { host: '127.0.0.1', port: 9 })],
    // The sandbox answers a live key with Stripe's 401 and the key's redacted form (sk_live_****mnop).
    ['a rejected API key', 500, 'stripe_authentication', 'StripeAuthenticationError', () => undefined, () => otherStripe('sk_live_abcdefghijklmnop', {})],
  ];
  it.each(cases)('%s → %d %s, with embedkit\'s own message only', async (_name, status, code, stripeErrorType, arrange, client) => {
    const events: ServerEvent[] = [];
    arrange();
    const response = await accountHandler(events, client?.())(post({ account: accounts[0] }));
    const text = await response.text();
    expect(response.status).toBe(status);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { error } = JSON.parse(text) as { error: Record<string, string> };
    expect(error.code).toBe(code);
    expect(text).not.toMatch(/injected by the embedkit sandbox|mnop|acct_/); // never Stripe's message or what it echoes
    expectNoSecret(text);
    expectNoSecret(JSON.stringify(events));
    expect(events).toEqual([expect.objectContaining({ type: 'request_failed', status, code, stripeErrorType, account: accounts[0] })]);
    if (status === 429) expect(response.headers.get('retry-after')).toBe('1');
    // Stripe's request id is passed on for support tickets whenever Stripe answered at all.
    if (stripeErrorType === 'StripeConnectionError') expect(error).not.toHaveProperty('request_id');
    else expect(error.request_id).toMatch(/^req_[A-Za-z0-9]+$/);
  });

  it('an account Stripe does not know → 500 stripe_invalid_request, without the id', async () => {
    const events: ServerEvent[] = [];
    const handler = createAccountSessionHandler({
      stripe,
      authorize: () => ({ account: 'acct_doesNotExist123' }),
      components: { payments: { enabled: true } },
      onEvent: (event) => events.push(event),
    });
    const response = await handler(post());
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'stripe_invalid_request' } });
    expect(text).not.toContain('acct_doesNotExist123');
    expect(events[0]).toMatchObject({ stripeErrorType: 'StripeInvalidRequestError', account: 'acct_doesNotExist123' });
  });
});
