import type { BankAccountToken, FinancialConnectionsSession, StripeError } from '@stripe/stripe-js';
import type { EmbedkitError } from '../../core/EmbedkitError.js';

/** `'accounts'` links accounts; `'bank_account_token'` also makes a bank account token (Connect external accounts). */
export type FinancialConnectionsMode = 'accounts' | 'bank_account_token';

/** How a bank-linking flow ended. `collect*` errors resolve here as `failed`; `open()` never rejects. */
export type FinancialConnectionsResult<M extends FinancialConnectionsMode = FinancialConnectionsMode> =
  | {
      type: 'linked';
      accounts: FinancialConnectionsSession.Account[];
      session: FinancialConnectionsSession;
      /** Present in `bank_account_token` mode. */
      token: M extends 'bank_account_token' ? BankAccountToken : undefined;
    }
  /** The user closed the flow without linking: Stripe reports that as an empty account list. */
  | { type: 'cancelled'; session: FinancialConnectionsSession | null }
  /** Stripe's error, the secret request's {@link EmbedkitError}, or why Stripe.js is unavailable. */
  | { type: 'failed'; error: StripeError | EmbedkitError | Error };

/** What `collectFinancialConnectionsAccounts` or `collectBankAccountToken` resolved to. */
type CollectResult =
  | { financialConnectionsSession: FinancialConnectionsSession; token?: BankAccountToken; error?: undefined }
  | { financialConnectionsSession: undefined; token?: undefined; error: StripeError };

/** Maps Stripe.js' answer to the typed result: error → failed, no accounts → cancelled, else linked. */
export function toFinancialConnectionsResult<M extends FinancialConnectionsMode>(answer: CollectResult): FinancialConnectionsResult<M> {
  if (answer.error) return { type: 'failed', error: answer.error };
  const session = answer.financialConnectionsSession;
  return (session.accounts.length ? { type: 'linked', accounts: session.accounts, session, token: answer.token } : { type: 'cancelled', session }) as FinancialConnectionsResult<M>;
}
