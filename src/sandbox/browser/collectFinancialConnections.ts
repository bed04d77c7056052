import { BROWSER_ROUTES, type FcCompleteResponse, type SandboxInstitution } from '../protocol.js';
import { financialConnectionsModal } from './financialConnectionsModal.js';
import { claimSecret, getWithToken, postWithToken, type SandboxErrorBody } from './sandboxApi.js';
import { stripeError, validationError } from './stripeError.js';

export type FcResult = FcCompleteResponse | { financialConnectionsSession: undefined; token?: undefined; error: SandboxErrorBody };

/**
 * The flow behind `collectFinancialConnectionsAccounts` and `collectBankAccountToken`: claim the
 * session secret, let the user pick in the modal, and report the choice to the sandbox, which
 * answers with the client-side session shape. Every failure resolves `{ error }`, never rejects,
 * as Stripe.js does.
 */
export async function collectFinancialConnections(options: unknown, flow: 'accounts' | 'bank_account_token', publishableKey: string): Promise<FcResult> {
  const fail = (error: SandboxErrorBody): FcResult => ({ financialConnectionsSession: undefined, error });
  const clientSecret = (options as { clientSecret?: unknown } | null)?.clientSecret;
  if (typeof clientSecret !== 'string' || clientSecret === '') {
    return fail(validationError('collectFinancialConnectionsAccounts needs { clientSecret }: the client_secret of a Financial Connections Session created on your server.'));
  }
  try {
    const claim = await claimSecret(clientSecret, publishableKey);
    const { data } = await getWithToken<{ data: SandboxInstitution[] }>(BROWSER_ROUTES.institutions, claim.token);
    const title = flow === 'bank_account_token' ? 'Link a bank account for payouts' : 'Link your bank accounts';
    const choice = await financialConnectionsModal(data, title, flow === 'bank_account_token');
    const result = await postWithToken<FcCompleteResponse>(BROWSER_ROUTES.fcComplete, claim.token, { ...choice, mode: flow });
    return 'cancel' in choice ? { financialConnectionsSession: result.financialConnectionsSession } : result;
  } catch (error) {
    return fail(stripeError(error));
  }
}
