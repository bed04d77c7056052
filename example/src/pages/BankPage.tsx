import { useState } from 'react';
import { useFinancialConnections, type FinancialConnectionsResult } from 'embedkit';
import { endpoints, publishableKey } from '../config';
import { Page } from '../layout/Page';
import { useReportSession } from '../sessions/useReportSession';

export function BankPage() {
  const [opens, setOpens] = useState(0);
  // open() fetches a fresh session at click time: Financial Connections secrets are single use
  // and have no expiry to refresh against. It never rejects and ignores double clicks.
  const { open, status, result, error } = useFinancialConnections({ publishableKey, fetchSecret: endpoints.financialConnectionsSession });
  useReportSession('financial-connections', {
    kind: 'Financial Connections Session',
    usedBy: 'Bank linking (a new session per open)',
    status,
    redacted: null,
    expiresAt: null,
    fetchCount: opens,
  });

  const link = () => {
    setOpens((count) => count + 1);
    void open();
  };

  return (
    <Page title="Link a bank account" intro="Connect the bank account payouts should go to, without typing account numbers.">
      <button type="button" onClick={link} disabled={status === 'open' || status === 'error'}>
        Link a bank account
      </button>
      {error ? <p role="alert">Bank linking is unavailable: {error.message}</p> : null}
      <p id="bank-status" role="status" className="outcome">
        {describe(result)}
      </p>
      {result?.type === 'linked' ? (
        <ul aria-label="Linked accounts">
          {result.accounts.map((account) => (
            <li key={account.id}>
              {account.display_name} at {account.institution_name}
              {account.last4 ? ` (•••• ${account.last4})` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}

function describe(result: FinancialConnectionsResult<'accounts'> | null): string {
  if (!result) return 'No bank account linked yet.';
  switch (result.type) {
    case 'linked':
      return `Linked ${result.accounts.length} account${result.accounts.length === 1 ? '' : 's'}.`;
    case 'cancelled':
      return 'Bank linking was cancelled. Nothing was linked.';
    case 'failed':
      return `Bank linking failed: ${result.error.message ?? 'Stripe reported an error.'}`;
  }
}
