import type Stripe from 'stripe';
import { checkExpand, EXPAND, METADATA, PAGINATION } from './commonParams.js';
import { findCustomer } from './customerRoutes.js';
import { BROWSER_ROUTES } from '../protocol.js';
import { randomId } from '../engine/randomId.js';
import { inRange, readParams } from './readParams.js';
import type { Route, RouteContext } from '../engine/Route.js';
import { SandboxApiError } from '../engine/SandboxApiError.js';
import { buildList } from './stripeObjects.js';
import { cancelPaymentIntent, completeAuthentication, confirmPaymentIntent } from './paymentFlow.js';
import { newCardPaymentMethod, usePaymentMethod, type CardDetails } from './paymentMethodRoutes.js';
import { cardBrand, luhnValid, NON_TEST_CARD, testCardByNumber } from './testCards.js';
import { buildPaymentIntent } from './paymentObjects.js';
import { afterChallenge, challengePage } from './threeDSecurePage.js';
import type { StoredPaymentIntent } from './paymentRecords.js';

const SETUP_FUTURE_USAGE = { type: 'string', enum: ['off_session', 'on_session'] } as const;

const CREATE_PAYMENT_INTENT = {
  amount: { type: 'integer', required: true, min: 1, max: 99_999_999 },
  currency: { type: 'string', required: true },
  customer: { type: 'string' },
  description: { type: 'string' },
  receipt_email: { type: 'string' },
  payment_method: { type: 'string' },
  // `payment_method_types` before API version 2026; `allowed_payment_method_types` in the SDK's own version.
  payment_method_types: { type: 'array', items: { type: 'string' } },
  allowed_payment_method_types: { type: 'array', items: { type: 'string' } },
  automatic_payment_methods: {
    type: 'object',
    fields: { enabled: { type: 'boolean', required: true }, allow_redirects: { type: 'string', enum: ['always', 'never'] } },
  },
  confirm: { type: 'boolean' },
  setup_future_usage: SETUP_FUTURE_USAGE,
  return_url: { type: 'string' },
  ...METADATA,
  ...EXPAND,
} as const;

const CONFIRM_PAYMENT_INTENT = {
  payment_method: { type: 'string' },
  // Stripe.js: the card typed in the Payment Element, the PaymentIntent's client secret, and
  // `use_stripe_sdk` (next actions are handled in the page).
  payment_method_data: {
    type: 'object',
    fields: {
      type: { type: 'string', required: true, enum: ['card'] },
      card: {
        type: 'object',
        required: true,
        fields: { number: { type: 'string', required: true }, exp_month: { type: 'integer', required: true }, exp_year: { type: 'integer', required: true }, cvc: { type: 'string' } },
      },
    },
  },
  client_secret: { type: 'string' },
  use_stripe_sdk: { type: 'boolean' },
  return_url: { type: 'string' },
  setup_future_usage: SETUP_FUTURE_USAGE,
  ...EXPAND,
} as const;

const CANCEL_PAYMENT_INTENT = {
  cancellation_reason: { type: 'string', enum: ['abandoned', 'duplicate', 'fraudulent', 'requested_by_customer'] },
  ...EXPAND,
} as const;

const LIST_PAYMENT_INTENTS = { ...PAGINATION, customer: { type: 'string' }, created: { type: 'range' } } as const;

/** Stripe's minimum charge is about 50 cents; the sandbox checks the currencies whose minimum is exactly 50 units. */
const MINIMUM_50 = new Set(['usd', 'eur', 'cad', 'aud', 'nzd', 'chf', 'sgd']);

const cardError = (code: string, message: string, param: string) => new SandboxApiError(402, { type: 'card_error', code, message, param });

/** Card details typed in the Payment Element, checked as Stripe checks them; any well-formed number that is not a test card declines. */
function typedCard(ctx: RouteContext, card: { number: string; exp_month: number; exp_year: number; cvc?: string }): CardDetails {
  const param = 'payment_method_data[card]';
  const number = card.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(number) || !luhnValid(number)) throw cardError('incorrect_number', 'Your card number is incorrect.', `${param}[number]`);
  if (card.exp_month < 1 || card.exp_month > 12) throw cardError('invalid_expiry_month', "Your card's expiration month is invalid.", `${param}[exp_month]`);
  const expYear = card.exp_year < 100 ? 2000 + card.exp_year : card.exp_year;
  const today = new Date(ctx.store.now() * 1000);
  const expired = expYear < today.getUTCFullYear() || (expYear === today.getUTCFullYear() && card.exp_month < today.getUTCMonth() + 1);
  if (expired || expYear > today.getUTCFullYear() + 50) throw cardError('invalid_expiry_year', "Your card's expiration year is invalid.", `${param}[exp_year]`);
  if (card.cvc !== undefined && !/^\d{3,4}$/.test(card.cvc)) throw cardError('invalid_cvc', "Your card's security code is invalid.", `${param}[cvc]`);
  const test = testCardByNumber(number);
  return { number, brand: test?.brand ?? cardBrand(number), expMonth: card.exp_month, expYear, outcome: test?.outcome ?? NON_TEST_CARD };
}

/**
 * A publishable key reaches a PaymentIntent only with its client secret, as at Stripe; a secret
 * key may pass one too, and then it must match.
 */
function checkClientSecret(ctx: RouteContext, intent: Stripe.PaymentIntent, given: string | undefined): void {
  if (given === undefined) {
    if (!ctx.publishableKey) return;
    throw SandboxApiError.invalid(
      'A publishable key can confirm a PaymentIntent only with its client_secret. Pass client_secret (Stripe.js does), or confirm from your server with the secret key.',
      'client_secret',
    );
  }
  if (given !== intent.client_secret) {
    throw SandboxApiError.invalid('The client_secret provided does not match the client_secret associated with the PaymentIntent.', 'client_secret');
  }
}

function findPaymentIntent(ctx: RouteContext): StoredPaymentIntent {
  const id = ctx.path.id ?? '';
  const stored = ctx.store.paymentIntents.get(id);
  if (!stored || stored.context !== ctx.stripeAccount) throw SandboxApiError.noSuch('payment_intent', id);
  return stored;
}

const origin = (ctx: RouteContext) => ({ account: ctx.stripeAccount, requestId: ctx.requestId, idempotencyKey: ctx.idempotencyKey });
const baseUrl = (ctx: RouteContext) => new URL(ctx.request.url).origin;

function paymentMethodTypes(params: { payment_method_types?: string[]; allowed_payment_method_types?: string[]; automatic_payment_methods?: { enabled: boolean } }): {
  automatic: Stripe.PaymentIntent.AutomaticPaymentMethods | null;
  allowed: string[] | null;
  types: string[];
} {
  const given = (['automatic_payment_methods', 'payment_method_types', 'allowed_payment_method_types'] as const).filter((name) => params[name] !== undefined);
  if (given.length > 1) throw SandboxApiError.invalid(`You may only specify one of these parameters: ${given.join(', ')}.`, given[1]);
  const listed = given[0] === 'payment_method_types' || given[0] === 'allowed_payment_method_types' ? given[0] : undefined;
  if (listed) {
    (params[listed] ?? []).forEach((type, i) => {
      if (type !== 'card') {
        throw SandboxApiError.invalid(
          `The embedkit sandbox simulates card payments only; ${listed}[${i}]=${JSON.stringify(type.slice(0, 40))} is not simulated. Use card.`,
          `${listed}[${i}]`,
        );
      }
    });
    return { automatic: null, allowed: listed === 'allowed_payment_method_types' ? ['card'] : null, types: ['card'] };
  }
  // Since API version 2023-08-16, automatic payment methods are on unless asked otherwise.
  const automatic = params.automatic_payment_methods ?? { enabled: true };
  return { automatic: automatic.enabled ? { allow_redirects: 'always', ...automatic, enabled: true } : null, allowed: null, types: ['card'] };
}

/** `/v1/payment_intents`: create (optionally confirming), list, retrieve, confirm, cancel. */
export const paymentIntentRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/payment_intents',
    handle(ctx) {
      const { store, form, stripeAccount } = ctx;
      const params = readParams(form, CREATE_PAYMENT_INTENT);
      checkExpand(params.expand, []);
      const currency = params.currency.toLowerCase();
      if (!/^[a-z]{3}$/.test(currency)) throw SandboxApiError.invalid(`Invalid currency: ${params.currency.slice(0, 20)}. Use a lowercase ISO 4217 code such as usd.`, 'currency');
      if (MINIMUM_50.has(currency) && params.amount < 50) {
        throw SandboxApiError.invalid(`Amount must be at least 50 (0.50 ${currency}), in the currency's smallest unit.`, 'amount', 'amount_too_small');
      }
      if (params.customer !== undefined) findCustomer(store, params.customer, stripeAccount, 'customer');
      if (params.return_url !== undefined && !params.confirm) {
        throw SandboxApiError.invalid('return_url can only be passed when confirm=true. Pass it to confirm instead.', 'return_url');
      }
      const { automatic, allowed, types } = paymentMethodTypes(params);
      const id = randomId('pi_', 24);
      const intent = buildPaymentIntent({
        id,
        secret: `${id}_secret_${randomId('', 25)}`,
        created: store.now(),
        amount: params.amount,
        currency,
        customer: params.customer ?? null,
        description: params.description ?? null,
        receiptEmail: params.receipt_email ?? null,
        metadata: params.metadata ?? {},
        automaticPaymentMethods: automatic,
        paymentMethodTypes: types,
        allowedPaymentMethodTypes: allowed,
        setupFutureUsage: params.setup_future_usage ?? null,
      });
      const stored: StoredPaymentIntent = { intent, context: stripeAccount, afterAuthentication: null, challenge: null };
      if (params.payment_method !== undefined) {
        // Checked now, so a bad id fails the create instead of leaving a half-made PaymentIntent.
        intent.payment_method = usePaymentMethod(store, params.payment_method, stripeAccount, intent.customer as string | null).pm.id;
        intent.status = 'requires_confirmation';
      }
      store.addPaymentIntent(stored);
      store.webhooks.emit('payment_intent.created', intent, origin(ctx));
      if (!params.confirm) return intent;
      return confirmPaymentIntent(store, stored, { ...(params.return_url && { returnUrl: params.return_url }), origin: baseUrl(ctx) }, origin(ctx));
    },
  },
  {
    method: 'GET',
    path: '/v1/payment_intents',
    handle({ store, form, stripeAccount }) {
      const params = readParams(form, LIST_PAYMENT_INTENTS);
      checkExpand(params.expand, []);
      const intents: Stripe.PaymentIntent[] = [];
      for (const { intent, context } of store.paymentIntents.values()) {
        if (context === stripeAccount && (params.customer === undefined || intent.customer === params.customer) && inRange(intent.created, params.created)) intents.push(intent);
      }
      return buildList(intents.reverse(), '/v1/payment_intents', params, (param, id) => SandboxApiError.noSuch('payment_intent', id, param));
    },
  },
  {
    method: 'GET',
    path: '/v1/payment_intents/:id',
    handle(ctx) {
      checkExpand(readParams(ctx.form, EXPAND).expand, []);
      return findPaymentIntent(ctx).intent;
    },
  },
  {
    method: 'POST',
    path: '/v1/payment_intents/:id/confirm',
    publishable: true,
    handle(ctx) {
      const stored = findPaymentIntent(ctx);
      const params = readParams(ctx.form, CONFIRM_PAYMENT_INTENT);
      checkExpand(params.expand, []);
      checkClientSecret(ctx, stored.intent, params.client_secret);
      if (params.payment_method !== undefined && params.payment_method_data !== undefined) {
        throw SandboxApiError.invalid('Pass either payment_method (an existing PaymentMethod) or payment_method_data (new card details), not both.', 'payment_method_data');
      }
      let paymentMethod = params.payment_method;
      if (params.payment_method_data) {
        paymentMethod = newCardPaymentMethod(ctx.store, typedCard(ctx, params.payment_method_data.card), stored.context).pm.id;
      }
      return confirmPaymentIntent(
        ctx.store,
        stored,
        {
          ...(paymentMethod !== undefined && { paymentMethod }),
          ...(params.use_stripe_sdk !== undefined && { useStripeSdk: params.use_stripe_sdk }),
          ...(params.return_url !== undefined && { returnUrl: params.return_url }),
          ...(params.setup_future_usage !== undefined && { setupFutureUsage: params.setup_future_usage }),
          origin: baseUrl(ctx),
        },
        origin(ctx),
      );
    },
  },
  {
    method: 'POST',
    path: '/v1/payment_intents/:id/cancel',
    handle(ctx) {
      const stored = findPaymentIntent(ctx);
      const params = readParams(ctx.form, CANCEL_PAYMENT_INTENT);
      checkExpand(params.expand, []);
      return cancelPaymentIntent(ctx.store, stored, params.cancellation_reason, origin(ctx));
    },
  },
];

/** The PaymentIntent a browser route names, if the body carries its client secret; the same 404 for an unknown id and a wrong secret, so ids are not revealed. */
function intentForClient(ctx: RouteContext): StoredPaymentIntent {
  const { store, json, path } = ctx;
  const stored = store.paymentIntents.get(path.id ?? '');
  if (!stored || typeof json.client_secret !== 'string' || json.client_secret !== stored.intent.client_secret) {
    throw SandboxApiError.noSuch('payment_intent', path.id ?? '');
  }
  return stored;
}

/** The PaymentIntent whose challenge is open under this one-time `source`; any other is a 404. */
function challengeFor(ctx: RouteContext, source: unknown): StoredPaymentIntent {
  const stored = ctx.store.paymentIntents.get(ctx.path.id ?? '');
  if (!stored?.challenge || typeof source !== 'string' || source !== stored.challenge.source) throw SandboxApiError.noSuch('payment_intent', ctx.path.id ?? '');
  return stored;
}

function readOutcome(ctx: RouteContext): 'complete' | 'fail' {
  const { outcome } = ctx.json;
  if (outcome !== 'complete' && outcome !== 'fail') {
    throw SandboxApiError.invalid('"outcome" must be complete (the customer passed the challenge) or fail.', 'outcome');
  }
  return outcome;
}

/** The browser stand-in's PaymentIntent routes (a REST-only test may call them too). The client secret travels in the body, never the URL. */
export const paymentBrowserRoutes: Route[] = [
  { method: 'POST', path: BROWSER_ROUTES.paymentIntent, handle: (ctx) => intentForClient(ctx).intent },
  {
    method: 'GET',
    path: BROWSER_ROUTES.threeDSecure,
    handle(ctx) {
      const source = new URL(ctx.request.url).searchParams.get('source');
      const stored = challengeFor(ctx, source);
      return challengePage(stored.intent, source as string);
    },
  },
  {
    method: 'POST',
    path: BROWSER_ROUTES.threeDSecure,
    handle(ctx) {
      const stored = challengeFor(ctx, ctx.json.source);
      const returnUrl = stored.challenge?.returnUrl ?? null;
      const intent = completeAuthentication(ctx.store, stored, readOutcome(ctx) === 'complete', baseUrl(ctx));
      return afterChallenge(intent, returnUrl);
    },
  },
  {
    method: 'POST',
    path: BROWSER_ROUTES.authenticatePayment,
    handle(ctx) {
      const stored = intentForClient(ctx);
      return completeAuthentication(ctx.store, stored, readOutcome(ctx) === 'complete', baseUrl(ctx));
    },
  },
];
