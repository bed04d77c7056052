// file: app/routes/payments.tsx
import { ConnectPayments, ConnectProvider } from 'embedkit';

export default function Payments() {
  return (
    <main>
      <h1>Payments</h1>
      <ConnectProvider publishableKey={import.meta.env.VITE_STRIPE_PUBLISHABLE_KEY} fetchSecret="/api/account-session" fallback={<p>Loading payments…</p>}>
        <ConnectPayments />
      </ConnectProvider>
    </main>
  );
}
