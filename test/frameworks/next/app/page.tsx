// file: app/page.tsx
import { ConnectPayments, ConnectPayouts, ConnectProvider, preloadConnect } from 'embedkit';

/** A Server Component: the provider and the components are client components it renders. */
export default function PaymentsPage() {
  // Puts the Connect.js preload hint in the HTML (left out while the sandbox's stand-ins are in use).
  preloadConnect();
  return (
    <main>
      <h1>Payments</h1>
      <ConnectProvider
        publishableKey={process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY!}
        fetchSecret="/api/account-session"
        fallback={<p>Loading payments…</p>}
      >
        <ConnectPayments />
        <ConnectPayouts />
      </ConnectProvider>
    </main>
  );
}
