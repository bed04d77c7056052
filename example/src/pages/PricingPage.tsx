import { BuyButton, PricingTable } from 'embedkit';
import { buyButtonId, pricingTableId, publishableKey } from '../config';
import { Page } from '../layout/Page';
import { useReportedCustomerSession } from '../sessions/useReportedCustomerSession';

export function PricingPage() {
  const customerSession = useReportedCustomerSession('Pricing table');
  return (
    <Page title="Pricing" intro="Plans for sellers. Signed-in customers check out with their saved details.">
      {pricingTableId ? (
        // The kit sets the secret on Stripe's element (never as a React prop) and renews it in place.
        <PricingTable pricingTableId={pricingTableId} publishableKey={publishableKey} customerSession={customerSession} />
      ) : (
        <p role="status">Set VITE_STRIPE_PRICING_TABLE_ID in .env to the id of a pricing table from your Stripe Dashboard.</p>
      )}
      <section aria-labelledby="buy-button-title" className="panel">
        <h3 id="buy-button-title">Just the plan you need</h3>
        {buyButtonId ? <PlanBuyButton buyButtonId={buyButtonId} /> : <p role="status">Set VITE_STRIPE_BUY_BUTTON_ID in .env to the id of a buy button from your Stripe Dashboard.</p>}
      </section>
    </Page>
  );
}

/** A buy button with its own CustomerSession: a CustomerSession secret is single use, so two elements never share one. */
function PlanBuyButton({ buyButtonId }: { buyButtonId: string }) {
  const customerSession = useReportedCustomerSession('Buy button', 'buy-button-session');
  return <BuyButton buyButtonId={buyButtonId} publishableKey={publishableKey} customerSession={customerSession} />;
}
