import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAccountSessionHandler, createCustomerSessionHandler, createFinancialConnectionsSessionHandler } from '../../src/server';
import { createSandbox, type Sandbox } from '../../src/sandbox';
import { expectInvalidOptions, thrownBy } from '../expectInvalidOptions';

// A user's next build imports the route modules with no key in the environment; a client made
// on first request (stripe: () => client) keeps the build free of secrets. And a server that
// answers 5xx with no onError must still tell its operator why, once, without a secret.
const ENDPOINT = 'http://127.0.0.1/api/session';
const post = (body: unknown = {}) =>
  new Request(ENDPOINT, { method: 'POST', headers: { origin: 'http://127.0.0.1', 'content-type': 'application/json' }, body: JSON.stringify(body) });

afterEach(() => vi.restoreAllMocks());

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = createSandbox();
  await sandbox.listen();
});
afterAll(() => sandbox.close());

describe('stripe as a function: the client is made on first request', () => {
  it('is not called when the handler is created, and is called for a request', async () => {
    const stripe = vi.fn(() => new Stripe('sk_test_lazy', { ...sandbox.stripeConfig(), maxNetworkRetries: 0 }));
    const account = sandbox.state().seeded.accounts[0]!;
    const handler = createAccountSessionHandler({ stripe, authorize: () => ({ account }), components: { payments: { enabled: true } } });
    expect(stripe).not.toHaveBeenCalled();
    const response = await handler(post());
    expect(response.status).toBe(200);
    expect(stripe).toHaveBeenCalledTimes(1);
  });

  it('works for all three handlers', async () => {
    const client = () => new Stripe('sk_test_lazy', { ...sandbox.stripeConfig(), maxNetworkRetries: 0 });
    const { customers } = sandbox.state().seeded;
    const customer = customers[0]!;
    const customerHandler = createCustomerSessionHandler({ stripe: client, authorize: () => ({ customer }), components: { pricing_table: { enabled: true } } });
    const bankHandler = createFinancialConnectionsSessionHandler({
      stripe: client,
      authorize: () => ({ accountHolder: { type: 'customer', customer } }),
      permissions: ['balances'],
    });
    expect((await customerHandler(post())).status).toBe(200);
    expect((await bankHandler(post())).status).toBe(200);
  });

  it('a function that throws (no key at request time) answers 500 internal_error and reaches onError', async () => {
    const onError = vi.fn();
    const handler = createAccountSessionHandler({
      stripe: () => {
        throw new Error('Set STRIPE_SECRET_KEY');
      },
      authorize: () => ({ account: 'acct_1' }),
      components: { payments: { enabled: true } },
      onError,
    });
    const response = await handler(post());
    expect(response.status).toBe(500);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'Set STRIPE_SECRET_KEY' }), expect.objectContaining({ status: 500 }));
  });

  it('a function that returns something that is not a Stripe client answers 500 with an invalid_options error for onError', async () => {
    const onError = vi.fn();
    const handler = createAccountSessionHandler({ stripe: () => ({}) as never, authorize: () => ({ account: 'acct_1' }), components: { payments: { enabled: true } }, onError });
    expect((await handler(post())).status).toBe(500);
    expectInvalidOptions(onError.mock.calls[0]![0], 'stripe', null);
  });

  it('the Stripe class itself (not an instance, not a function making one) is refused at start-up', () => {
    const error = thrownBy(() => createAccountSessionHandler({ stripe: Stripe as never, authorize: () => null, components: { payments: { enabled: true } } }));
    expectInvalidOptions(error, 'stripe', null);
    expect((error as Error).message).toMatch(/new Stripe\(/);
  });
});

describe('without onError, an unexpected failure is logged once for the operator', () => {
  it('logs status, code and the cause, with secret-like text cut out', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const handler = createAccountSessionHandler({
      stripe: new Stripe('sk_test_123', { host: '127.0.0.1', port: 9, protocol: 'http', maxNetworkRetries: 0 }),
      authorize: () => {
        throw new Error('lookup failed for accs_secret_abc123 with sk_test_51Hxyz');
      },
      components: { payments: { enabled: true } },
    });
    expect((await handler(post())).status).toBe(500);
    expect(log).toHaveBeenCalledTimes(1);
    const line = log.mock.calls[0]!.map(String).join(' ');
    expect(line).toContain('500 internal_error');
    expect(line).toContain('lookup failed for');
    expect(line).not.toMatch(/accs_secret_abc123|sk_test_51Hxyz/);
    expect(line).toContain('onError');
  });

  it('logs the operator’s own 5xx refusal (an unusable authorize answer) too', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const handler = createAccountSessionHandler({ stripe: () => ({}) as never, authorize: () => ({ account: 'nope' }), components: { payments: { enabled: true } } });
    expect((await handler(post())).status).toBe(500);
    expect(log.mock.calls.map(String).join('\n')).toContain('answered 500 invalid_authorization');
  });

  it('is silent for refusals the browser is told about (401, 403, 405) and when onError is given', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const refusing = createAccountSessionHandler({ stripe: () => ({}) as never, authorize: () => null, components: { payments: { enabled: true } } });
    expect((await refusing(post())).status).toBe(401);
    expect((await refusing(new Request(ENDPOINT))).status).toBe(405);
    const reporting = createAccountSessionHandler({
      stripe: () => ({}) as never,
      authorize: () => {
        throw new Error('boom');
      },
      components: { payments: { enabled: true } },
      onError: () => {},
    });
    expect((await reporting(post())).status).toBe(500);
    expect(log).not.toHaveBeenCalled();
  });
});
