import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { Activity, type ActivitySnapshot } from '../../example/server/Activity';
import { createExampleApi } from '../../example/server/createExampleApi';
import { loadDemoUser } from '../../example/server/loadDemoUser';
import { createSandbox, type Sandbox } from '../../src/sandbox';
import { toNodeHandler } from '../../src/server';

const sandboxes: Sandbox[] = [];
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all([...sandboxes.splice(0).map((sandbox) => sandbox.close()), ...servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve)))]);
});

/** The example backend on a local port, on a fresh sandbox that forwards every event to its /api/webhooks. */
async function exampleOnSandbox() {
  const sandbox = createSandbox();
  sandboxes.push(sandbox);
  await sandbox.listen();
  const stripe = new Stripe('sk_test_example', sandbox.stripeConfig());
  const { seeded } = sandbox.state();
  const user = await loadDemoUser(stripe, { customer: seeded.customers[0], accounts: seeded.accounts });
  const activity = new Activity(stripe, user);
  const api = createExampleApi({ stripe, currentUser: () => user, activity, webhookSecret: sandbox.webhooks.forwardSecret });
  const server = createServer((req, res) => {
    const handler = api[new URL(req.url ?? '/', 'http://localhost').pathname];
    if (handler) void toNodeHandler(handler)(req, res);
    else res.writeHead(404).end();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sandbox.webhooks.forward(`${base}/api/webhooks`);
  const snapshot = async () => (await (await fetch(`${base}/api/activity`)).json()) as ActivitySnapshot;
  await fetch(`${base}/api/me`); // signing in reads the current state once
  return { sandbox, stripe, user, base, snapshot };
}

describe('example backend: webhooks', () => {
  it('refuses a forged or altered delivery with 400 and applies nothing', async () => {
    const { stripe, user, base, snapshot } = await exampleOnSandbox();
    const before = await snapshot();
    const forged = JSON.stringify({
      id: 'evt_forged',
      object: 'event',
      type: 'payment_intent.succeeded',
      data: { object: { id: 'pi_forged', object: 'payment_intent', amount: 100_000, currency: 'usd', customer: user.customer, status: 'succeeded', metadata: {}, description: 'Forged', created: 1 } },
    });
    const post = (body: string, signature?: string) =>
      fetch(`${base}/api/webhooks`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(signature && { 'Stripe-Signature': signature }) }, body });
    // Signed with a secret the example does not use.
    const wrongSecret = stripe.webhooks.generateTestHeaderString({ payload: forged, secret: 'whsec_attacker' });
    const refused = await post(forged, wrongSecret);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: { code: 'signature_invalid', message: expect.not.stringContaining('whsec') } });
    expect((await post(forged)).status).toBe(400);
    expect((await post(forged, 't=1,v1=00')).status).toBe(400);
    expect((await fetch(`${base}/api/webhooks`)).status).toBe(405);
    expect(await snapshot()).toEqual(before);
  });

  it('marks a payment paid on payment_intent.succeeded, and a decline failed, from verified deliveries only', async () => {
    const { sandbox, stripe, user, snapshot } = await exampleOnSandbox();
    const paid = await stripe.paymentIntents.create({ amount: 4900, currency: 'usd', customer: user.customer, payment_method: 'pm_card_visa', confirm: true, metadata: { order: 'Annual seller plan' } });
    await stripe.paymentIntents.create({ amount: 900, currency: 'usd', customer: user.customer, payment_method: 'pm_card_chargeDeclined', confirm: true, description: 'Starter' }).catch(() => undefined);
    // Another customer's payment is not this user's order.
    const other = await stripe.customers.create({ email: 'someone@example.com' });
    await stripe.paymentIntents.create({ amount: 100, currency: 'usd', customer: other.id, payment_method: 'pm_card_visa', confirm: true });
    await sandbox.webhooks.settled();
    expect(sandbox.state().webhooks.failedAttempts).toBe(0);
    const { payments } = await snapshot();
    expect(payments.map((p) => [p.label, p.status])).toEqual(expect.arrayContaining([['Annual seller plan', 'paid'], ['Starter', 'failed']]));
    expect(payments).toHaveLength(2);
    expect(payments.find((p) => p.id === paid.id)).toMatchObject({ amount: 4900, currency: 'usd', failure: null });
    expect(payments.find((p) => p.label === 'Starter')?.failure).toMatch(/declined/);
  });

  it('turns onboarding complete on account.updated and lists a linked bank on financial_connections.account.created', async () => {
    const { sandbox, user, snapshot, stripe } = await exampleOnSandbox();
    const [onboarded = '', pending = ''] = user.accounts.map((a) => a.id);
    expect((await snapshot()).onboarding).toEqual({ [onboarded]: 'complete', [pending]: 'pending' });
    sandbox.control.completeOnboarding(pending);
    const session = await stripe.financialConnections.sessions.create({ account_holder: { type: 'customer', customer: user.customer }, permissions: ['balances'] });
    const claim = (await (await sandbox.fetch(new Request(`${sandbox.url}/sandbox/v1/claim`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ client_secret: session.client_secret }) }))).json()) as { token: string };
    await sandbox.fetch(new Request(`${sandbox.url}/sandbox/v1/financial_connections/complete`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${claim.token}` }, body: JSON.stringify({ institution: 'inst_sandbox_bank', accounts: ['inst_sandbox_bank_savings'] }) }));
    await sandbox.webhooks.settled();
    const after = await snapshot();
    expect(after.onboarding).toEqual({ [onboarded]: 'complete', [pending]: 'complete' });
    expect(after.bankAccounts).toEqual([{ id: expect.stringMatching(/^fca_/), institution: 'Sandbox Bank', name: 'Sandbox Bank Savings', last4: '1234' }]);
  });
});
