import type Stripe from 'stripe';
import { describe, expect, it, vi } from 'vitest';
import {
  createAccountSessionHandler,
  createCustomerSessionHandler,
  createFinancialConnectionsSessionHandler,
  type ServerEvent,
} from '../../src/server';

// Stand-in Stripe clients that record what they were asked for: these tests are about what the
// handler sends, so the answer is a fixed, well-formed session.
function fakeStripe() {
  const session = async () => ({ object: 'session', client_secret: 'xx_secret_test', expires_at: 2_000_000_000 });
  const create = vi.fn<(params: Record<string, unknown>) => Promise<unknown>>(session);
  const client = { accountSessions: { create }, customerSessions: { create }, financialConnections: { sessions: { create } } };
  return { create, stripe: client as unknown as Stripe };
}

const post = () => new Request('https://app.example.com/api/session', { method: 'POST', headers: { origin: 'https://app.example.com' } });

describe("authorize's answer is read once, and only that copy is used", () => {
  it('an account getter that answers A, then B: the session, components and event are all for A', async () => {
    const { stripe, create } = fakeStripe();
    let reads = 0;
    const events: ServerEvent[] = [];
    const components = vi.fn(() => ({ payments: { enabled: true } }));
    const handler = createAccountSessionHandler({
      stripe,
      authorize: () => ({
        get account() {
          reads += 1;
          return reads === 1 ? 'acct_A' : 'acct_B';
        },
      }),
      components,
      onEvent: (event) => events.push(event),
    });
    expect((await handler(post())).status).toBe(200);
    expect(reads).toBe(1);
    expect(create.mock.calls[0]![0].account).toBe('acct_A');
    expect(components).toHaveBeenCalledWith({ account: 'acct_A' });
    expect(events[0]).toMatchObject({ type: 'session_created', account: 'acct_A' });
  });

  it('a customer getter that answers C, then D: the session is for C', async () => {
    const { stripe, create } = fakeStripe();
    let reads = 0;
    const handler = createCustomerSessionHandler({
      stripe,
      authorize: () => ({
        get customer() {
          reads += 1;
          return reads === 1 ? 'cus_C' : 'cus_D';
        },
      }),
      components: { pricing_table: { enabled: true } },
    });
    expect((await handler(post())).status).toBe(200);
    expect(create.mock.calls[0]![0].customer).toBe('cus_C');
  });

  it('an account holder whose getters change between reads: the session is for what was checked', async () => {
    const { stripe, create } = fakeStripe();
    let reads = 0;
    const handler = createFinancialConnectionsSessionHandler({
      stripe,
      authorize: () => ({
        accountHolder: {
          get type() {
            reads += 1;
            return reads === 1 ? 'customer' : 'account';
          },
          customer: 'cus_C',
          account: 'acct_B',
        } as never,
      }),
      permissions: ['balances'],
    });
    expect((await handler(post())).status).toBe(200);
    expect(create.mock.calls[0]![0].account_holder).toEqual({ type: 'customer', customer: 'cus_C' });
  });

  it('a permissions function that rewrites its argument cannot change whose accounts are linked', async () => {
    const { stripe, create } = fakeStripe();
    const events: ServerEvent[] = [];
    const onError = vi.fn();
    const handler = createFinancialConnectionsSessionHandler({
      stripe,
      authorize: () => ({ accountHolder: { type: 'customer', customer: 'cus_C' } }),
      permissions: (authorized) => {
        Object.assign(authorized.accountHolder, { type: 'account', account: 'acct_B' });
        return ['balances'];
      },
      onEvent: (event) => events.push(event),
      onError,
    });
    const response = await handler(post());
    // The copy is frozen: a strict-mode write throws, which is the app's bug, reported to onError.
    expect(response.status).toBe(500);
    expect(create).not.toHaveBeenCalled();
    expect(onError.mock.calls[0]![0]).toBeInstanceOf(TypeError);
    expect(events).toEqual([expect.objectContaining({ type: 'request_failed', customer: 'cus_C' })]);
    expect(JSON.stringify(events)).not.toContain('acct_B');
  });

  it('a sloppy-mode filters function whose write is silently ignored: Stripe still gets the checked holder', async () => {
    const { stripe, create } = fakeStripe();
    const events: ServerEvent[] = [];
    // new Function bodies are sloppy-mode code, where writing a frozen property does not throw.
    const filters = new Function('authorized', "authorized.accountHolder = { type: 'account', account: 'acct_B' }; return { country: 'US' };") as () => { country: string };
    const handler = createFinancialConnectionsSessionHandler({
      stripe,
      authorize: () => ({ accountHolder: { type: 'customer', customer: 'cus_C' } }),
      permissions: ['balances'],
      filters,
      onEvent: (event) => events.push(event),
    });
    expect((await handler(post())).status).toBe(200);
    expect(create.mock.calls[0]![0].account_holder).toEqual({ type: 'customer', customer: 'cus_C' });
    expect(events[0]).toMatchObject({ type: 'session_created', customer: 'cus_C' });
  });

  it('components functions get the same frozen copy', async () => {
    const { stripe, create } = fakeStripe();
    const handler = createAccountSessionHandler({
      stripe,
      authorize: () => ({ account: 'acct_A' }),
      components: (authorized) => {
        expect(Object.isFrozen(authorized)).toBe(true);
        return { payments: { enabled: true } };
      },
    });
    expect((await handler(post())).status).toBe(200);
    expect(create.mock.calls[0]![0].account).toBe('acct_A');
  });
});
