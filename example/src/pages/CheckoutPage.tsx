import { useMemo } from 'react';
// `pure`: Stripe.js loads when checkout opens, not on every dashboard page that imports this file.
import { loadStripe } from '@stripe/stripe-js/pure';
import { Elements, PaymentElement } from '@stripe/react-stripe-js';
import { publishableKey } from '../config';
import { Page } from '../layout/Page';
import { useReportedCustomerSession } from '../sessions/useReportedCustomerSession';
import { elementsAppearance, type Theme } from '../theme';

const order = { amount: 4900, currency: 'usd', label: 'Annual seller plan' } as const;

export function CheckoutPage({ theme }: { theme: Theme }) {
  const { clientSecret, status, error, refresh } = useReportedCustomerSession('Payment Element (saved cards)');
  // loadStripe memoizes the script; memoizing the promise keeps <Elements> from seeing a new `stripe` prop.
  const stripe = useMemo(() => loadStripe(publishableKey), []);
  return (
    <Page title="Checkout" intro={`Pay for the ${order.label} with a card saved on your customer, or a new one.`}>
      <p className="amount">
        {order.label}: <strong>${(order.amount / 100).toFixed(2)}</strong>
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
          <form className="panel" aria-label="Payment" onSubmit={(event) => event.preventDefault()}>
            <PaymentElement />
          </form>
        </Elements>
      ) : (
        <p role="status">Loading your saved cards…</p>
      )}
    </Page>
  );
}
