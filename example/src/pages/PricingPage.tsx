import { PricingTable } from 'embedkit';
import { pricingTableId, publishableKey } from '../config';
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
    </Page>
  );
}
