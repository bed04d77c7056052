import type { ActivitySnapshot, PaymentActivity } from '../../server/Activity';

const STATUS_TEXT: Record<PaymentActivity['status'], string> = {
  open: 'Open',
  awaiting_authentication: 'Awaiting authentication',
  paid: 'Paid',
  failed: 'Failed',
  canceled: 'Canceled',
};

const money = (amount: number, currency: string) => new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount / 100);

/** The user's orders and linked banks: read from Stripe at sign-in, then updated by webhooks only. */
export function ActivityPanel({ activity }: { activity: ActivitySnapshot | null }) {
  return (
    <section aria-labelledby="activity-title" className="session-panel">
      <h2 id="activity-title">From webhooks</h2>
      {activity === null ? (
        <p>Loading…</p>
      ) : (
        <>
          <h3>Orders</h3>
          {activity.payments.length === 0 ? (
            <p>No orders yet.</p>
          ) : (
            <ul aria-label="Orders">
              {activity.payments.map((payment) => (
                <li key={payment.id} data-payment={payment.id} data-status={payment.status}>
                  {payment.label}: {money(payment.amount, payment.currency)} · <strong>{STATUS_TEXT[payment.status]}</strong>
                  {payment.failure ? <span className="muted"> ({payment.failure})</span> : null}
                </li>
              ))}
            </ul>
          )}
          <h3>Bank accounts</h3>
          {activity.bankAccounts.length === 0 ? (
            <p>No bank account linked.</p>
          ) : (
            <ul aria-label="Bank accounts on file">
              {activity.bankAccounts.map((bank) => (
                <li key={bank.id} data-bank-account={bank.id}>
                  {bank.name}
                  {bank.last4 ? ` •••• ${bank.last4}` : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
