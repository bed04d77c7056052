import { PRICING_TABLE_JS_URL } from '../shared/stripeScriptUrls.js';
import { StripeEmbedElement, type StripeEmbedProps } from './StripeEmbedElement.js';

export interface PricingTableProps extends StripeEmbedProps {
  /** `prctbl_…` from the Dashboard. */
  pricingTableId: string;
}

/**
 * Stripe's pricing table (`<stripe-pricing-table>`): loads `pricing-table.js` once and keeps the
 * `customer-session-client-secret` attribute current from a `useCustomerSession()` result.
 */
export function PricingTable({ pricingTableId, ...rest }: PricingTableProps) {
  return (
    <StripeEmbedElement
      tagName="stripe-pricing-table"
      scriptUrl={PRICING_TABLE_JS_URL}
      idAttribute={{ 'pricing-table-id': pricingTableId }}
      {...rest}
    />
  );
}
