import { BUY_BUTTON_JS_URL } from '../shared/stripeScriptUrls.js';
import { StripeEmbedElement, type StripeEmbedProps } from './StripeEmbedElement.js';

export interface BuyButtonProps extends StripeEmbedProps {
  /** `buy_btn_…` from the Dashboard. */
  buyButtonId: string;
}

/**
 * Stripe's buy button (`<stripe-buy-button>`): loads `buy-button.js` once and keeps the
 * `customer-session-client-secret` attribute current from a `useCustomerSession()` result.
 */
export function BuyButton({ buyButtonId, ...rest }: BuyButtonProps) {
  return <StripeEmbedElement tagName="stripe-buy-button" scriptUrl={BUY_BUTTON_JS_URL} idAttribute={{ 'buy-button-id': buyButtonId }} {...rest} />;
}
