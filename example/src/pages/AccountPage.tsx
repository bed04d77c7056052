import { ConnectAccountManagement } from 'embedkit';
import { Page } from '../layout/Page';

export function AccountPage() {
  return (
    <Page title="Account management" intro="Business details, bank accounts and people, kept up to date by the seller.">
      <ConnectAccountManagement />
    </Page>
  );
}
