import Stripe from 'stripe';
import { describe, expect, it, vi } from 'vitest';
import {
  createAccountSessionHandler,
  createCustomerSessionHandler,
  createFinancialConnectionsSessionHandler,
  type ServerEvent,
  type SessionHandler,
} from '../../src/server';

/** A real stripe-node client whose HTTP answer is `body`: the handler sees exactly what the SDK makes of it. */
function stripeAnswering(body: unknown) {
  const fetchFn = async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json', 'request-id': 'req_abc123' } });
  return new Stripe('sk_test_123', { httpClient: Stripe.createFetchHttpClient(fetchFn as typeof fetch), maxNetworkRetries: 0 });
}

const handlers: [string, (stripe: Stripe, hooks: Hooks) => SessionHandler, Record<string, unknown>][] = [
  [
    'AccountSession',
    (stripe, hooks) => createAccountSessionHandler({ stripe, authorize: () => ({ account: 'acct_1' }), components: { payments: { enabled: true } }, ...hooks }),
    { object: 'account_session', expires_at: 1 },
  ],
  [
    'CustomerSession',
    (stripe, hooks) => createCustomerSessionHandler({ stripe, authorize: () => ({ customer: 'cus_1' }), components: { pricing_table: { enabled: true } }, ...hooks }),
    { object: 'customer_session' },
  ],
  [
    'Financial Connections',
    (stripe, hooks) =>
      createFinancialConnectionsSessionHandler({ stripe, authorize: () => ({ accountHolder: { type: 'customer', customer: 'cus_1' } }), permissions: ['balances'], ...hooks }),
    { object: 'financial_connections.session', client_secret: null },
  ],
];
type Hooks = { onEvent: (event: ServerEvent) => void; onError: (error: unknown, event: ServerEvent) => void };

const post = () => new Request('https://app.example.com/api/session', { method: 'POST', headers: { origin: 'https://app.example.com' } });

describe('a Stripe answer without a usable session', () => {
  it.each(handlers)('%s: 502 stripe_answer_invalid, a request_failed event and onError, never a 200', async (_name, create, answer) => {
    const events: ServerEvent[] = [];
    const onError = vi.fn();
    const response = await create(stripeAnswering(answer), { onEvent: (event) => events.push(event), onError })(post());
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ error: { code: 'stripe_answer_invalid', message: expect.any(String), request_id: 'req_abc123' } });
    expect(events).toEqual([expect.objectContaining({ type: 'request_failed', status: 502, code: 'stripe_answer_invalid', stripeRequestId: 'req_abc123' })]);
    expect(onError).toHaveBeenCalledOnce();
    expect(String(onError.mock.calls[0]![0])).toMatch(/without a usable client_secret/);
  });

  it.each([
    ['an empty secret', { client_secret: '', expires_at: 2_000_000_000 }],
    ['a secret that is not a string', { client_secret: { value: 'x' }, expires_at: 2_000_000_000 }],
    ['no expires_at', { client_secret: 'accs_secret_x' }],
    ['expires_at that is not a number', { client_secret: 'accs_secret_x', expires_at: '2030' }],
  ])('AccountSession with %s → 502', async (_name, answer) => {
    const response = await handlers[0]![1](stripeAnswering({ object: 'account_session', ...answer }), { onEvent: () => {}, onError: () => {} })(post());
    expect(response.status).toBe(502);
    expect(await response.text()).not.toContain('accs_secret_x');
  });

  it('a well-formed answer passes exactly its two fields', async () => {
    const response = await handlers[0]![1](stripeAnswering({ object: 'account_session', client_secret: 'accs_secret_x', expires_at: 2_000_000_000, account: 'acct_1' }), {
      onEvent: () => {},
      onError: () => {},
    })(post());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ client_secret: 'accs_secret_x', expires_at: 2_000_000_000 });
  });
});
