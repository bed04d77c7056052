function required(name: string, value: string | undefined): string {
  if (value) return value;
  throw new Error(
    `example: ${name} is not set. Put it in .env at the repository root (see docs/example.md, "On real Stripe"), ` +
      'or remove STRIPE_SECRET_KEY from .env to run on the offline sandbox.',
  );
}

export const publishableKey = required('VITE_STRIPE_PUBLISHABLE_KEY', import.meta.env.VITE_STRIPE_PUBLISHABLE_KEY);
/** Optional on real Stripe: a pricing table is made in the Dashboard, and the page says so when it is missing. */
export const pricingTableId = import.meta.env.VITE_STRIPE_PRICING_TABLE_ID;
/** Optional on real Stripe, like the pricing table: a buy button is made in the Dashboard. */
export const buyButtonId = import.meta.env.VITE_STRIPE_BUY_BUTTON_ID;

/** The example backend's endpoints (example/server). The session ones answer `{ client_secret, expires_at }`, payment_intent `{ client_secret }`. */
export const endpoints = {
  me: '/api/me',
  /** What the backend learned from Stripe's webhooks (example/server/Activity.ts). */
  activity: '/api/activity',
  accountSession: '/api/account_session',
  customerSession: '/api/customer_session',
  financialConnectionsSession: '/api/financial_connections_session',
  paymentIntent: '/api/payment_intent',
} as const;
