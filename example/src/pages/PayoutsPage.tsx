import { ConnectBalances, ConnectPayouts } from 'embedkit';
import { Page } from '../layout/Page';

export function PayoutsPage() {
  return (
    <Page title="Payouts & balances" intro="What the seller has earned and when it reaches their bank.">
      <section aria-labelledby="balances-title" className="panel">
        <h3 id="balances-title">Balances</h3>
        <ConnectBalances />
      </section>
      <section aria-labelledby="payouts-title" className="panel">
        <h3 id="payouts-title">Payouts</h3>
        <ConnectPayouts />
      </section>
    </Page>
  );
}
