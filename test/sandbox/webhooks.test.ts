import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox';
import { sandboxControls } from '../../src/sandbox/playwright';
import { expectStripeShape } from './fixtureShape';
import { startSandbox, stripeError } from './startSandbox';

interface Received {
  body: string;
  signature: string;
  event: { id: string; type: string; data: { object: { id: string } } };
}

const receivers: { close(): void }[] = [];
afterEach(() => {
  for (const r of receivers.splice(0)) r.close();
});

const readAll = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => resolve(body));
  });

/**
 * A local webhook receiver. `statuses` are answered in turn (then 200). `next(n)` resolves once
 * `n` requests have arrived in total, so a test waits for deliveries instead of sleeping.
 */
async function receiver(statuses: number[] = []) {
  const received: Received[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  const server = createServer(async (req, res) => {
    const body = await readAll(req);
    received.push({ body, signature: String(req.headers['stripe-signature']), event: JSON.parse(body) as Received['event'] });
    res.writeHead(statuses.shift() ?? 200).end();
    for (const w of waiting.filter((w) => received.length >= w.count)) w.resolve();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receivers.push({ close: () => server.close() });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  const next = (count: number) =>
    received.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ count, resolve }));
  return { url, received, next };
}

const verifier = new Stripe('sk_test_123');

describe('sandbox webhooks: endpoints', () => {
  it('creates (with a whsec_ secret, shown once), retrieves, lists, updates and deletes endpoints', async () => {
    const { stripe } = await startSandbox();
    const created = await stripe.webhookEndpoints.create({ url: 'http://localhost:4242/webhooks', enabled_events: ['payment_intent.succeeded'], description: 'shop' });
    expect(created.id).toMatch(/^we_[A-Za-z0-9]{24}$/);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
    expect(created).toMatchObject({ object: 'webhook_endpoint', status: 'enabled', url: 'http://localhost:4242/webhooks', enabled_events: ['payment_intent.succeeded'] });
    expectStripeShape(created, 'webhook_endpoint');
    const fetched = await stripe.webhookEndpoints.retrieve(created.id);
    expect(fetched).not.toHaveProperty('secret');
    expect((await stripe.webhookEndpoints.list()).data.map((e) => e.id)).toEqual([created.id]);
    const updated = await stripe.webhookEndpoints.update(created.id, { enabled_events: ['*'], disabled: true });
    expect(updated).toMatchObject({ enabled_events: ['*'], status: 'disabled' });
    const deleted = await stripe.webhookEndpoints.del(created.id);
    expect(deleted).toEqual({ id: created.id, object: 'webhook_endpoint', deleted: true });
    expectStripeShape(deleted, 'deleted_webhook_endpoint');
    expect(await stripeError(stripe.webhookEndpoints.retrieve(created.id))).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });

  it('refuses URLs off this machine (no SSRF) unless the host is allowed, and bad params as Stripe does', async () => {
    const { stripe } = await startSandbox();
    for (const url of ['http://169.254.169.254/latest', 'https://example.com/hook', 'http://10.0.0.1/', 'file:///etc/passwd', 'http://0.0.0.0:80/']) {
      const error = await stripeError(stripe.webhookEndpoints.create({ url, enabled_events: ['*'] }));
      expect(error, url).toMatchObject({ statusCode: 400, code: 'url_invalid', param: 'url' });
    }
    expect((await stripeError(stripe.webhookEndpoints.create({ url: 'https://example.com/hook', enabled_events: ['*'] }))).message).toContain('allowedHosts');
    expect(await stripeError(stripe.webhookEndpoints.create({ url: 'http://localhost/x', enabled_events: ['not an event'] as never }))).toMatchObject({ param: 'enabled_events[0]' });
    expect(await stripeError(stripe.webhookEndpoints.create({ url: 'http://localhost/x' } as never))).toMatchObject({ code: 'parameter_missing', param: 'enabled_events' });
    expect(await stripeError(stripe.webhookEndpoints.create({ url: 'http://localhost/x', enabled_events: ['*'], colour: 1 } as never))).toMatchObject({ code: 'parameter_unknown' });

    const local = await stripe.webhookEndpoints.create({ url: 'http://[::1]:4000/x', enabled_events: ['*'] });
    expect(await stripeError(stripe.webhookEndpoints.update(local.id, { url: 'http://metadata.google.internal/' }))).toMatchObject({ code: 'url_invalid' });
    expect((await stripe.webhookEndpoints.retrieve(local.id)).url).toBe('http://[::1]:4000/x');

    const { stripe: allowing } = await startSandbox({ webhooks: { allowedHosts: ['webhooks.internal'] } });
    expect((await allowing.webhookEndpoints.create({ url: 'http://webhooks.internal:3000/x', enabled_events: ['*'] })).url).toBe('http://webhooks.internal:3000/x');
    expect(() => createSandbox({ webhooks: { forwardTo: 'http://192.168.1.10/hook' } })).toThrow(/forwardTo.*allowedHosts/);
  });
});

describe('sandbox webhooks: delivery', () => {
  it('POSTs the event with a Stripe-Signature that stripe.webhooks.constructEvent verifies (and a wrong secret does not)', async () => {
    const { stripe } = await startSandbox();
    const hook = await receiver();
    const endpoint = await stripe.webhookEndpoints.create({ url: hook.url, enabled_events: ['payment_intent.succeeded', 'payment_intent.payment_failed'] });
    const paid = await stripe.paymentIntents.create({ amount: 1500, currency: 'usd', payment_method: 'pm_card_visa', confirm: true });
    await stripeError(stripe.paymentIntents.create({ amount: 1500, currency: 'usd', payment_method: 'pm_card_chargeDeclined', confirm: true }));
    await hook.next(2);
    const types = hook.received.map((r) => r.event.type).sort();
    expect(types).toEqual(['payment_intent.payment_failed', 'payment_intent.succeeded']);
    const delivery = hook.received.find((r) => r.event.type === 'payment_intent.succeeded');
    expect(delivery?.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const event = verifier.webhooks.constructEvent(delivery?.body ?? '', delivery?.signature ?? '', endpoint.secret ?? '');
    expect(event).toMatchObject({ type: 'payment_intent.succeeded', data: { object: { id: paid.id, status: 'succeeded' } }, livemode: false });
    expect(() => verifier.webhooks.constructEvent(delivery?.body ?? '', delivery?.signature ?? '', 'whsec_wrong')).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => verifier.webhooks.constructEvent(`${delivery?.body ?? ''} `, delivery?.signature ?? '', endpoint.secret ?? '')).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });

  it('retries a non-2xx answer with backoff (injected sleep), then stops; gives up after maxAttempts', async () => {
    const delays: number[] = [];
    const { stripe, sandbox } = await startSandbox({ webhooks: { maxAttempts: 3, sleep: async (ms) => void delays.push(ms) } });
    const flaky = await receiver([500, 503]);
    await stripe.webhookEndpoints.create({ url: flaky.url, enabled_events: ['payment_intent.created'] });
    await stripe.paymentIntents.create({ amount: 100, currency: 'usd' });
    await sandbox.webhooks.settled();
    expect(flaky.received).toHaveLength(3);
    expect(new Set(flaky.received.map((r) => r.event.id)).size).toBe(1);
    expect(delays).toEqual([500, 1000]);
    expect(sandbox.state().webhooks).toEqual({ events: 1, delivered: 1, failedAttempts: 2, gaveUp: 0 });
    const [event] = (await stripe.events.list({ type: 'payment_intent.created' })).data;
    expect(event?.pending_webhooks).toBe(0);

    const down = await receiver([500, 500, 500, 500]);
    await stripe.webhookEndpoints.create({ url: down.url, enabled_events: ['payment_intent.canceled'] });
    const intent = await stripe.paymentIntents.create({ amount: 100, currency: 'usd' });
    await stripe.paymentIntents.cancel(intent.id);
    await sandbox.webhooks.settled();
    expect(down.received).toHaveLength(3);
    expect(sandbox.state().webhooks.gaveUp).toBe(1);
    expect((await stripe.events.list({ type: 'payment_intent.canceled' })).data[0]?.pending_webhooks).toBe(1);
  });

  it('stops retrying once the sandbox is reset or the endpoint is deleted', async () => {
    let release: () => void = () => {};
    let waited: () => void = () => {};
    let waiting = new Promise<void>((resolve) => (waited = resolve));
    const sleep = () => {
      waited();
      return new Promise<void>((resolve) => (release = resolve));
    };
    const { stripe, sandbox } = await startSandbox({ webhooks: { maxAttempts: 5, sleep } });
    const down = await receiver([500, 500, 500, 500, 500, 500, 500, 500, 500, 500]);
    await stripe.webhookEndpoints.create({ url: down.url, enabled_events: ['payment_intent.created'] });
    await stripe.paymentIntents.create({ amount: 100, currency: 'usd' });
    await waiting; // the first attempt failed; the retry waits
    sandbox.reset();
    release();
    await sandbox.webhooks.settled();
    expect(down.received).toHaveLength(1);
    expect((await stripe.webhookEndpoints.list()).data).toEqual([]);
    expect((await stripe.events.list()).data).toEqual([]);

    waiting = new Promise<void>((resolve) => (waited = resolve));
    const endpoint = await stripe.webhookEndpoints.create({ url: down.url, enabled_events: ['payment_intent.created'] });
    await stripe.paymentIntents.create({ amount: 100, currency: 'usd' });
    await waiting;
    await stripe.webhookEndpoints.del(endpoint.id);
    release();
    await sandbox.webhooks.settled();
    expect(down.received).toHaveLength(2);
  });

  it('delivers only the enabled events, and Connect events only to connect endpoints', async () => {
    const { stripe, sandbox, account } = await startSandbox();
    const platform = await receiver();
    const connect = await receiver();
    await stripe.webhookEndpoints.create({ url: platform.url, enabled_events: ['*'] });
    await stripe.webhookEndpoints.create({ url: connect.url, enabled_events: ['account.updated', 'payment_intent.succeeded'], connect: true });
    await stripe.paymentIntents.create({ amount: 100, currency: 'usd', payment_method: 'pm_card_visa', confirm: true }, { stripeAccount: account });
    await stripe.paymentIntents.create({ amount: 100, currency: 'usd' });
    sandbox.control.completeOnboarding(sandbox.state().seeded.accounts[1] ?? '');
    await sandbox.webhooks.settled();
    expect(platform.received.map((r) => r.event.type)).toEqual(['payment_intent.created']);
    expect(connect.received.map((r) => r.event.type)).toEqual(['payment_intent.succeeded', 'account.updated']);
    expect(connect.received.map((r) => (r.event as unknown as Stripe.Event).account)).toEqual([account, sandbox.state().seeded.accounts[1]]);
  });

  it('forwards every event to forwardTo, signed with the forward secret; reset keeps forwarding', async () => {
    const hook = await receiver();
    const { stripe, sandbox } = await startSandbox({ webhooks: { forwardTo: hook.url, forwardSecret: 'whsec_test_forwarding' } });
    expect(sandbox.webhooks).toMatchObject({ forwardTo: hook.url, forwardSecret: 'whsec_test_forwarding' });
    await stripe.paymentIntents.create({ amount: 100, currency: 'usd', payment_method: 'pm_card_visa', confirm: true });
    sandbox.reset();
    await stripe.paymentIntents.create({ amount: 100, currency: 'usd' });
    await hook.next(3);
    const types = hook.received.map((r) => verifier.webhooks.constructEvent(r.body, r.signature, 'whsec_test_forwarding').type);
    expect(types.sort()).toEqual(['payment_intent.created', 'payment_intent.created', 'payment_intent.succeeded']);
  });

  it('starts and stops forwarding at run time with webhooks.forward(url | null), checked like the option', async () => {
    const hook = await receiver();
    const { stripe, sandbox } = await startSandbox();
    expect(sandbox.webhooks.forwardTo).toBeNull();
    await stripe.paymentIntents.create({ amount: 100, currency: 'usd' });
    sandbox.webhooks.forward(hook.url);
    expect(sandbox.webhooks.forwardTo).toBe(hook.url);
    const intent = await stripe.paymentIntents.create({ amount: 200, currency: 'usd' });
    await hook.next(1);
    expect(verifier.webhooks.constructEvent(hook.received[0]?.body ?? '', hook.received[0]?.signature ?? '', sandbox.webhooks.forwardSecret).data.object).toMatchObject({ id: intent.id });
    sandbox.webhooks.forward(null);
    await stripe.paymentIntents.create({ amount: 300, currency: 'usd' });
    await sandbox.webhooks.settled();
    expect(hook.received).toHaveLength(1);
    expect(() => sandbox.webhooks.forward('http://169.254.169.254/latest')).toThrow(/allowedHosts/);
    expect(sandbox.webhooks.forwardTo).toBeNull();
  });
});

describe('sandbox webhooks: events', () => {
  it('lists and retrieves events newest first, shaped like Stripe, filtered by type and scoped by Stripe-Account', async () => {
    const { stripe, account } = await startSandbox();
    const intent = await stripe.paymentIntents.create({ amount: 300, currency: 'usd', payment_method: 'pm_card_visa', confirm: true }, { idempotencyKey: 'order-7' });
    await stripe.paymentIntents.create({ amount: 300, currency: 'usd' }, { stripeAccount: account });
    const all = await stripe.events.list();
    expect(all.data.map((e) => e.type)).toEqual(['payment_intent.succeeded', 'payment_intent.created']);
    const [succeeded] = all.data;
    expect(succeeded?.id).toMatch(/^evt_/);
    expect(succeeded).toMatchObject({ object: 'event', livemode: false, pending_webhooks: 0, data: { object: { id: intent.id, status: 'succeeded' } } });
    expect(succeeded?.request).toMatchObject({ id: expect.stringMatching(/^req_/), idempotency_key: 'order-7' });
    expect(succeeded).not.toHaveProperty('account');
    // Each event keeps the object as it was then: the created event still shows the unpaid intent.
    const created = (await stripe.events.list({ type: 'payment_intent.created' })).data[0];
    expect(created?.data.object).toMatchObject({ id: intent.id, status: 'requires_confirmation', amount_received: 0 });
    expectStripeShape(succeeded, 'event');
    expect(await stripe.events.retrieve(succeeded?.id ?? '')).toEqual(succeeded);
    expect((await stripe.events.list({ type: 'payment_intent.created' })).data).toHaveLength(1);
    expect((await stripe.events.list({ type: 'payment_intent.*' })).data).toHaveLength(2);
    const connected = await stripe.events.list({}, { stripeAccount: account });
    expect(connected.data.map((e) => [e.type, e.account])).toEqual([['payment_intent.created', account]]);
    expect(await stripeError(stripe.events.retrieve(connected.data[0]?.id ?? ''))).toMatchObject({ statusCode: 404 });
  });

  it('completeOnboarding clears the requirements and emits account.updated with previous_attributes', async () => {
    const { stripe, sandbox } = await startSandbox();
    const pending = sandbox.state().seeded.accounts[1] ?? '';
    expect((await stripe.accounts.retrieve(pending)).requirements?.currently_due).not.toEqual([]);
    const waiting = sandbox.control.waitForEvent('account.updated', { objectId: pending });
    await sandboxControls(sandbox.url).completeOnboarding(pending);
    const event = await waiting;
    expect(event).toMatchObject({ account: pending, data: { object: { id: pending, charges_enabled: true }, previous_attributes: { charges_enabled: false } } });
    expect(await stripe.accounts.retrieve(pending)).toMatchObject({ charges_enabled: true, details_submitted: true, requirements: { currently_due: [], disabled_reason: null } });
  });

  it('emits financial_connections.account.created when a bank is linked', async () => {
    const { stripe, sandbox, customer, post } = await startSandbox();
    const session = await stripe.financialConnections.sessions.create({ account_holder: { type: 'customer', customer }, permissions: ['balances'] });
    const { body: claim } = await post('/sandbox/v1/claim', { client_secret: session.client_secret });
    await post('/sandbox/v1/financial_connections/complete', { institution: 'inst_sandbox_bank', accounts: ['inst_sandbox_bank_checking'] }, claim.token);
    const event = await sandbox.control.waitForEvent('financial_connections.account.created');
    const [linked] = (await stripe.financialConnections.accounts.list({ session: session.id })).data;
    expect(event.data.object).toEqual(linked);
  });

  it('waitForEvent resolves when the event is emitted, in process and over HTTP; it rejects when none comes', async () => {
    const { stripe, sandbox } = await startSandbox();
    const controls = sandboxControls(sandbox.url);
    const inProcess = sandbox.control.waitForEvent('payment_intent.succeeded');
    const overHttp = controls.waitForEvent('payment_intent.succeeded');
    let settled = false;
    void inProcess.then(() => (settled = true));
    const intent = await stripe.paymentIntents.create({ amount: 100, currency: 'usd', payment_method: 'pm_card_visa' });
    expect(settled).toBe(false);
    await stripe.paymentIntents.confirm(intent.id);
    expect((await inProcess).data.object.id).toBe(intent.id);
    expect((await overHttp).data.object.id).toBe(intent.id);
    // An event already emitted since the reset answers at once.
    expect((await controls.waitForEvent('payment_intent.created', { objectId: intent.id })).data.object.id).toBe(intent.id);
    await expect(sandbox.control.waitForEvent('payment_intent.canceled', { timeoutMs: 20 })).rejects.toThrow(/no payment_intent.canceled event.*payment_intent.created/);
    await expect(controls.waitForEvent('payment_intent.canceled', { timeoutMs: 20 })).rejects.toThrow(/408/);
    expect(() => sandbox.control.waitForEvent('payment_intent.canceled', { timeoutMs: Number.NaN })).toThrow(TypeError);
    await expect(controls.waitForEvent('payment_intent.canceled', { timeoutMs: -1 })).rejects.toThrow(/400.*timeoutMs/);
  });
});
