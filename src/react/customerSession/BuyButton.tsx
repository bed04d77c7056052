import { development } from '../../core/development.js';
import { stripeEmbed, type StripeEmbedProps } from './stripeEmbed.js';

export interface BuyButtonProps extends StripeEmbedProps {
  /** `buy_btn_…` from the Dashboard. */
  buyButtonId: string;
}

/**
 * Stripe's buy button (`<stripe-buy-button>`): loads `buy-button.js` once and keeps the
 * `customer-session-client-secret` attribute current from a `useCustomerSession()` result.
 */
export const BuyButton = /* @__PURE__ */ stripeEmbed<BuyButtonProps>(
  'BuyButton',
  'stripe-buy-button',
  'buyButtonId',
  development() && process.env.NODE_ENV !== 'production' ? 'Copy the buy button id (buy_btn_…) from the Stripe Dashboard.' : undefined,
);
