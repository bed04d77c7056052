import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { expectStripeShape } from './fixtureShape';
import { startSandbox, stripeError } from './startSandbox';

/** The 402 of a declined card, as the SDK raises it. */
async function cardError(promise: Promise<unknown>) {
  const error = await stripeError(promise);
  expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
  return error as Stripe.errors.StripeCardError;
}

describe('sandbox REST: PaymentIntents with Stripe test cards', () => {
  it('pm_card_visa succeeds: a new PaymentMethod, a charge, amount received, shaped like Stripe', async () => {
    const { stripe } = await startSandbox();
    const intent = await stripe.paymentIntents.create({ amount: 2000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, metadata: { order: '42' } });
    expect(intent.id).toMatch(/^pi_[A-Za-z0-9]{24}$/);
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_[A-Za-z0-9]{25}$`));
    expect(intent).toMatchObject({ object: 'payment_intent', status: 'succeeded', amount: 2000, amount_received: 2000, currency: 'usd', metadata: { order: '42' }, livemode: false });
    expect(intent.payment_method).toMatch(/^pm_[A-Za-z0-9]{24}$/);
    expect(intent.latest_charge).toMatch(/^ch_/);
    expect(intent.automatic_payment_methods).toEqual({ enabled: true, allow_redirects: 'always' });
    expectStripeShape(intent, 'payment_intent');
    expect(await stripe.paymentIntents.retrieve(intent.id)).toEqual(JSON.parse(JSON.stringify(intent)));
    const card = await stripe.paymentMethods.retrieve(intent.payment_method as string);
    expect(card.card).toMatchObject({ brand: 'visa', last4: '4242' });
    expectStripeShape(card, 'payment_method');
  });

  it('creates unconfirmed, then confirms; confirming a succeeded PaymentIntent is payment_intent_unexpected_state', async () => {
    const { stripe } = await startSandbox();
    const created = await stripe.paymentIntents.create({ amount: 1099, currency: 'eur', allowed_payment_method_types: ['card'] });
    expect(created).toMatchObject({ status: 'requires_payment_method', payment_method: null, automatic_payment_methods: null, payment_method_types: ['card'], allowed_payment_method_types: ['card'] });
    // Before API version 2026 the list was `payment_method_types`; the sandbox takes both.
    const older = await stripe.paymentIntents.create({ amount: 1099, currency: 'eur', payment_method_types: ['card'] } as Stripe.PaymentIntentCreateParams);
    expect(older).toMatchObject({ automatic_payment_methods: null, payment_method_types: ['card'], allowed_payment_method_types: null });
    const missing = await stripeError(stripe.paymentIntents.confirm(created.id));
    expect(missing).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
    const paid = await stripe.paymentIntents.confirm(created.id, { payment_method: 'pm_card_mastercard' });
    expect(paid.status).toBe('succeeded');
    const again = await stripeError(stripe.paymentIntents.confirm(created.id, { payment_method: 'pm_card_visa' }));
    expect(again).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400, code: 'payment_intent_unexpected_state' });
    expect(again.message).toContain('has a status of succeeded');
    expect(again.payment_intent).toMatchObject({ id: created.id, status: 'succeeded' });
  });

  it('pm_card_chargeDeclined: 402 card_error card_declined / generic_decline with the charge and PaymentIntent; a new card can still pay', async () => {
    const { stripe } = await startSandbox();
    const intent = await stripe.paymentIntents.create({ amount: 500, currency: 'usd' });
    const error = await cardError(stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclined' }));
    expect(error).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' });
    expect(error.charge).toMatch(/^ch_/);
    expect(error.payment_intent).toMatchObject({ id: intent.id, status: 'requires_payment_method', last_payment_error: { type: 'card_error', code: 'card_declined' } });
    expect(error.raw).toMatchObject({ doc_url: 'https://stripe.com/docs/error-codes/card-declined' });
    const stored = await stripe.paymentIntents.retrieve(intent.id);
    expect(stored).toMatchObject({ status: 'requires_payment_method', payment_method: null, latest_charge: error.charge });
    expect(stored.last_payment_error).toMatchObject({ decline_code: 'generic_decline', payment_method: { type: 'card', card: { last4: '0002' } } });
    expect((await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' })).status).toBe('succeeded');
  });

  it('pm_card_visa_chargeDeclinedInsufficientFunds declines with insufficient_funds, also when created with confirm=true', async () => {
    const { stripe } = await startSandbox();
    const error = await cardError(
      stripe.paymentIntents.create({ amount: 500, currency: 'usd', payment_method: 'pm_card_visa_chargeDeclinedInsufficientFunds', confirm: true }),
    );
    expect(error).toMatchObject({ code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' });
    const id = (error.payment_intent as Stripe.PaymentIntent).id;
    expect((await stripe.paymentIntents.retrieve(id)).status).toBe('requires_payment_method');
  });

  it('replays a decline for the same Idempotency-Key instead of charging again, as Stripe saves a 402', async () => {
    const { stripe, sandbox } = await startSandbox();
    const params = { amount: 500, currency: 'usd', payment_method: 'pm_card_chargeDeclined', confirm: true };
    const first = await cardError(stripe.paymentIntents.create(params, { idempotencyKey: 'checkout-1' }));
    const again = await cardError(stripe.paymentIntents.create(params, { idempotencyKey: 'checkout-1' }));
    expect(again.headers?.['idempotent-replayed']).toBe('true');
    expect(again.charge).toBe(first.charge);
    expect((again.payment_intent as Stripe.PaymentIntent).id).toBe((first.payment_intent as Stripe.PaymentIntent).id);
    expect(sandbox.state().webhooks.events).toBe(2); // one payment_intent.created, one payment_failed
  });

  it('pm_card_authenticationRequired (4000 0025 0000 3155) requires_action; completing the challenge pays, failing it does not', async () => {
    const { stripe, url } = await startSandbox();
    const sdk = await stripe.paymentIntents.create({ amount: 700, currency: 'usd', payment_method: 'pm_card_authenticationRequired', confirm: true });
    expect(sdk.status).toBe('requires_action');
    expect(sdk.next_action).toMatchObject({ type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect' } });
    const redirect = await stripe.paymentIntents.create({
      amount: 700,
      currency: 'usd',
      payment_method: 'pm_card_authenticationRequired',
      confirm: true,
      return_url: 'http://localhost:5173/done',
    });
    expect(redirect.next_action).toMatchObject({ type: 'redirect_to_url', redirect_to_url: { return_url: 'http://localhost:5173/done' } });
    expect(redirect.next_action?.redirect_to_url?.url).toContain(url);

    const authenticate = async (intent: Stripe.PaymentIntent, outcome: string, secret = intent.client_secret) => {
      const res = await fetch(`${url}/sandbox/v1/payment_intents/${intent.id}/authenticate`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ client_secret: secret, outcome }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, any> };
    };
    expect((await authenticate(sdk, 'complete', 'pi_wrong_secret_x')).status).toBe(404);
    expect((await authenticate(sdk, 'complete')).body).toMatchObject({ status: 'succeeded', amount_received: 700, next_action: null });
    expect((await authenticate(sdk, 'complete')).body.error).toMatchObject({ code: 'payment_intent_unexpected_state' });
    const failed = await authenticate(redirect, 'fail');
    expect(failed.body).toMatchObject({ status: 'requires_payment_method', last_payment_error: { code: 'payment_intent_authentication_failure' } });
    expect((await stripe.paymentIntents.retrieve(redirect.id)).status).toBe('requires_payment_method');
  });

  it('a card that declines after authentication (…3178) fails once the challenge is passed', async () => {
    const { stripe, post } = await startSandbox();
    const intent = await stripe.paymentIntents.create({
      amount: 900,
      currency: 'usd',
      payment_method: 'pm_card_authenticationRequiredChargeDeclinedInsufficientFunds',
      confirm: true,
    });
    expect(intent.status).toBe('requires_action');
    const { body } = await post(`/sandbox/v1/payment_intents/${intent.id}/authenticate`, { client_secret: intent.client_secret, outcome: 'complete' });
    expect(body).toMatchObject({ status: 'requires_payment_method', last_payment_error: { type: 'card_error', decline_code: 'insufficient_funds' } });
  });

  it('Stripe.js confirms with the publishable key, the client secret and typed card details (form body, CORS-readable)', async () => {
    const { stripe, url, customer } = await startSandbox();
    const confirm = async (intent: Stripe.PaymentIntent, params: Record<string, string>) => {
      const res = await fetch(`${url}/v1/payment_intents/${intent.id}/confirm`, { method: 'POST', body: new URLSearchParams({ key: 'pk_test_unit', ...params }) });
      return { status: res.status, cors: res.headers.get('access-control-allow-origin'), body: (await res.json()) as Record<string, any> };
    };
    const card = { 'payment_method_data[type]': 'card', 'payment_method_data[card][exp_month]': '12', 'payment_method_data[card][exp_year]': '34', 'payment_method_data[card][cvc]': '123' };
    const intent = await stripe.paymentIntents.create({ amount: 4900, currency: 'usd', customer });

    expect((await confirm(intent, { ...card, 'payment_method_data[card][number]': '4242424242424242' })).body.error).toMatchObject({ param: 'client_secret' });
    const wrong = await confirm(intent, { ...card, 'payment_method_data[card][number]': '4242424242424242', client_secret: `${intent.id}_secret_wrong` });
    expect(wrong.body.error).toMatchObject({ type: 'invalid_request_error', param: 'client_secret', message: expect.stringContaining('does not match') });
    const mistyped = await confirm(intent, { ...card, 'payment_method_data[card][number]': '4242424242424241', client_secret: intent.client_secret! });
    expect(mistyped).toMatchObject({ status: 402, body: { error: { type: 'card_error', code: 'incorrect_number' } } });

    const paid = await confirm(intent, { ...card, 'payment_method_data[card][number]': '4242 4242 4242 4242', client_secret: intent.client_secret!, use_stripe_sdk: 'true' });
    expect(paid).toMatchObject({ status: 200, cors: '*', body: { id: intent.id, status: 'succeeded' } });
    expect((await stripe.paymentMethods.retrieve(paid.body.payment_method as string)).card).toMatchObject({ last4: '4242', exp_month: 12, exp_year: 2034 });

    // A 3DS card with use_stripe_sdk: the challenge is Stripe.js's modal even though return_url is given.
    const sdk = await stripe.paymentIntents.create({ amount: 700, currency: 'usd' });
    const challenged = await confirm(sdk, { ...card, 'payment_method_data[card][number]': '4000002500003155', client_secret: sdk.client_secret!, use_stripe_sdk: 'true', return_url: 'http://localhost:5173/done' });
    expect(challenged.body).toMatchObject({ status: 'requires_action', next_action: { type: 'use_stripe_sdk' } });

    // The publishable key reaches nothing else, and secret-key routes stay unreadable to pages.
    const create = await fetch(`${url}/v1/payment_intents`, { method: 'POST', body: new URLSearchParams({ key: 'pk_test_unit', amount: '100', currency: 'usd' }) });
    expect(create.status).toBe(403);
    expect(create.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await create.json()) as { error: { message: string } }).error.message).toContain('cannot be made with a publishable API key');
    const live = await fetch(`${url}/v1/payment_intents/${sdk.id}/confirm`, { method: 'POST', body: new URLSearchParams({ key: 'pk_live_abcdef123456', client_secret: sdk.client_secret! }) });
    expect(live.status).toBe(401);
  });

  it('serves the hosted challenge of a redirect_to_url next action, and sends the customer back to return_url as Stripe does', async () => {
    const { stripe } = await startSandbox();
    const confirmRedirect = () =>
      stripe.paymentIntents.create({ amount: 700, currency: 'usd', payment_method: 'pm_card_authenticationRequired', confirm: true, return_url: 'http://localhost:5173/done?order=7' });
    const intent = await confirmRedirect();
    const challengeUrl = new URL(intent.next_action!.redirect_to_url!.url!);
    const source = challengeUrl.searchParams.get('source')!;
    expect(source).toMatch(/^src_/);
    expect(challengeUrl.href).not.toContain('secret');

    const page = await fetch(challengeUrl);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('$7.00');
    expect(html).toMatch(/<button name="outcome" value="complete">Complete<\/button><button name="outcome" value="fail">Fail<\/button>/);
    expect(html).not.toContain(intent.client_secret!);
    const wrongSource = new URL(challengeUrl);
    wrongSource.searchParams.set('source', 'src_guess');
    expect((await fetch(wrongSource)).status).toBe(404);

    const answer = (target: Stripe.PaymentIntent, outcome: string, src: string) =>
      fetch(new URL(`/sandbox/v1/three_d_secure/${target.id}`, challengeUrl), {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ source: src, outcome }),
      });
    const completed = await answer(intent, 'complete', source);
    expect(completed.status).toBe(303);
    const back = new URL(completed.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe('http://localhost:5173/done');
    expect(Object.fromEntries(back.searchParams)).toEqual({ order: '7', payment_intent: intent.id, payment_intent_client_secret: intent.client_secret, redirect_status: 'succeeded' });
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
    // The source was for one challenge only.
    expect((await answer(intent, 'complete', source)).status).toBe(404);

    const failing = await confirmRedirect();
    const failed = await answer(failing, 'fail', new URL(failing.next_action!.redirect_to_url!.url!).searchParams.get('source')!);
    expect(new URL(failed.headers.get('location')!).searchParams.get('redirect_status')).toBe('failed');
    expect((await stripe.paymentIntents.retrieve(failing.id)).last_payment_error?.code).toBe('payment_intent_authentication_failure');
  });

  it('the browser route reads a PaymentIntent with its client secret in the body; a wrong secret is a 404', async () => {
    const { stripe, post } = await startSandbox();
    const intent = await stripe.paymentIntents.create({ amount: 700, currency: 'usd' });
    expect((await post(`/sandbox/v1/payment_intents/${intent.id}`, { client_secret: intent.client_secret })).body).toMatchObject({ id: intent.id, status: 'requires_payment_method' });
    expect((await post(`/sandbox/v1/payment_intents/${intent.id}`, { client_secret: 'pi_x_secret_y' })).status).toBe(404);
  });

  it('cancels, and refuses to cancel or confirm a canceled PaymentIntent', async () => {
    const { stripe } = await startSandbox();
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', payment_method: 'pm_card_visa' });
    expect(intent.status).toBe('requires_confirmation');
    const canceled = await stripe.paymentIntents.cancel(intent.id, { cancellation_reason: 'requested_by_customer' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'requested_by_customer' });
    expect(canceled.canceled_at).toEqual(expect.any(Number));
    expect(await stripeError(stripe.paymentIntents.cancel(intent.id))).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
    const confirm = await stripeError(stripe.paymentIntents.confirm(intent.id));
    expect(confirm.message).toContain('has a status of canceled');
  });

  it("answers bad input with Stripe's errors", async () => {
    const { stripe } = await startSandbox();
    const create = (params: Record<string, unknown>) => stripeError(stripe.paymentIntents.create(params as unknown as Stripe.PaymentIntentCreateParams));
    expect(await create({ amount: 100, currency: 'usd', colour: 'red' })).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'colour' });
    expect(await create({ currency: 'usd' })).toMatchObject({ code: 'parameter_missing', param: 'amount' });
    expect(await create({ amount: 10, currency: 'usd' })).toMatchObject({ code: 'amount_too_small', param: 'amount' });
    expect(await create({ amount: 100, currency: 'usd', payment_method_types: ['card'], automatic_payment_methods: { enabled: true } })).toMatchObject({ statusCode: 400 });
    expect(await create({ amount: 100, currency: 'usd', payment_method_types: ['ideal'] })).toMatchObject({ param: 'payment_method_types[0]' });
    expect(await create({ amount: 100, currency: 'usd', customer: 'cus_nope' })).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'customer' });
    expect(await create({ amount: 100, currency: 'usd', payment_method: 'pm_nope' })).toMatchObject({ statusCode: 404, param: 'payment_method' });
    expect(await create({ amount: 100, currency: 'usd', return_url: 'http://localhost/x' })).toMatchObject({ param: 'return_url' });
    expect(await stripeError(stripe.paymentIntents.retrieve('pi_nope'))).toMatchObject({ statusCode: 404, message: "No such payment_intent: 'pi_nope'" });
    const intent = await stripe.paymentIntents.create({ amount: 100, currency: 'usd' });
    expect(await stripeError(stripe.paymentIntents.confirm(intent.id, { off_session: true }))).toMatchObject({ code: 'parameter_unknown', param: 'off_session' });
  });

  it('keeps PaymentIntents on the connected account they were created on', async () => {
    const { stripe, account } = await startSandbox();
    const intent = await stripe.paymentIntents.create({ amount: 100, currency: 'usd' }, { stripeAccount: account });
    expect(await stripe.paymentIntents.retrieve(intent.id, {}, { stripeAccount: account })).toMatchObject({ id: intent.id });
    expect(await stripeError(stripe.paymentIntents.retrieve(intent.id))).toMatchObject({ statusCode: 404 });
    expect((await stripe.paymentIntents.list({}, { stripeAccount: account })).data.map((i) => i.id)).toEqual([intent.id]);
  });
});

describe("sandbox REST: a customer's payment methods", () => {
  it('lists the seeded saved cards on both endpoints, and saves a card paid with setup_future_usage', async () => {
    const { stripe, customer } = await startSandbox();
    const seeded = await stripe.customers.listPaymentMethods(customer);
    expect(seeded).toMatchObject({ object: 'list', url: `/v1/customers/${customer}/payment_methods`, has_more: false });
    expect(seeded.data.map((pm) => pm.card?.last4)).toEqual(['4444', '4242']);
    for (const pm of seeded.data) expectStripeShape(pm, 'payment_method');
    expect((await stripe.paymentMethods.list({ customer })).data).toEqual(seeded.data);

    // A seeded card pays for its customer, and only with its customer named.
    const saved = seeded.data[1]?.id ?? '';
    expect((await stripe.paymentIntents.create({ amount: 800, currency: 'usd', customer, payment_method: saved, confirm: true })).status).toBe('succeeded');
    expect(await stripeError(stripe.paymentIntents.create({ amount: 800, currency: 'usd', payment_method: saved }))).toMatchObject({ statusCode: 400, param: 'payment_method' });

    const paid = await stripe.paymentIntents.create({ amount: 800, currency: 'usd', customer, payment_method: 'pm_card_amex', setup_future_usage: 'off_session', confirm: true });
    const after = await stripe.customers.listPaymentMethods(customer);
    expect(after.data.map((pm) => pm.id)).toEqual([paid.payment_method, ...seeded.data.map((pm) => pm.id)]);
    expect(after.data[0]).toMatchObject({ customer, card: { brand: 'amex', last4: '0005' } });
    expect(await stripeError(stripe.customers.listPaymentMethods('cus_nope'))).toMatchObject({ statusCode: 404 });
  });

  it('attaches and detaches cards, emitting payment_method.attached and .detached', async () => {
    const { stripe, sandbox, customer } = await startSandbox();
    const other = await stripe.customers.create({ name: 'Other' });
    const attached = await stripe.paymentMethods.attach('pm_card_mastercard', { customer });
    expect(attached).toMatchObject({ customer, card: { brand: 'mastercard', last4: '4444' } });
    expect(attached.id).toMatch(/^pm_[A-Za-z0-9]{24}$/);
    expect((await stripe.customers.listPaymentMethods(customer)).data[0]?.id).toBe(attached.id);
    expect(await stripe.paymentMethods.attach(attached.id, { customer })).toMatchObject({ id: attached.id, customer });
    expect(await stripeError(stripe.paymentMethods.attach(attached.id, { customer: other.id }))).toMatchObject({ statusCode: 400, param: 'customer' });

    const detached = await stripe.paymentMethods.detach(attached.id);
    expect(detached.customer).toBeNull();
    expect((await stripe.customers.listPaymentMethods(customer)).data.map((pm) => pm.id)).not.toContain(attached.id);
    expect(await stripeError(stripe.paymentMethods.detach(attached.id))).toMatchObject({ statusCode: 400 });
    expect(await stripeError(stripe.paymentMethods.attach('pm_nope', { customer }))).toMatchObject({ statusCode: 404 });
    const detachEvent = await sandbox.control.waitForEvent('payment_method.detached', { objectId: attached.id });
    expect(detachEvent.data.previous_attributes).toEqual({ customer });
    expect((await stripe.events.list({ type: 'payment_method.attached' })).data).toHaveLength(1);
  });
});
