import type Stripe from 'stripe';
import { BROWSER_ROUTES } from '../protocol.js';
import { randomId } from '../engine/randomId.js';
import { SandboxApiError } from '../engine/SandboxApiError.js';
import type { SandboxStore } from '../engine/SandboxStore.js';
import type { EventOrigin } from '../webhooks/WebhookHub.js';
import type { StoredPaymentIntent, StoredPaymentMethod } from './paymentRecords.js';
import { attachPaymentMethod, usePaymentMethod } from './paymentMethodRoutes.js';
import type { CardOutcome } from './testCards.js';

// The PaymentIntent state machine: confirm, authenticate, cancel. Each transition emits the event
// Stripe emits for it, and refuses a PaymentIntent in the wrong state with Stripe's error.

const CONFIRMABLE: readonly Stripe.PaymentIntent.Status[] = ['requires_confirmation', 'requires_payment_method', 'requires_action'];
const CANCELABLE: readonly Stripe.PaymentIntent.Status[] = ['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action', 'processing'];

/** Stripe's 400 `payment_intent_unexpected_state`, carrying the PaymentIntent as it is. */
function unexpectedState(intent: Stripe.PaymentIntent, message: string): SandboxApiError {
  return new SandboxApiError(400, {
    type: 'invalid_request_error',
    code: 'payment_intent_unexpected_state',
    message,
    payment_intent: structuredClone(intent),
  });
}

function wrongStatus(intent: Stripe.PaymentIntent, action: 'confirm' | 'cancel', allowed: readonly string[]): SandboxApiError {
  const done = action === 'confirm' ? 'confirmed' : 'canceled';
  return unexpectedState(
    intent,
    `You cannot ${action} this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be ${done}: ${allowed.join(', ')}.`,
  );
}

export interface ConfirmInput {
  paymentMethod?: string;
  returnUrl?: string;
  setupFutureUsage?: Stripe.PaymentIntent.SetupFutureUsage;
  /** Stripe.js confirms with `use_stripe_sdk`: the challenge is its modal, even when a `return_url` is given. */
  useStripeSdk?: boolean;
  /** Base URL of the sandbox, for the `next_action` of an authentication card. */
  origin: string;
}

/** Applies a card's outcome to a PaymentIntent being confirmed (or just authenticated). */
function settle(store: SandboxStore, stored: StoredPaymentIntent, method: StoredPaymentMethod, outcome: CardOutcome, input: ConfirmInput, origin: EventOrigin): void {
  const { intent } = stored;
  const emit = (type: 'payment_intent.succeeded' | 'payment_intent.payment_failed' | 'payment_intent.requires_action') =>
    store.webhooks.emit(type, intent, { ...origin, account: stored.context });
  stored.afterAuthentication = null;
  stored.challenge = null;
  intent.next_action = null;
  if (outcome.kind === 'authenticate') {
    stored.afterAuthentication = outcome.then;
    stored.challenge = { source: randomId('src_', 24), returnUrl: input.returnUrl ?? null };
    intent.status = 'requires_action';
    const challenge = `${input.origin}${BROWSER_ROUTES.threeDSecure.replace(':id', intent.id)}?source=${stored.challenge.source}`;
    intent.next_action = input.returnUrl && !input.useStripeSdk
      ? { type: 'redirect_to_url', redirect_to_url: { url: challenge, return_url: input.returnUrl } }
      : { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect', stripe_js: challenge, source: stored.challenge.source } };
    emit('payment_intent.requires_action');
    return;
  }
  const charge = randomId('ch_', 24);
  intent.latest_charge = charge;
  if (outcome.kind === 'succeed') {
    intent.status = 'succeeded';
    intent.amount_received = intent.amount;
    intent.last_payment_error = null;
    // Saves the card on the customer, as a successful payment with `setup_future_usage` does.
    if (intent.setup_future_usage && typeof intent.customer === 'string' && method.pm.customer !== intent.customer) {
      attachPaymentMethod(store, method, intent.customer, { ...origin, account: stored.context });
    }
    emit('payment_intent.succeeded');
    return;
  }
  // A decline hands the PaymentIntent back for another payment method, as at Stripe.
  intent.status = 'requires_payment_method';
  intent.payment_method = null;
  intent.last_payment_error = {
    type: 'card_error',
    charge,
    code: outcome.code,
    decline_code: outcome.declineCode,
    doc_url: `https://stripe.com/docs/error-codes/${outcome.code.replace(/_/g, '-')}`,
    message: outcome.message,
    ...(outcome.param && { param: outcome.param }),
    payment_method: structuredClone(method.pm),
  };
  emit('payment_intent.payment_failed');
}

/** The 402 `card_error` the confirming request answers after a decline. */
function declineError(intent: Stripe.PaymentIntent): SandboxApiError | null {
  const failure = intent.last_payment_error;
  if (intent.status !== 'requires_payment_method' || failure?.type !== 'card_error' || !failure.code) return null;
  return new SandboxApiError(402, {
    type: 'card_error',
    code: failure.code,
    message: failure.message ?? 'Your card was declined.',
    ...(failure.param && { param: failure.param }),
    ...(failure.decline_code && { decline_code: failure.decline_code }),
    ...(failure.charge && { charge: failure.charge }),
    payment_intent: structuredClone(intent),
    payment_method: structuredClone(failure.payment_method),
  });
}

/**
 * `confirm`: the PaymentMethod's test card decides (succeed, decline with a 402, or
 * `requires_action`). A decline is stored on the PaymentIntent before the error is thrown.
 */
export function confirmPaymentIntent(store: SandboxStore, stored: StoredPaymentIntent, input: ConfirmInput, origin: EventOrigin): Stripe.PaymentIntent {
  const { intent } = stored;
  if (!CONFIRMABLE.includes(intent.status)) throw wrongStatus(intent, 'confirm', CONFIRMABLE);
  const customer = typeof intent.customer === 'string' ? intent.customer : null;
  let method: StoredPaymentMethod | undefined;
  if (input.paymentMethod !== undefined) {
    method = usePaymentMethod(store, input.paymentMethod, stored.context, customer);
    intent.payment_method = method.pm.id;
  } else if (typeof intent.payment_method === 'string') {
    method = store.paymentMethods.get(intent.payment_method);
  }
  if (!method) {
    throw unexpectedState(
      intent,
      "You cannot confirm this PaymentIntent because it's missing a payment method. To confirm it, pass payment_method (e.g. pm_card_visa, or a PaymentMethod attached to its customer).",
    );
  }
  if (input.setupFutureUsage !== undefined) intent.setup_future_usage = input.setupFutureUsage;
  settle(store, stored, method, method.outcome, input, origin);
  const declined = declineError(intent);
  if (declined) throw declined;
  return intent;
}

/**
 * The customer finishing (or failing) the authentication challenge of a `requires_action`
 * PaymentIntent: success continues as the card documents; failure is Stripe's
 * `payment_intent_authentication_failure`.
 */
export function completeAuthentication(store: SandboxStore, stored: StoredPaymentIntent, succeeded: boolean, origin: string): Stripe.PaymentIntent {
  const { intent } = stored;
  const then = stored.afterAuthentication;
  const method = typeof intent.payment_method === 'string' ? store.paymentMethods.get(intent.payment_method) : undefined;
  if (intent.status !== 'requires_action' || !then || !method) {
    throw unexpectedState(intent, `This PaymentIntent has no authentication in progress (its status is ${intent.status}).`);
  }
  const eventOrigin: EventOrigin = { account: stored.context };
  if (succeeded) {
    settle(store, stored, method, then, { origin }, eventOrigin);
    return intent;
  }
  stored.afterAuthentication = null;
  stored.challenge = null;
  intent.status = 'requires_payment_method';
  intent.next_action = null;
  intent.payment_method = null;
  intent.last_payment_error = {
    type: 'invalid_request_error',
    code: 'payment_intent_authentication_failure',
    doc_url: 'https://stripe.com/docs/error-codes/payment-intent-authentication-failure',
    message:
      'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.',
    payment_method: structuredClone(method.pm),
  };
  store.webhooks.emit('payment_intent.payment_failed', intent, eventOrigin);
  return intent;
}

export function cancelPaymentIntent(
  store: SandboxStore,
  stored: StoredPaymentIntent,
  reason: Stripe.PaymentIntent.CancellationReason | undefined,
  origin: EventOrigin,
): Stripe.PaymentIntent {
  const { intent } = stored;
  if (!CANCELABLE.includes(intent.status)) throw wrongStatus(intent, 'cancel', CANCELABLE);
  intent.status = 'canceled';
  intent.canceled_at = store.now();
  intent.cancellation_reason = reason ?? null;
  intent.next_action = null;
  stored.afterAuthentication = null;
  stored.challenge = null;
  store.webhooks.emit('payment_intent.canceled', intent, { ...origin, account: stored.context });
  return intent;
}
