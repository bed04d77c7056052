import { textRule } from '../../core/checkOptions.js';
import { devOnly } from '../../core/development.js';
import { PRICING_TABLE_JS_URL } from '../../shared/stripeScriptUrls.js';
import { SessionErrorNotice } from '../SessionErrorNotice.js';
import { EMBED_PROP_RULES, StripeEmbedElement, type StripeEmbedProps } from './StripeEmbedElement.js';
import { useOptionsProblem } from '../useOptionsProblem.js';

export interface PricingTableProps extends StripeEmbedProps {
  /** `prctbl_…` from the Dashboard. */
  pricingTableId: string;
}

const PROP_RULES = { ...EMBED_PROP_RULES, pricingTableId: { ...textRule, required: true, fix: /* @__PURE__ */ devOnly(() => process.env.NODE_ENV !== 'production' && 'Copy the pricing table id (prctbl_…) from the Stripe Dashboard.') } };

/**
 * Stripe's pricing table (`<stripe-pricing-table>`): loads `pricing-table.js` once and keeps the
 * `customer-session-client-secret` attribute current from a `useCustomerSession()` result.
 */
export function PricingTable(props: PricingTableProps) {
  const problem = useOptionsProblem('<PricingTable>', props, PROP_RULES);
  if (problem) return <SessionErrorNotice error={problem} />;
  const { pricingTableId, ...rest } = props;
  return (
    <StripeEmbedElement
      tagName="stripe-pricing-table"
      scriptUrl={PRICING_TABLE_JS_URL}
      idAttribute={{ 'pricing-table-id': pricingTableId }}
      {...rest}
    />
  );
}
