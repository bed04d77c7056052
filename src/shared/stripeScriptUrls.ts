// Stripe's script URLs, written once: the React components load them, the sandbox stands in for
// them, and a preload hint only helps if it names the loader's URL exactly.

/** Connect.js, as the official `@stripe/connect-js` loader injects it (its `V1_URL`). */
export const CONNECT_JS_URL = 'https://connect-js.stripe.com/v1.0/connect.js';
/** Stripe.js, as the installed `@stripe/stripe-js` loader injects it. */
export const STRIPE_JS_URL = 'https://js.stripe.com/endive/stripe.js';
/** The script that defines one of Stripe's web components: `stripe-buy-button` → `…/v3/buy-button.js`. */
export const embedScriptUrl = (tagName: 'stripe-pricing-table' | 'stripe-buy-button') => `https://js.stripe.com/v3/${tagName.slice(7)}.js`;
/** The pricing table's script (`<stripe-pricing-table>`). */
export const PRICING_TABLE_JS_URL = /* @__PURE__ */ embedScriptUrl('stripe-pricing-table');
/** The buy button's script (`<stripe-buy-button>`). */
export const BUY_BUTTON_JS_URL = /* @__PURE__ */ embedScriptUrl('stripe-buy-button');
