import { development } from '../../core/development.js';
import { stripeEmbed, type StripeEmbedProps } from './stripeEmbed.js';

export interface PricingTableProps extends StripeEmbedProps {
  /** `prctbl_…` from the Dashboard. */
  pricingTableId: string;
}

/**
 * Stripe's pricing table (`<stripe-pricing-table>`): loads `pricing-table.js` once and keeps the
 * `customer-session-client-secret` attribute current from a `useCustomerSession()` result.
 */
export const PricingTable = /* @__PURE__ */ stripeEmbed<PricingTableProps>(
  'PricingTable',
  'stripe-pricing-table',
  'pricingTableId',
  development() && process.env.NODE_ENV !== 'production' ? 'Copy the pricing table id (prctbl_…) from the Stripe Dashboard.' : undefined,
);
