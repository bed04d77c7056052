/**
 * What the docs' snippets take from the reader's own app, declared once so each snippet can stay
 * short. Keep this list small: a snippet that needs more should show it.
 */
import type { ReactNode } from 'react';
import type { Stripe, StripeError } from '@stripe/stripe-js';
import type { ConnectErrorEvent } from 'embedkit';

declare global {
  /** The app's own sign-in: who sent this request, and the connected accounts they run. */
  function getSignedInUser(request: Request): Promise<{ id: string; accounts: string[] } | null>;
  /** The app's error reporting. */
  function report(event: ConnectErrorEvent): void;
  /** The app's own components. */
  function Spinner(): ReactNode;
  function Retry(props: { onClick: () => void }): ReactNode;
  function PaymentForm(): ReactNode;
  /** Stripe.js, loaded once by the app (see docs/client.md). */
  const stripePromise: Promise<Stripe | null>;
  /** What the app does with linked bank accounts, or an error message. */
  function save(accounts: readonly unknown[]): void;
  function show(message: string | StripeError['message']): void;
}
