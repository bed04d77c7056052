import { describe, expect, it, vi } from 'vitest';
import { BROWSER_ROUTES } from '../../src/sandbox/protocol';
import { startSandbox } from './startSandbox';

const claim = BROWSER_ROUTES.claim;

describe('sandbox browser routes: claiming a client secret', () => {
  it('lets the first claim win and refuses a second with session_already_claimed', async () => {
    const { stripe, account, post, sandbox } = await startSandbox();
    const session = await stripe.accountSessions.create({ account, components: { payments: { enabled: true } } });
    const first = await post(claim, { client_secret: session.client_secret });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ kind: 'account_session', account, expires_at: session.expires_at, livemode: false });
    expect(first.body.token).toMatch(/^sbtok_/);
    expect(first.body.components.payments.enabled).toBe(true);
    expect(JSON.stringify(first.body)).not.toContain(session.client_secret);

    const second = await post(claim, { client_secret: session.client_secret });
    expect(second.status).toBe(400);
    expect(second.body.error).toMatchObject({ type: 'invalid_request_error', code: 'session_already_claimed', param: 'client_secret' });
    const state = sandbox.state();
    expect(state.claims.account_session).toBe(1);
    expect(state.claimErrors).toEqual({ session_already_claimed: 1 });
    expect(state.claimedSecrets).toEqual([`accs_secret_…${session.client_secret.slice(-4)}`]);
  });

  it('refuses an expired secret once the test clock passes expires_at', async () => {
    const { stripe, account, post, sandbox } = await startSandbox({ lifetimeSeconds: 60 });
    const session = await stripe.accountSessions.create({ account, components: { payouts: { enabled: true } } });
    sandbox.control.advanceClock(59);
    const fresh = await stripe.accountSessions.create({ account, components: { payouts: { enabled: true } } });
    expect((await post(claim, { client_secret: fresh.client_secret })).status).toBe(200);
    sandbox.control.advanceClock(1);
    const expired = await post(claim, { client_secret: session.client_secret });
    expect(expired.status).toBe(400);
    expect(expired.body.error.code).toBe('session_expired');
    expect(expired.body.error.message).not.toContain(session.client_secret);
  });

  it('answers an unknown secret with 404 resource_missing, without echoing it', async () => {
    const { post } = await startSandbox();
    const secret = 'accs_secret__notarealsecretatallnotarealsecretatall12345';
    const res = await post(claim, { client_secret: secret });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'resource_missing', param: 'client_secret' });
    expect(res.body.error.message).toMatch(/^No such account session: 'accs_secret_…2345'$/);
    expect((await post(claim, {})).body.error.code).toBe('parameter_missing');
  });

  it('refuses a claim made with a live publishable key, as Stripe refuses a key of the other mode, and keeps the secret claimable', async () => {
    const { stripe, customer, post } = await startSandbox();
    const session = await stripe.customerSessions.create({ customer, components: { payment_element: { enabled: true } } });
    const live = await post(claim, { client_secret: session.client_secret, publishable_key: 'pk_live_abcdef123456' });
    expect(live.status).toBe(401);
    expect(live.body.error.type).toBe('invalid_request_error');
    expect(live.body.error.message).toMatch(/^Invalid API Key provided: pk_live_\*\*\*\*3456\. The sandbox is test mode: use a pk_test_ publishable key with it/);
    expect(JSON.stringify(live.body)).not.toContain('abcdef');
    const test = await post(claim, { client_secret: session.client_secret, publishable_key: 'pk_test_sandbox' });
    expect(test.status).toBe(200);
  });

  it('gives a CustomerSession one more lifetime from its first use (the two-phase model)', async () => {
    const { stripe, customer, post, get, sandbox } = await startSandbox({ lifetimeSeconds: 1800 });
    const session = await stripe.customerSessions.create({ customer, components: { payment_element: { enabled: true } } });
    sandbox.control.advanceClock(1700);
    const { body } = await post(claim, { client_secret: session.client_secret });
    expect(body).toMatchObject({ kind: 'customer_session', customer, expires_at: session.expires_at + 1700 });
    sandbox.control.advanceClock(1799);
    expect((await get(BROWSER_ROUTES.paymentMethods, body.token)).body.data).toHaveLength(2);
    sandbox.control.advanceClock(1);
    const expired = await get(BROWSER_ROUTES.paymentMethods, body.token);
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('session_expired');
  });

  it('treats an FC secret as single use with no expiry', async () => {
    const { stripe, customer, post, sandbox } = await startSandbox();
    const session = await stripe.financialConnections.sessions.create({ account_holder: { type: 'customer', customer }, permissions: ['balances'] });
    sandbox.control.advanceClock(7 * 3600);
    const first = await post(claim, { client_secret: session.client_secret });
    expect(first.body).toMatchObject({ kind: 'financial_connections_session', expires_at: null, permissions: ['balances'] });
    expect((await post(claim, { client_secret: session.client_secret })).body.error.code).toBe('session_already_claimed');
  });
});

describe('sandbox browser routes: data for a claimed session', () => {
  async function claimed(components: Record<string, { enabled: boolean }>) {
    const started = await startSandbox();
    const session = await started.stripe.accountSessions.create({ account: started.account, components });
    const { body } = await started.post(claim, { client_secret: session.client_secret });
    return { ...started, token: body.token as string };
  }

  it("reads the claimed account's payments, payouts, balance, disputes, documents and profile", async () => {
    const { get, token, account } = await claimed({ payments: { enabled: true }, payouts: { enabled: true }, documents: { enabled: true } });
    const payments = await get(BROWSER_ROUTES.payments, token);
    expect(payments.status).toBe(200);
    expect(payments.body.data).toHaveLength(8);
    expect(payments.body.data[0]).toMatchObject({ id: expect.stringMatching(/^py_/), currency: 'usd' });
    expect((await get(BROWSER_ROUTES.payouts, token)).body.data).toHaveLength(5);
    expect((await get(BROWSER_ROUTES.balance, token)).body.available[0].amount).toBeGreaterThan(0);
    expect((await get(BROWSER_ROUTES.disputes, token)).body.data.length).toBeGreaterThan(0);
    expect((await get(BROWSER_ROUTES.documents, token)).body.data).toHaveLength(2);
    expect((await get(BROWSER_ROUTES.account, token)).body).toMatchObject({ id: account, business_name: 'Furever Grooming' });
  });

  it('is the same data for the same seed, and different for another seed', async () => {
    const a = await startSandbox({ seed: 7 });
    const b = await startSandbox({ seed: 7 });
    const c = await startSandbox({ seed: 8 });
    expect(a.account).toBe(b.account);
    expect(a.account).not.toBe(c.account);
  });

  it('refuses data whose component is not enabled, a missing token and a token of the wrong kind', async () => {
    const { get, token, stripe, customer, post } = await claimed({ account_onboarding: { enabled: true } });
    const payments = await get(BROWSER_ROUTES.payments, token);
    expect(payments.status).toBe(403);
    expect(payments.body.error.code).toBe('component_not_enabled');
    expect(payments.body.error.message).toMatch(/enabled in the AccountSession\. Enable one of: payments,/);
    expect((await get(BROWSER_ROUTES.account, token)).status).toBe(200);
    expect((await get(BROWSER_ROUTES.payments)).body.error.code).toBe('claim_token_missing');
    expect((await get(BROWSER_ROUTES.payments, 'sbtok_forged')).status).toBe(401);
    const cs = await stripe.customerSessions.create({ customer, components: { pricing_table: { enabled: true } } });
    const customerToken = (await post(claim, { client_secret: cs.client_secret })).body.token;
    expect((await get(BROWSER_ROUTES.payments, customerToken)).body.error.code).toBe('session_kind_mismatch');
    expect((await get(BROWSER_ROUTES.plans, customerToken)).body.data).toHaveLength(3);
    const savedCards = (await get(BROWSER_ROUTES.paymentMethods, customerToken)).body.error;
    expect(savedCards.code).toBe('component_not_enabled');
    expect(savedCards.message).toMatch(/enabled in the CustomerSession\. Enable one of: payment_element,/);
  });

  it('ends a session on logout: data reads then fail with session_logged_out', async () => {
    const { get, post, token } = await claimed({ payments: { enabled: true } });
    expect((await post(BROWSER_ROUTES.logout, {}, token)).body).toEqual({ ok: true });
    const after = await get(BROWSER_ROUTES.payments, token);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('session_logged_out');
  });

  it('counts browser-reported events and refuses malformed ones', async () => {
    const { post, sandbox } = await startSandbox();
    await post(BROWSER_ROUTES.events, { type: 'fetch_client_secret' });
    await post(BROWSER_ROUTES.events, { type: 'fetch_client_secret' });
    await post(BROWSER_ROUTES.events, { type: 'load_error', detail: { type: 'api_error' } });
    expect((await post(BROWSER_ROUTES.events, { type: 'Not An Event' })).status).toBe(400);
    expect(sandbox.state().events).toEqual({ fetch_client_secret: 2, load_error: 1 });
  });

  it('answers CORS preflights for any origin', async () => {
    const { url } = await startSandbox();
    const res = await fetch(url + claim, { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('Authorization');
  });
});

describe('sandbox browser routes: completing a Financial Connections flow', () => {
  async function fcToken(options: Record<string, unknown> = {}) {
    const started = await startSandbox();
    const session = await started.stripe.financialConnections.sessions.create({
      account_holder: { type: 'customer', customer: started.customer },
      permissions: ['payment_method', 'balances'],
      ...options,
    });
    const { body } = await started.post(claim, { client_secret: session.client_secret });
    return { ...started, session, token: body.token as string };
  }

  it('lists institutions filtered by the session, and links the chosen accounts', async () => {
    const { get, post, token, stripe, session } = await fcToken({ filters: { account_subcategories: ['checking'] } });
    const institutions = (await get(BROWSER_ROUTES.institutions, token)).body.data;
    expect(institutions.map((i: { id: string }) => i.id)).toEqual(['inst_sandbox_bank', 'inst_test_credit_union']);
    expect(institutions[0].accounts.map((a: { subcategory: string }) => a.subcategory)).toEqual(['checking']);
    const savings = await post(BROWSER_ROUTES.fcComplete, { institution: 'inst_sandbox_bank', accounts: ['inst_sandbox_bank_savings'] }, token);
    expect(savings.status).toBe(400);
    const done = await post(BROWSER_ROUTES.fcComplete, { institution: 'inst_sandbox_bank', accounts: ['inst_sandbox_bank_checking'] }, token);
    expect(done.status).toBe(200);
    const [linked] = done.body.financialConnectionsSession.accounts;
    expect(done.body.financialConnectionsSession.id).toBe(session.id);
    expect(linked).toMatchObject({ object: 'financial_connections.account', institution_name: 'Sandbox Bank', last4: '6789', subcategory: 'checking' });
    expect(linked).not.toHaveProperty('account_holder');
    expect(done.body).not.toHaveProperty('token');
    expect((await stripe.financialConnections.accounts.list({ session: session.id })).data.map((a) => a.id)).toEqual([linked.id]);
    const again = await post(BROWSER_ROUTES.fcComplete, { cancel: true }, token);
    expect(again.body.error.code).toBe('session_already_completed');
  });

  it('creates no account on cancel', async () => {
    const { post, token, stripe, session } = await fcToken();
    const cancelled = await post(BROWSER_ROUTES.fcComplete, { cancel: true }, token);
    expect(cancelled.body.financialConnectionsSession.accounts).toEqual([]);
    expect((await stripe.financialConnections.accounts.list({ session: session.id })).data).toEqual([]);
  });

  it('returns a bank-account token in bank_account_token mode and stores it on the session', async () => {
    const { post, token, stripe, session } = await fcToken();
    const two = await post(BROWSER_ROUTES.fcComplete, { institution: 'inst_test_credit_union', accounts: ['inst_test_credit_union_checking', 'inst_test_credit_union_savings'], mode: 'bank_account_token' }, token);
    expect(two.status).toBe(400);
    const done = await post(BROWSER_ROUTES.fcComplete, { institution: 'inst_test_credit_union', accounts: ['inst_test_credit_union_savings'], mode: 'bank_account_token' }, token);
    expect(done.body.token).toMatchObject({
      id: expect.stringMatching(/^tok_/),
      object: 'token',
      type: 'bank_account',
      used: false,
      bank_account: { object: 'bank_account', last4: '8765', bank_name: 'TEST CREDIT UNION', account_holder_name: 'Jenny Rosen', routing_number: '110000000' },
    });
    expect((await stripe.financialConnections.sessions.retrieve(session.id)).bank_account_token?.id).toBe(done.body.token.id);
  });

  it('refuses unknown institutions and accounts', async () => {
    const { post, token } = await fcToken();
    expect((await post(BROWSER_ROUTES.fcComplete, { institution: 'inst_nope', accounts: ['x'] }, token)).status).toBe(404);
    expect((await post(BROWSER_ROUTES.fcComplete, { institution: 'inst_sandbox_bank', accounts: ['x'] }, token)).status).toBe(404);
    expect((await post(BROWSER_ROUTES.fcComplete, { institution: 'inst_sandbox_bank', accounts: [] }, token)).status).toBe(400);
  });
});

vi.mock('../../src/sandbox/browser/standinScripts', () => ({
  readStandinScript: vi.fn(async (name: string, apiBase: string) => `/* ${name} for ${apiBase} */`),
}));

describe('sandbox stand-in scripts', () => {
  it("serves each stand-in with the sandbox's own base URL, as JavaScript with CORS *", async () => {
    const { url } = await startSandbox();
    const res = await fetch(`${url}/sandbox/scripts/connect.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.text()).toBe(`/* connect for ${url} */`);
    expect(await (await fetch(`${url}/sandbox/scripts/pricing-table.js`)).text()).toBe(`/* pricingTable for ${url} */`);
    expect((await fetch(`${url}/sandbox/scripts/nope.js`)).status).toBe(404);
  });
});
