import { useState, type FormEvent } from 'react';
import { ConnectPaymentDetails, ConnectPayments } from 'embedkit';
import { Page } from '../layout/Page';

export function PaymentsPage() {
  const [paymentId, setPaymentId] = useState<string | null>(null);
  const showDetails = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('payment');
    if (typeof value === 'string' && value.trim()) setPaymentId(value.trim());
  };
  return (
    <Page title="Payments" intro="Every payment the seller received, with refunds and disputes handled in place.">
      <ConnectPayments />
      {/* Payment details shows one payment the app points at: from its own order page, a support
          ticket or an email link. Here the seller pastes the id. */}
      <section aria-labelledby="payment-details-title" className="panel">
        <h3 id="payment-details-title">Payment details</h3>
        <form onSubmit={showDetails} className="inline-form">
          <label className="field">
            <span>Payment ID</span>
            <input name="payment" placeholder="py_… or ch_…" autoComplete="off" required />
          </label>
          <button type="submit">Show details</button>
        </form>
        {paymentId ? <ConnectPaymentDetails payment={paymentId} onClose={() => setPaymentId(null)} /> : null}
      </section>
    </Page>
  );
}
