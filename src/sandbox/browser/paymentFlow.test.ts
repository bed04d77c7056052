// @vitest-environment jsdom
import type { PaymentIntentResult, Stripe as StripeJs, StripeElements, StripeError } from '@stripe/stripe-js';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { createSandbox, type Sandbox } from '../engine/createSandbox.js';
import { ElementsGroup } from './ElementsGroup.js';
import { IntegrationError, PaymentFlow } from './paymentFlow.js';
import type { ChallengeOutcome } from './threeDSecureChallenge.js';

// The real sandbox handler answers the stand-in's fetches (REST confirm and browser routes alike).
let sandbox: Sandbox;
let navigate: ReturnType<typeof vi.fn<(url: string) => void>>;
let challengeAnswer: ChallengeOutcome;
let challenges: number;
const now = () => new Date('2026-06-01T12:00:00Z');

async function rest<T>(path: string, params: Record<string, string>): Promise<T> {
  const response = await sandbox.fetch(
    new Request(`http://localhost${path}`, {
      method: 'POST',
      headers: { Authorization: 'Bearer sk_test_unit', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params),
    }),
  );
  return (await response.json()) as T;
}

const createIntent = () => rest<{ id: string; client_secret: string }>('/v1/payment_intents', { amount: '4900', currency: 'usd' });

function flow(): PaymentFlow {
  return new PaymentFlow({
    publishableKey: 'pk_test_unit',
    challenge: () => {
      challenges++;
      return Promise.resolve(challengeAnswer);
    },
    navigate,
    now,
  });
}

/** A deferred-intent Payment Element (no saved cards) with a card typed into its fields. */
async function typedCard(number: string, expiry = '12 / 34', cvc = '123') {
  const elements = new ElementsGroup({ mode: 'payment', amount: 4900, currency: 'usd' }, 'pk_test_sandbox');
  const element = elements.create('payment');
  element.mount(document.body);
  await vi.waitFor(() => expect(element['host']?.shadowRoot?.querySelector('input')).toBeTruthy());
  const shadow = element['host']!.shadowRoot!;
  const fill = (label: string, value: string) => {
    const input = [...shadow.querySelectorAll('label')].find((l) => l.textContent?.startsWith(label))!.querySelector('input')!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  fill('Card number', number);
  fill('Expiration date', expiry);
  fill('Security code', cvc);
  return { elements, shadow };
}

async function pay(number: string, redirect: 'if_required' | 'always' = 'if_required') {
  const { elements } = await typedCard(number);
  expect(await elements.submit()).toEqual({ selectedPaymentMethod: 'card' });
  const intent = await createIntent();
  const result: PaymentIntentResult = await flow().confirmPayment({ elements, clientSecret: intent.client_secret, redirect, confirmParams: { return_url: 'https://shop.test/done?order=7' } });
  return { result, intent };
}

beforeEach(() => {
  sandbox = createSandbox();
  window.__EMBEDKIT_SANDBOX__ = { apiBase: 'http://localhost' };
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => sandbox.fetch(new Request(input, init)));
  navigate = vi.fn<(url: string) => void>();
  challengeAnswer = 'complete';
  challenges = 0;
});

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('Stripe.js stand-in: answer shapes', () => {
  it('has the @stripe/stripe-js signatures for confirmPayment, handleNextAction and elements.submit', () => {
    expectTypeOf<Awaited<ReturnType<PaymentFlow['confirmPayment']>>>().toEqualTypeOf<PaymentIntentResult>();
    expectTypeOf<Awaited<ReturnType<PaymentFlow['handleNextAction']>>>().toExtend<Awaited<ReturnType<StripeJs['handleNextAction']>>>();
    expectTypeOf<Awaited<ReturnType<ElementsGroup['submit']>>>().toEqualTypeOf<Awaited<ReturnType<StripeElements['submit']>>>();
  });

  it('elements.submit() resolves a validation_error for an incomplete or invalid card, shown at the field', async () => {
    const incomplete = await typedCard('4242 4242');
    expect(await incomplete.elements.submit()).toEqual({ error: { type: 'validation_error', code: 'incomplete_number', message: 'Your card number is incomplete.' } });
    expect(incomplete.shadow.querySelector('[role="alert"]')?.textContent).toBe('Your card number is incomplete.');
    expect(incomplete.shadow.querySelector('[aria-invalid="true"]')?.getAttribute('name')).toMatch(/number$/);
    document.body.replaceChildren();
    const luhn = await typedCard('4242 4242 4242 4241');
    expect((await luhn.elements.submit()) as { error: StripeError }).toMatchObject({ error: { type: 'validation_error', code: 'invalid_number' } });
    document.body.replaceChildren();
    const past = await typedCard('4242 4242 4242 4242', '01 / 25');
    expect((await past.elements.submit()) as { error: StripeError }).toMatchObject({ error: { code: 'invalid_expiry_year_past' } });
  });

  it('4242 resolves { paymentIntent } succeeded; the sandbox holds the payment and its event', async () => {
    const { result, intent } = await pay('4242 4242 4242 4242');
    expect(result.error).toBeUndefined();
    expect(result.paymentIntent).toMatchObject({ id: intent.id, object: 'payment_intent', status: 'succeeded', amount: 4900, currency: 'usd' });
    expect(navigate).not.toHaveBeenCalled();
    const state = sandbox.state();
    expect(state.requests['POST /v1/payment_intents/:id/confirm']).toBe(1);
    expect(state.webhooks.events).toBeGreaterThanOrEqual(2);
  });

  it('4000 0000 0000 0002 resolves a card_error with code, decline_code, message and the PaymentIntent', async () => {
    const { result, intent } = await pay('4000000000000002');
    expect(result.paymentIntent).toBeUndefined();
    expect(result.error).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'generic_decline',
      message: 'Your card was declined.',
      payment_intent: { id: intent.id, status: 'requires_payment_method' },
    });
  });

  it('4000 0000 0000 9995 is insufficient_funds; a non-test number is test_mode_live_card', async () => {
    expect((await pay('4000 0000 0000 9995')).result.error).toMatchObject({ type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' });
    document.body.replaceChildren();
    expect((await pay('4111 1111 1111 1111')).result.error).toMatchObject({ type: 'card_error', decline_code: 'test_mode_live_card' });
  });

  it('3155 opens the challenge: complete succeeds, fail resolves payment_intent_authentication_failure', async () => {
    const passed = await pay('4000 0025 0000 3155');
    expect(challenges).toBe(1);
    expect(passed.result.paymentIntent).toMatchObject({ status: 'succeeded' });
    document.body.replaceChildren();
    challengeAnswer = 'fail';
    const failed = await pay('4000 0025 0000 3155');
    expect(failed.result.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'payment_intent_authentication_failure',
      payment_intent: { id: failed.intent.id, status: 'requires_payment_method' },
    });
  });

  it("redirect: 'always' leaves for return_url with Stripe's query parameters", async () => {
    const { elements } = await typedCard('4242424242424242');
    await elements.submit();
    const intent = await createIntent();
    void flow().confirmPayment({ elements, clientSecret: intent.client_secret, confirmParams: { return_url: 'https://shop.test/done?order=7' } });
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledOnce());
    const url = new URL(navigate.mock.calls[0]![0]);
    expect(`${url.origin}${url.pathname}`).toBe('https://shop.test/done');
    expect(Object.fromEntries(url.searchParams)).toEqual({ order: '7', payment_intent: intent.id, payment_intent_client_secret: intent.client_secret, redirect_status: 'succeeded' });
  });

  it('handleNextAction runs the challenge of a PaymentIntent confirmed on the server', async () => {
    const intent = await rest<{ id: string; client_secret: string; status: string }>('/v1/payment_intents', {
      amount: '900',
      currency: 'usd',
      payment_method: 'pm_card_authenticationRequired',
      confirm: 'true',
    });
    expect(intent.status).toBe('requires_action');
    const result = await flow().handleNextAction({ clientSecret: intent.client_secret });
    expect(result).toMatchObject({ paymentIntent: { id: intent.id, status: 'succeeded' } });
    await expect(flow().handleNextAction({ clientSecret: intent.client_secret })).rejects.toThrow(/status of succeeded/);
  });

  it('throws IntegrationErrors as Stripe.js does, never repeating the secret', async () => {
    const { elements } = await typedCard('4242424242424242');
    const intent = await createIntent();
    await expect(flow().confirmPayment({ elements, clientSecret: intent.client_secret, redirect: 'if_required' })).rejects.toThrow(/elements.submit\(\) must be called/);
    await elements.submit();
    await expect(flow().confirmPayment({ elements, clientSecret: intent.client_secret })).rejects.toThrow(/return_url/);
    const bad = flow().confirmPayment({ elements, clientSecret: 'pi_123_secret', redirect: 'if_required' });
    await expect(bad).rejects.toBeInstanceOf(IntegrationError);
    await expect(bad).rejects.not.toThrow(/pi_123_secret/);
  });
});
