/**
 * What the checkout sells. The server charges this amount; the page shows it and gives it to the
 * Payment Element (deferred intent), but never decides what is charged.
 */
export const checkoutOrder = { amount: 4900, currency: 'usd', label: 'Annual seller plan' } as const;
