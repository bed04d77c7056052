import { useMemo, useRef, useState, type FormEvent } from 'react';
// `pure`: Stripe.js loads when checkout opens, not on every dashboard page that imports this file.
import { loadStripe } from '@stripe/stripe-js/pure';
import type { StripeError } from '@stripe/stripe-js';
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { checkoutOrder as order } from '../../shared/checkoutOrder';
import { endpoints, publishableKey } from '../config';
import { Page } from '../layout/Page';
import { useReportedCustomerSession } from '../sessions/useReportedCustomerSession';
import { elementsAppearance, type Theme } from '../theme';

const price = `$${(order.amount / 100).toFixed(2)}`;

export function CheckoutPage({ theme }: { theme: Theme }) {
  const { clientSecret, status, error, refresh } = useReportedCustomerSession('Payment Element (saved cards)');
  // loadStripe memoizes the script; memoizing the promise keeps <Elements> from seeing a new `stripe` prop.
  const stripe = useMemo(() => loadStripe(publishableKey), []);
  return (
    <Page title="Checkout" intro={`Pay for the ${order.label} with a card saved on your customer, or a new one.`}>
      <p className="amount">
        {order.label}: <strong>{price}</strong>
      </p>
      {status === 'error' ? (
        <div role="alert" className="alert">
          <p>Saved cards could not be loaded. {error?.message}</p>
          <button type="button" onClick={() => void refresh()}>
            Try again
          </button>
        </div>
      ) : null}
      {clientSecret ? (
        // When the kit refreshes the secret, <Elements> passes it to elements.update: the element
        // stays mounted and the selected card stays selected.
        <Elements
          stripe={stripe}
          options={{ customerSessionClientSecret: clientSecret, mode: 'payment', amount: order.amount, currency: order.currency, appearance: elementsAppearance[theme] }}
        >
          <CheckoutForm />
        </Elements>
      ) : (
        <p role="status">Loading your saved cards…</p>
      )}
    </Page>
  );
}

type Outcome = { kind: 'idle' } | { kind: 'paying' } | { kind: 'paid' } | { kind: 'failed'; message: string };

/** What the buyer reads: the card's own message for a decline, ours for the rest (Stripe's are for developers). */
function explain(error: StripeError): string {
  if (error.type === 'card_error' && error.message) return error.message;
  if (error.code === 'payment_intent_authentication_failure') return 'We could not authenticate your payment method. Choose another card or try again.';
  return 'The payment could not be completed. Try again in a moment.';
}

/** Asks the example backend for a PaymentIntent; the server sets the amount and the customer. */
async function createPaymentIntent(): Promise<string> {
  const response = await fetch(endpoints.paymentIntent, { method: 'POST' });
  const body = (await response.json().catch(() => null)) as { client_secret?: string; error?: { message?: string } } | null;
  if (!response.ok || !body?.client_secret) throw new Error(body?.error?.message ?? `The payment could not be started (HTTP ${response.status}).`);
  return body.client_secret;
}

/**
 * The deferred-intent flow: validate the Payment Element, create the PaymentIntent on the server,
 * confirm it here (a 3D Secure challenge opens in the page), and show the result inline.
 */
function CheckoutForm() {
  const stripe = useStripe();
  const elements = useElements();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  // A declined PaymentIntent takes another card; its secret stays in memory, never in the URL or storage.
  const intentSecret = useRef<string | null>(null);

  async function pay(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements) return;
    setOutcome({ kind: 'paying' });
    const submitted = await elements.submit();
    if (submitted.error) {
      // The Payment Element shows a validation error at its field.
      setOutcome(submitted.error.type === 'validation_error' ? { kind: 'idle' } : { kind: 'failed', message: explain(submitted.error) });
      return;
    }
    try {
      intentSecret.current ??= await createPaymentIntent();
    } catch (error) {
      setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    const { error, paymentIntent } = await stripe.confirmPayment({
      elements,
      clientSecret: intentSecret.current,
      redirect: 'if_required',
      // Only for payment methods that must leave the page; cards stay here.
      confirmParams: { return_url: `${window.location.origin}${window.location.pathname}#/checkout` },
    });
    if (error) setOutcome({ kind: 'failed', message: explain(error) });
    else if (paymentIntent.status === 'succeeded') {
      intentSecret.current = null;
      setOutcome({ kind: 'paid' });
    } else setOutcome({ kind: 'failed', message: `The payment is ${paymentIntent.status.replace(/_/g, ' ')}.` });
  }

  const busy = outcome.kind === 'paying';
  return (
    <form className="panel checkout-form" aria-label="Payment" onSubmit={(event) => void pay(event)}>
      <PaymentElement />
      <button type="submit" disabled={!stripe || busy || outcome.kind === 'paid'}>
        {busy ? 'Paying…' : `Pay ${price}`}
      </button>
      {outcome.kind === 'paid' ? <p role="status">Payment succeeded: {price} paid. Thank you!</p> : null}
      {busy ? <p role="status">Processing your payment…</p> : null}
      {outcome.kind === 'failed' ? (
        <p role="alert" className="alert">
          {outcome.message}
        </p>
      ) : null}
    </form>
  );
}
