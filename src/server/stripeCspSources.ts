/**
 * The CSP sources each Stripe product needs, from Stripe's security guide, "Content Security
 * Policy" (https://docs.stripe.com/security/guide#content-security-policy, read from a stored
 * copy of the page): the "Connect embedded components" and "Stripe.js" lists. Pricing table and
 * buy button: https://docs.stripe.com/payment-links/buy-button and
 * https://docs.stripe.com/payments/checkout/pricing-table ask for `script-src` and `frame-src`
 * https://js.stripe.com (their scripts are js.stripe.com/v3/{pricing-table,buy-button}.js and they
 * render in js.stripe.com frames). Financial Connections runs inside Stripe.js, so it needs the
 * Stripe.js list.
 */
export const stripeCspSources = {
  connect: {
    'script-src': ['https://connect-js.stripe.com', 'https://js.stripe.com'],
    'frame-src': ['https://connect-js.stripe.com', 'https://js.stripe.com'],
    'img-src': ['https://*.stripe.com'],
    // Connect.js inserts an empty <style> element; Stripe lists the hash of that empty element
    // (written unquoted in the guide; CSP syntax needs the quotes).
    'style-src': ["'sha256-0hAheEzaMe6uXIKV4EehS9pu1am1lj/KnnzrOYqckXk='"],
  },
  'stripe-js': {
    // maps.googleapis.com serves the Address Element's autocomplete; Stripe lists it in the set.
    'script-src': ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://maps.googleapis.com'],
    // *.js.stripe.com lets Stripe.js start frames on other origins for speed; hooks.stripe.com
    // hosts 3D Secure and other redirect-based payment method frames.
    'frame-src': ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com'],
    'connect-src': ['https://api.stripe.com', 'https://maps.googleapis.com'],
  },
  'pricing-table': {
    'script-src': ['https://js.stripe.com'],
    'frame-src': ['https://js.stripe.com'],
  },
  'buy-button': {
    'script-src': ['https://js.stripe.com'],
    'frame-src': ['https://js.stripe.com'],
  },
} as const satisfies Record<string, Record<string, readonly string[]>>;

/** A Stripe product whose CSP sources embedkit knows. */
export type StripeCspProduct = keyof typeof stripeCspSources;
