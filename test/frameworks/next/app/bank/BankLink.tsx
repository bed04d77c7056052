// file: app/bank/BankLink.tsx
'use client';
import { useFinancialConnections } from 'embedkit';
import { createBankLinkSecret } from '../actions';

export function BankLink() {
  const { open, status, result, error } = useFinancialConnections({
    publishableKey: process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY!,
    // A Server Action takes only serializable arguments: call it without embedkit's context.
    fetchSecret: () => createBankLinkSecret(),
  });
  return (
    <section>
      <button type="button" onClick={() => void open()} disabled={status === 'loading' || status === 'open'}>
        Link a bank account
      </button>
      {error ? <p role="alert">Bank linking is unavailable: {error.message}</p> : null}
      <p role="status">
        {result?.type === 'linked' ? `Linked ${result.accounts.length} account(s).` : result?.type === 'cancelled' ? 'Cancelled.' : 'Nothing linked yet.'}
      </p>
    </section>
  );
}
