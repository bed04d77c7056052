import type Stripe from 'stripe';
import type { FcCompleteResponse, SandboxInstitution } from '../protocol.js';
import { randomId } from '../engine/randomId.js';
import { SandboxApiError } from '../engine/SandboxApiError.js';
import type { SandboxStore } from '../engine/SandboxStore.js';
import type { FcSessionRecord } from '../engine/SessionRecord.js';
import { buildBankAccountToken, buildFcAccount } from '../rest/stripeObjects.js';

/** What `collectFinancialConnectionsAccounts` resolves with: the REST account minus server-only fields. */
function clientAccount(account: Stripe.FinancialConnections.Account): Record<string, unknown> {
  const { account_holder: _h, account_numbers: _n, transaction_refresh: _t, subscriptions: _s, ...client } = account;
  return client;
}

const stringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

function holderName(store: SandboxStore, holder: Stripe.FinancialConnections.Session.AccountHolder | null): string | null {
  if (typeof holder?.customer === 'string') return store.customers.get(holder.customer)?.customer.name ?? null;
  if (typeof holder?.account === 'string') return store.accounts.get(holder.account)?.business_profile?.name ?? null;
  return null;
}

/**
 * Ends an FC flow: `{ cancel: true }` links nothing (Stripe reports that as an empty account list);
 * `{ institution, accounts, mode? }` creates an FC account per chosen institution account, and in
 * `mode: 'bank_account_token'` also a bank-account token. A session completes once.
 */
export function completeFinancialConnections(store: SandboxStore, record: FcSessionRecord, body: Record<string, unknown>): FcCompleteResponse {
  const session = record.object;
  if (record.completed) {
    throw SandboxApiError.invalid('This Financial Connections session was already completed. Create a new session for another flow.', undefined, 'session_already_completed');
  }
  const result = (accounts: Record<string, unknown>[]): FcCompleteResponse['financialConnectionsSession'] => ({
    id: session.id,
    accounts,
    permissions: session.permissions,
    ...(session.filters && { filters: { ...session.filters } }),
  });
  if (body.cancel === true) {
    record.completed = true;
    return { financialConnectionsSession: result([]) };
  }

  const institution: SandboxInstitution | undefined = store.institutions.find((i) => i.id === body.institution);
  if (!institution) throw SandboxApiError.noSuch('institution', String(body.institution ?? ''), 'institution');
  if (!stringList(body.accounts) || body.accounts.length === 0) {
    throw SandboxApiError.invalid('Expected "accounts": the ids of the institution accounts the user chose (or { cancel: true }).', 'accounts');
  }
  const mode = body.mode ?? 'accounts';
  if (mode !== 'accounts' && mode !== 'bank_account_token') throw SandboxApiError.invalid('"mode" must be accounts or bank_account_token.', 'mode');
  const chosen = body.accounts.map((id) => {
    const account = institution.accounts.find((a) => a.id === id);
    if (!account) throw SandboxApiError.noSuch('institution account', id, 'accounts');
    const allowed = session.filters?.account_subcategories;
    if (allowed && !allowed.includes(account.subcategory)) {
      throw SandboxApiError.invalid(`The session's filters allow only ${allowed.join(', ')} accounts; ${id} is ${account.subcategory}.`, 'accounts');
    }
    return account;
  });
  const limit = mode === 'bank_account_token' ? 1 : session.limits?.accounts;
  if (limit !== undefined && chosen.length > limit) throw SandboxApiError.invalid(`This session links at most ${limit} account(s).`, 'accounts');
  if (mode === 'bank_account_token' && !session.permissions.includes('payment_method')) {
    throw SandboxApiError.invalid('collectBankAccountToken needs a session created with permissions[]=payment_method.', 'mode');
  }

  const now = store.now();
  const holder = session.account_holder as Stripe.FinancialConnections.Account.AccountHolder;
  const linked = chosen.map((account) => {
    const fca = buildFcAccount({
      id: randomId('fca_', 24),
      created: now,
      holder,
      institutionName: institution.name,
      displayName: account.display_name,
      last4: account.last4,
      subcategory: account.subcategory,
      permissions: session.permissions,
      balance: 10_000 + (Number(account.last4) * 1337) % 500_000,
    });
    store.addFcAccount({ account: fca, context: record.context, session: session.id });
    store.webhooks.emit('financial_connections.account.created', fca, { account: record.context });
    return fca;
  });
  record.completed = true;
  const response: FcCompleteResponse = { financialConnectionsSession: result(linked.map(clientAccount)) };
  const first = chosen[0];
  if (mode === 'bank_account_token' && first) {
    const token = buildBankAccountToken({
      id: randomId('tok_', 24),
      bankAccountId: randomId('ba_', 24),
      created: now,
      holderName: holderName(store, session.account_holder),
      holderType: session.account_holder?.type === 'account' ? 'company' : 'individual',
      bankName: institution.name,
      last4: first.last4,
      fingerprint: randomId('', 16),
    });
    session.bank_account_token = token;
    response.token = token as unknown as Record<string, unknown>;
  }
  return response;
}
