import { textRule } from '../../core/checkOptions.js';
import { devOnly } from '../../core/development.js';
import { BUY_BUTTON_JS_URL } from '../../shared/stripeScriptUrls.js';
import { SessionErrorNotice } from '../SessionErrorNotice.js';
import { EMBED_PROP_RULES, StripeEmbedElement, type StripeEmbedProps } from './StripeEmbedElement.js';
import { useOptionsProblem } from '../useOptionsProblem.js';

export interface BuyButtonProps extends StripeEmbedProps {
  /** `buy_btn_…` from the Dashboard. */
  buyButtonId: string;
}

const PROP_RULES = { ...EMBED_PROP_RULES, buyButtonId: { ...textRule, required: true, fix: /* @__PURE__ */ devOnly(() => process.env.NODE_ENV !== 'production' && 'Copy the buy button id (buy_btn_…) from the Stripe Dashboard.') } };

/**
 * Stripe's buy button (`<stripe-buy-button>`): loads `buy-button.js` once and keeps the
 * `customer-session-client-secret` attribute current from a `useCustomerSession()` result.
 */
export function BuyButton(props: BuyButtonProps) {
  const problem = useOptionsProblem('<BuyButton>', props, PROP_RULES);
  if (problem) return <SessionErrorNotice error={problem} />;
  const { buyButtonId, ...rest } = props;
  return <StripeEmbedElement tagName="stripe-buy-button" scriptUrl={BUY_BUTTON_JS_URL} idAttribute={{ 'buy-button-id': buyButtonId }} {...rest} />;
}
