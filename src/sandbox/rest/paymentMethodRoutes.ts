import type Stripe from 'stripe';
import { checkExpand, EXPAND, PAGINATION } from './commonParams.js';
import { findCustomer } from './customerRoutes.js';
import type { SandboxCard } from '../protocol.js';
import { randomId } from '../engine/randomId.js';
import { readParams } from './readParams.js';
import type { Route } from '../engine/Route.js';
import { SandboxApiError } from '../engine/SandboxApiError.js';
import type { SandboxStore } from '../engine/SandboxStore.js';
import type { EventOrigin } from '../webhooks/WebhookHub.js';
import { buildList } from './stripeObjects.js';
import { buildPaymentMethod } from './paymentObjects.js';
import type { StoredPaymentMethod } from './paymentRecords.js';
import { testCardByToken, type CardOutcome } from './testCards.js';

const LIST_FOR_CUSTOMER = {
  ...PAGINATION,
  type: { type: 'string' },
  allow_redisplay: { type: 'string', enum: ['always', 'limited', 'unspecified'] },
} as const;

const LIST = { ...LIST_FOR_CUSTOMER, customer: { type: 'string' } } as const;

const ATTACH = { customer: { type: 'string', required: true }, ...EXPAND } as const;

const noSuchPaymentMethod = (id: string, param?: string) => SandboxApiError.noSuch('PaymentMethod', id, param);

/** Saves the card on the customer: both lists and the saved-cards stand-in show it; `payment_method.attached` is emitted. */
export function attachPaymentMethod(store: SandboxStore, method: StoredPaymentMethod, customer: string, origin: EventOrigin): void {
  method.pm.customer = customer;
  const { card } = method.pm;
  if (card) {
    const saved: SandboxCard = { id: method.pm.id, brand: card.brand, last4: card.last4, exp_month: card.exp_month, exp_year: card.exp_year };
    store.cards.set(customer, [...(store.cards.get(customer) ?? []), saved]);
  }
  store.webhooks.emit('payment_method.attached', method.pm, origin);
}

function findPaymentMethod(store: SandboxStore, id: string, context: string | null): StoredPaymentMethod {
  const stored = store.paymentMethods.get(id);
  if (!stored || stored.context !== context) throw noSuchPaymentMethod(id);
  return stored;
}

export interface CardDetails {
  number: string;
  brand: string;
  expMonth: number;
  expYear: number;
  outcome: CardOutcome;
}

/** A new, unattached card PaymentMethod (a test token, or card details typed in the Payment Element). */
export function newCardPaymentMethod(store: SandboxStore, card: CardDetails, context: string | null): StoredPaymentMethod {
  const pmId = randomId('pm_', 24);
  const pm = buildPaymentMethod({
    id: pmId,
    created: store.now(),
    customer: null,
    card: { id: pmId, brand: card.brand, last4: card.number.slice(-4), exp_month: card.expMonth, exp_year: card.expYear },
    // One fingerprint per card number, as Stripe gives the same card the same fingerprint.
    fingerprint: Buffer.from(card.number).toString('base64url').slice(0, 16),
  });
  const stored = { pm, outcome: card.outcome, context };
  store.addPaymentMethod(stored);
  return stored;
}

/**
 * The PaymentMethod a payment uses. Stripe's test tokens (`pm_card_visa`, …) make a new
 * PaymentMethod each time, as at Stripe; any other id must exist where the request is made.
 */
export function usePaymentMethod(store: SandboxStore, id: string, context: string | null, customer: string | null): StoredPaymentMethod {
  const card = testCardByToken(id);
  if (card) {
    const expYear = new Date(store.now() * 1000).getUTCFullYear() + 3;
    return newCardPaymentMethod(store, { number: card.number, brand: card.brand, expMonth: 12, expYear, outcome: card.outcome }, context);
  }
  const stored = store.paymentMethods.get(id);
  if (!stored || stored.context !== context) throw noSuchPaymentMethod(id, 'payment_method');
  if (stored.pm.customer !== null && stored.pm.customer !== customer) {
    throw SandboxApiError.invalid(
      `The PaymentMethod ${id} is attached to customer ${String(stored.pm.customer)}; create the PaymentIntent with customer=${String(stored.pm.customer)} to use it.`,
      'payment_method',
    );
  }
  return stored;
}

function listFor(store: SandboxStore, context: string | null, params: { customer?: string; type?: string }): Stripe.PaymentMethod[] {
  const out: Stripe.PaymentMethod[] = [];
  for (const { pm, context: owner } of store.paymentMethods.values()) {
    if (owner !== context || (params.customer !== undefined && pm.customer !== params.customer)) continue;
    if (params.type === undefined || pm.type === params.type) out.push(pm);
  }
  return out.reverse();
}

/** `GET /v1/customers/:id/payment_methods`, `GET /v1/payment_methods`, `GET /v1/payment_methods/:id`. */
export const paymentMethodRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/customers/:id/payment_methods',
    handle({ store, form, path, stripeAccount }) {
      const params = readParams(form, LIST_FOR_CUSTOMER);
      checkExpand(params.expand, []);
      const customer = findCustomer(store, path.id ?? '', stripeAccount);
      const url = `/v1/customers/${customer.id}/payment_methods`;
      return buildList(listFor(store, stripeAccount, { ...params, customer: customer.id }), url, params, noSuchPaymentMethod);
    },
  },
  {
    method: 'GET',
    path: '/v1/payment_methods',
    handle({ store, form, stripeAccount }) {
      const params = readParams(form, LIST);
      checkExpand(params.expand, []);
      if (params.customer !== undefined) findCustomer(store, params.customer, stripeAccount, 'customer');
      return buildList(listFor(store, stripeAccount, params), '/v1/payment_methods', params, noSuchPaymentMethod);
    },
  },
  {
    method: 'GET',
    path: '/v1/payment_methods/:id',
    handle({ store, form, path, stripeAccount }) {
      checkExpand(readParams(form, EXPAND).expand, []);
      return findPaymentMethod(store, path.id ?? '', stripeAccount).pm;
    },
  },
  {
    method: 'POST',
    path: '/v1/payment_methods/:id/attach',
    handle({ store, form, path, stripeAccount, requestId, idempotencyKey }) {
      const params = readParams(form, ATTACH);
      checkExpand(params.expand, []);
      const customer = findCustomer(store, params.customer, stripeAccount, 'customer');
      // A test token (`pm_card_visa`) attaches a new PaymentMethod, as at Stripe.
      const method = testCardByToken(path.id ?? '') ? usePaymentMethod(store, path.id ?? '', stripeAccount, null) : findPaymentMethod(store, path.id ?? '', stripeAccount);
      if (method.pm.customer === customer.id) return method.pm;
      if (method.pm.customer !== null) {
        throw SandboxApiError.invalid(`The payment method you provided has already been attached to a customer (${String(method.pm.customer)}). Detach it first.`, 'customer');
      }
      attachPaymentMethod(store, method, customer.id, { account: stripeAccount, requestId, idempotencyKey });
      return method.pm;
    },
  },
  {
    method: 'POST',
    path: '/v1/payment_methods/:id/detach',
    handle({ store, form, path, stripeAccount, requestId, idempotencyKey }) {
      checkExpand(readParams(form, EXPAND).expand, []);
      const method = findPaymentMethod(store, path.id ?? '', stripeAccount);
      const customer = method.pm.customer;
      if (typeof customer !== 'string') {
        throw SandboxApiError.invalid(`The payment method ${method.pm.id} is not attached to a customer so detachment is impossible.`);
      }
      method.pm.customer = null;
      store.cards.set(customer, (store.cards.get(customer) ?? []).filter((card) => card.id !== method.pm.id));
      store.webhooks.emit('payment_method.detached', method.pm, { account: stripeAccount, requestId, idempotencyKey, previousAttributes: { customer } });
      return method.pm;
    },
  },
];
