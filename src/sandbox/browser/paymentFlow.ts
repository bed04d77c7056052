import type { PaymentIntent, PaymentIntentResult, StripeError } from '@stripe/stripe-js';
import { BROWSER_ROUTES } from '../protocol.js';
import type { ChallengeDetails, ChallengeOutcome } from './threeDSecureChallenge.js';
import type { ElementsGroup } from './ElementsGroup.js';
import type { PaymentDetails } from './PaymentElement.js';
import { apiBase, postJson } from './sandboxApi.js';
import { stripeError } from './stripeError.js';

/** Stripe.js throws an IntegrationError (it does not resolve `{ error }`) for a call that cannot work. */
export class IntegrationError extends Error {
  override readonly name = 'IntegrationError';
}

/** What the flow needs from the page; tests give their own. */
export interface PaymentFlowDeps {
  publishableKey: string;
  /** Opens the 3D Secure challenge and resolves the customer's answer. */
  challenge(details: ChallengeDetails): Promise<ChallengeOutcome>;
  /** Leaves the page (a `return_url` or a redirect-based next action). */
  navigate(url: string): void;
  now(): Date;
}

export interface ConfirmPaymentOptions {
  elements?: ElementsGroup;
  clientSecret?: string;
  confirmParams?: { return_url?: string; [key: string]: unknown };
  redirect?: 'always' | 'if_required';
}

type Form = { [key: string]: string | number | boolean | Form | undefined };

/** Stripe's form encoding (`a[b][c]=…`), as Stripe.js posts it. */
function encodeForm(form: Form, into = new URLSearchParams(), prefix = ''): URLSearchParams {
  for (const [key, value] of Object.entries(form)) {
    if (value === undefined) continue;
    const name = prefix ? `${prefix}[${key}]` : key;
    if (typeof value === 'object') encodeForm(value, into, name);
    else into.append(name, String(value));
  }
  return into;
}

const CLIENT_SECRET = /^(pi_[A-Za-z0-9]+)_secret_[A-Za-z0-9]+$/;

/** The PaymentIntent id a client secret belongs to; the message never repeats the secret. */
function intentId(method: string, clientSecret: unknown): string {
  const match = typeof clientSecret === 'string' ? CLIENT_SECRET.exec(clientSecret) : null;
  if (!match?.[1]) {
    throw new IntegrationError(`Invalid value for ${method}: clientSecret should be a PaymentIntent client secret of the form pi_…_secret_…, as your server received it when creating the PaymentIntent.`);
  }
  return match[1];
}

/** Never settles: the page is leaving, as with Stripe.js. */
const leaving = () => new Promise<never>(() => undefined);

/** The result of a request that failed in transport or answered an error, as Stripe.js resolves it. */
const failed = (error: unknown): { error: StripeError } => ({ error: (error as { stripeError?: StripeError }).stripeError ?? (stripeError(error) as StripeError) });

/**
 * `stripe.confirmPayment`, `handleNextAction` and `retrievePaymentIntent` of the Stripe.js
 * stand-in. Confirmation goes to the sandbox's REST `POST /v1/payment_intents/:id/confirm` with the
 * publishable key and the client secret in the form body, as Stripe.js sends it, so the server-side
 * state, events and webhooks follow. Answers have Stripe.js's shapes (`@stripe/stripe-js` types).
 */
export class PaymentFlow {
  constructor(private readonly deps: PaymentFlowDeps) {}

  async confirmPayment(options: ConfirmPaymentOptions): Promise<PaymentIntentResult> {
    const { elements, confirmParams = {}, redirect = 'always' } = options ?? {};
    const clientSecret = options?.clientSecret ?? elements?.clientSecret;
    if (!elements) throw new IntegrationError('stripe.confirmPayment(): pass the `elements` instance that holds the Payment Element.');
    const id = intentId('stripe.confirmPayment()', clientSecret);
    const returnUrl = confirmParams.return_url;
    if (redirect !== 'if_required' && !returnUrl) {
      throw new IntegrationError("stripe.confirmPayment(): the `confirmParams.return_url` argument is required unless passing `redirect: 'if_required'`.");
    }
    if (elements.deferred && !elements.submitted) {
      throw new IntegrationError(
        'elements.submit() must be called before stripe.confirmPayment(). Call elements.submit() as soon as your customer presses pay, prior to any asynchronous work.',
      );
    }
    const details: PaymentDetails | undefined = elements.getElement('payment')?.paymentDetails(this.deps.now());
    if (!details) throw new IntegrationError('stripe.confirmPayment(): mount a Payment Element from these `elements` first.');
    if ('error' in details) return { error: details.error as StripeError };
    const payment = 'card' in details ? { payment_method_data: { type: 'card', card: { ...details.card } } } : { payment_method: details.paymentMethod };
    const confirmed = await this.rest(`/v1/payment_intents/${encodeURIComponent(id)}/confirm`, {
      ...payment,
      return_url: returnUrl,
      // Stripe.js handles next actions itself: the 3D Secure challenge opens in this page.
      use_stripe_sdk: true,
      client_secret: clientSecret as string,
    }).catch(failed);
    if ('error' in confirmed) return confirmed;
    const last4 = 'card' in details ? details.card.number.slice(-4) : elements.getElement('payment')?.selectedCard()?.last4;
    return this.finish(confirmed.intent, clientSecret as string, redirect === 'always' ? returnUrl : undefined, last4);
  }

  async handleNextAction(options: { clientSecret: string }): Promise<PaymentIntentResult> {
    const clientSecret = options?.clientSecret;
    const id = intentId('stripe.handleNextAction()', clientSecret);
    const result = await this.retrieve(id, clientSecret);
    if ('error' in result) return result;
    if (result.paymentIntent.status !== 'requires_action') {
      throw new IntegrationError(`stripe.handleNextAction(): the PaymentIntent has a status of ${result.paymentIntent.status}; only requires_action has a next action to handle.`);
    }
    return this.finish(result.paymentIntent, clientSecret, undefined, undefined);
  }

  retrievePaymentIntent(clientSecret: string): Promise<PaymentIntentResult> {
    return this.retrieve(intentId('stripe.retrievePaymentIntent()', clientSecret), clientSecret);
  }

  private async retrieve(id: string, clientSecret: string): Promise<PaymentIntentResult> {
    // Stripe.js reads it with the secret in a GET query; the stand-in keeps secrets out of URLs.
    return postJson<PaymentIntent>(BROWSER_ROUTES.paymentIntent.replace(':id', encodeURIComponent(id)), { client_secret: clientSecret }).then(
      (paymentIntent) => ({ paymentIntent }),
      failed,
    );
  }

  /** After a confirmation: run the next action, then answer, or leave for `returnUrl` as Stripe.js does. */
  private async finish(intent: PaymentIntent, clientSecret: string, returnUrl: string | undefined, last4: string | undefined): Promise<PaymentIntentResult> {
    const next = intent.next_action;
    if (intent.status === 'requires_action' && next?.type === 'redirect_to_url' && next.redirect_to_url?.url) {
      this.deps.navigate(next.redirect_to_url.url);
      return leaving();
    }
    if (intent.status === 'requires_action') {
      const outcome = await this.deps.challenge({ amount: intent.amount, currency: intent.currency, last4 });
      const answered = await postJson<PaymentIntent>(BROWSER_ROUTES.authenticatePayment.replace(':id', encodeURIComponent(intent.id)), {
        client_secret: clientSecret,
        outcome,
      }).catch(failed);
      if ('error' in answered) return answered;
      return this.finish(answered, clientSecret, returnUrl, last4);
    }
    if (intent.status === 'requires_payment_method' && intent.last_payment_error) {
      // A failed challenge, or a card that declines once authenticated: Stripe.js resolves the error with the PaymentIntent.
      return { error: { ...(intent.last_payment_error as StripeError), payment_intent: intent } };
    }
    if (returnUrl) {
      const url = new URL(returnUrl, location.href);
      // Stripe's return_url contract: the app reads these on its return page.
      url.searchParams.set('payment_intent', intent.id);
      url.searchParams.set('payment_intent_client_secret', clientSecret);
      url.searchParams.set('redirect_status', intent.status === 'succeeded' ? 'succeeded' : intent.status === 'processing' ? 'pending' : 'failed');
      this.deps.navigate(url.href);
      return leaving();
    }
    return { paymentIntent: intent };
  }

  /** A form POST to the sandbox's Stripe REST with the publishable key; errors keep Stripe's whole error object. */
  private async rest(path: string, form: Form): Promise<{ intent: PaymentIntent }> {
    let response: Response;
    try {
      response = await fetch(`${apiBase()}${path}`, {
        method: 'POST',
        // Form-encoded, no custom headers: a simple cross-origin request, as Stripe.js makes it.
        body: encodeForm({ ...form, key: this.deps.publishableKey }),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw Object.assign(new Error('network'), { stripeError: { type: 'api_connection_error', message: 'The embedkit sandbox could not be reached. Is the sandbox server running?' } });
    }
    const body = (await response.json().catch(() => null)) as (PaymentIntent & { error?: StripeError }) | null;
    if (!response.ok || !body || body.error) {
      const error: StripeError = body?.error ?? { type: 'api_error', message: `The embedkit sandbox answered HTTP ${response.status} on ${path}.` };
      throw Object.assign(new Error(error.message ?? 'error'), { stripeError: error });
    }
    return { intent: body };
  }
}
