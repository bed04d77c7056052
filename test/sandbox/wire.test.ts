import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { startSandbox, stripeError } from './startSandbox';

const form = 'Content-Type';
const formType = 'application/x-www-form-urlencoded';

describe('sandbox wire fidelity', () => {
  it('takes Bearer and HTTP Basic keys, and answers a missing, malformed or live key with 401', async () => {
    const { url, account, sandbox } = await startSandbox();
    const call = (authorization?: string) =>
      fetch(`${url}/v1/accounts/${account}`, { headers: authorization ? { Authorization: authorization } : {} });
    expect((await call('Bearer sk_test_abc')).status).toBe(200);
    expect((await call(`Basic ${Buffer.from('sk_test_abc:').toString('base64')}`)).status).toBe(200);
    expect((await call('Bearer rk_test_abc')).status).toBe(200);
    for (const bad of [undefined, 'Bearer', 'Bearer pk_test_abc', 'Bearer sk_test_', 'Token sk_test_abc', 'Bearer sk_live_abcdefghijklmnop']) {
      const res = await call(bad);
      const body = (await res.json()) as { error: Record<string, string> };
      expect(res.status, String(bad)).toBe(401);
      expect(body.error.type).toBe('invalid_request_error');
      expect(body.error.message).not.toContain('abcdefghijklmnop');
    }
    expect(sandbox.state().sessionsCreated.account_session).toBe(0);
  });

  it('surfaces a bad key through the SDK as an authentication error', async () => {
    const { sandbox } = await startSandbox();
    const stripe = new Stripe('sk_live_123456789012', sandbox.stripeConfig());
    const error = await stripeError(stripe.accounts.list());
    expect(error).toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401 });
    expect(error.message).toContain('test-mode keys only');
  });

  it('answers unknown routes with 404 in Stripe format and sets Request-Id and Stripe-Version on every answer', async () => {
    const { url } = await startSandbox();
    const res = await fetch(`${url}/v1/charges`, { method: 'POST', headers: { Authorization: 'Bearer sk_test_1' } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^Unrecognized request URL \(POST: \/v1\/charges\)\./);
    expect(res.headers.get('request-id')).toMatch(/^req_/);
    expect(res.headers.get('stripe-version')).toBe('2026-10-28.endive');
    const get = await fetch(`${url}/v1/account_sessions`, { headers: { Authorization: 'Bearer sk_test_1' } });
    expect(get.status).toBe(404);
  });

  it('decodes raw and percent-encoded brackets, [] and [n] arrays', async () => {
    const { url, customer } = await startSandbox();
    const post = (body: string) =>
      fetch(`${url}/v1/financial_connections/sessions`, { method: 'POST', headers: { Authorization: 'Bearer sk_test_1', [form]: formType }, body });
    const raw = await post(`account_holder[type]=customer&account_holder[customer]=${customer}&permissions[]=balances&permissions[]=ownership`);
    expect(((await raw.json()) as { permissions: string[] }).permissions).toEqual(['balances', 'ownership']);
    const encoded = await post(`account_holder%5Btype%5D=customer&account_holder%5Bcustomer%5D=${customer}&permissions%5B1%5D=ownership&permissions%5B0%5D=balances`);
    expect(encoded.status).toBe(200);
    expect(((await encoded.json()) as { permissions: string[] }).permissions).toEqual(['balances', 'ownership']);
  });

  it.each([
    ['a malformed %-escape', 'account=%E0%A4%A', 400, /not valid application\/x-www-form-urlencoded/],
    ['nesting deeper than 8 levels', `account=x&${'components' + '[a]'.repeat(9)}=1`, 400, /nested too deeply/],
    ['a broken bracket', 'components[payments=1', 400, /Invalid parameter name/],
    ['a value that is also an object', 'account=a&account[x]=b', 400, /more than once|both/],
    ['a repeated scalar', 'account=a&account=b', 400, /more than once/],
    ['invalid UTF-8', Buffer.from([0x61, 0x3d, 0xff, 0xfe]), 400, /UTF-8/],
    ['a body over 100 kB', `account=${'x'.repeat(200 * 1024)}`, 413, /larger than the sandbox accepts/],
  ])('answers %s with a Stripe-style error, never a crash', async (_, body, status, message) => {
    const { url, sandbox } = await startSandbox();
    const res = await fetch(`${url}/v1/account_sessions`, { method: 'POST', headers: { Authorization: 'Bearer sk_test_1', [form]: formType }, body });
    const json = (await res.json()) as { error: { type: string; message: string } };
    expect(res.status).toBe(status);
    expect(json.error.type).toBe('invalid_request_error');
    expect(json.error.message).toMatch(message);
    // The server is still up and answering.
    expect((await fetch(`${url}/v1/accounts`, { headers: { Authorization: 'Bearer sk_test_1' } })).status).toBe(200);
    expect(sandbox.state().sessionsCreated.account_session).toBe(0);
  });

  it('replays the saved answer for the same Idempotency-Key and params, and refuses other params', async () => {
    const { stripe, account, otherAccount, sandbox } = await startSandbox();
    const params = { account, components: { payments: { enabled: true } } };
    const first = await stripe.accountSessions.create(params, { idempotencyKey: 'order-1' });
    const again = await stripe.accountSessions.create(params, { idempotencyKey: 'order-1' });
    expect(again.client_secret).toBe(first.client_secret);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(again.lastResponse.idempotencyKey).toBe('order-1');
    expect(sandbox.state().sessionsCreated.account_session).toBe(1);

    const other = await stripeError(stripe.accountSessions.create({ ...params, account: otherAccount }, { idempotencyKey: 'order-1' }));
    expect(other).toMatchObject({ type: 'StripeIdempotencyError', statusCode: 400 });
    expect(other.message).toContain("Try using a key other than 'order-1'");
    const tooLong = await stripeError(stripe.accountSessions.create(params, { idempotencyKey: 'k'.repeat(256) }));
    expect(tooLong.statusCode).toBe(400);
    expect(sandbox.state().sessionsCreated.account_session).toBe(1);
  });

  it('does not save failed validation under a key: fixing the params with the same key succeeds', async () => {
    const { stripe, account } = await startSandbox();
    await stripeError(stripe.accountSessions.create({ account, components: { payments: { enabled: false } } }, { idempotencyKey: 'k1' }));
    const ok = await stripe.accountSessions.create({ account, components: { payments: { enabled: true } } }, { idempotencyKey: 'k1' });
    expect(ok.client_secret).toMatch(/^accs_secret__/);
  });

  it('creates one session when the SDK retries a lost response with the same Idempotency-Key', async () => {
    const { stripe, account, sandbox } = await startSandbox({ stripe: { maxNetworkRetries: 2 } });
    sandbox.control.dropNext('POST /v1/account_sessions');
    const session = await stripe.accountSessions.create({ account, components: { payouts: { enabled: true } } });
    const state = sandbox.state();
    expect(state.requests['POST /v1/account_sessions']).toBe(2);
    expect(state.sessionsCreated.account_session).toBe(1);
    expect(session.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(session.lastResponse.idempotencyKey).toMatch(/^stripe-node-retry-/);
  });

  it('lets the SDK retry an injected 500 with the same key, and answers 429 with the rate-limit error', async () => {
    const { stripe, account, sandbox } = await startSandbox({ stripe: { maxNetworkRetries: 2 } });
    sandbox.control.failNext('POST /v1/account_sessions', 500, 1);
    const session = await stripe.accountSessions.create({ account, components: { payouts: { enabled: true } } });
    expect(session.client_secret).toMatch(/^accs_secret__/);
    expect(sandbox.state().requests['POST /v1/account_sessions']).toBe(2);
    expect(sandbox.state().sessionsCreated.account_session).toBe(1);

    sandbox.control.failNext('POST /v1/account_sessions', 429, 1);
    const limited = await stripeError(stripe.accountSessions.create({ account, components: { payouts: { enabled: true } } }));
    expect(limited).toMatchObject({ type: 'StripeRateLimitError', statusCode: 429, code: 'rate_limit' });
    expect(sandbox.state().sessionsCreated.account_session).toBe(1);
  });
});
