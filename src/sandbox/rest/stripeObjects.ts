import type Stripe from 'stripe';
import { SandboxApiError } from '../engine/SandboxApiError.js';

// Builders for the REST objects the sandbox answers, each typed with the `stripe` package's own
// type so the compiler proves the shape. Field values follow Stripe's OpenAPI fixtures.

export interface AccountInput {
  id: string;
  created: number;
  email: string | null;
  country: string;
  businessName: string | null;
  type: Stripe.Account.Type;
  metadata?: Record<string, string>;
}

const requirements = (due: string[]): Stripe.Account.Requirements => ({
  alternatives: [],
  current_deadline: null,
  currently_due: due,
  disabled_reason: due.length ? 'requirements.past_due' : null,
  errors: [],
  eventually_due: due,
  past_due: [],
  pending_verification: [],
});

export function buildAccount(input: AccountInput, due: string[]): Stripe.Account {
  return {
    id: input.id,
    object: 'account',
    business_profile: {
      mcc: null,
      name: input.businessName,
      product_description: null,
      support_address: null,
      support_email: null,
      support_phone: null,
      support_url: null,
      url: null,
    } as Stripe.Account.BusinessProfile,
    business_type: null,
    capabilities: { card_payments: 'active', transfers: 'active' },
    charges_enabled: due.length === 0,
    controller: { type: input.type === 'standard' ? 'account' : 'application' },
    country: input.country,
    created: input.created,
    default_currency: input.country === 'US' ? 'usd' : 'eur',
    details_submitted: due.length === 0,
    email: input.email,
    external_accounts: { object: 'list', data: [], has_more: false, url: `/v1/accounts/${input.id}/external_accounts` },
    future_requirements: requirements([]) as Stripe.Account.FutureRequirements,
    metadata: input.metadata ?? {},
    payouts_enabled: due.length === 0,
    requirements: requirements(due),
    settings: {
      branding: { icon: null, logo: null, primary_color: null, secondary_color: null },
      card_payments: { decline_on: { avs_failure: true, cvc_failure: true }, statement_descriptor_prefix: null, statement_descriptor_prefix_kana: null, statement_descriptor_prefix_kanji: null },
      dashboard: { display_name: input.businessName, timezone: 'Etc/UTC' },
      payments: { statement_descriptor: null, statement_descriptor_kana: null, statement_descriptor_kanji: null, statement_descriptor_prefix_kana: null, statement_descriptor_prefix_kanji: null },
      payouts: { debit_negative_balances: true, schedule: { delay_days: 2, interval: 'daily' }, statement_descriptor: null },
    },
    tos_acceptance: { date: null, ip: null, user_agent: null },
    type: input.type,
  } satisfies Stripe.Account;
}

export interface CustomerInput {
  id: string;
  created: number;
  email: string | null;
  name: string | null;
  description: string | null;
  phone: string | null;
  metadata?: Record<string, string>;
}

export function buildCustomer(input: CustomerInput): Stripe.Customer {
  return {
    id: input.id,
    object: 'customer',
    address: null,
    balance: 0,
    created: input.created,
    currency: 'usd',
    default_source: null,
    delinquent: false,
    description: input.description,
    email: input.email,
    invoice_prefix: input.id.slice(4, 11).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: input.metadata ?? {},
    name: input.name,
    next_invoice_sequence: 1,
    phone: input.phone,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  } satisfies Stripe.Customer;
}

/** The `{ object: 'list' }` envelope, paginated like Stripe: newest first, `starting_after`/`ending_before` by id. */
export function buildList<T extends { id: string }>(
  items: readonly T[],
  url: string,
  page: { limit?: number; starting_after?: string; ending_before?: string },
  onMissingCursor: (param: string, id: string) => Error,
): Stripe.ApiList<T> {
  const limit = page.limit ?? 10;
  let start = 0;
  let end = items.length;
  if (page.starting_after !== undefined) {
    const at = items.findIndex((item) => item.id === page.starting_after);
    if (at === -1) throw onMissingCursor('starting_after', page.starting_after);
    start = at + 1;
  } else if (page.ending_before !== undefined) {
    const at = items.findIndex((item) => item.id === page.ending_before);
    if (at === -1) throw onMissingCursor('ending_before', page.ending_before);
    end = at;
    start = Math.max(0, end - limit);
  }
  const data = items.slice(start, Math.min(end, start + limit));
  const hasMore = page.ending_before !== undefined ? start > 0 : start + data.length < end;
  return { object: 'list', data, has_more: hasMore, url };
}

const PAGE_PREFIX = 'page_';

/**
 * The `{ object: 'search_result' }` envelope. `next_page` is an opaque token (here: the last id
 * shown) that the SDK sends back as `page`; a token that names no result is Stripe's 400 on `page`.
 */
export function buildSearchResult<T extends { id: string }>(
  items: readonly T[],
  url: string,
  page: { limit?: number; page?: string },
  totalCount: boolean,
): Stripe.ApiSearchResult<T> {
  let after: string | undefined;
  if (page.page !== undefined) {
    after = page.page.startsWith(PAGE_PREFIX) ? Buffer.from(page.page.slice(PAGE_PREFIX.length), 'base64url').toString('utf8') : '';
  }
  const badPage = () =>
    SandboxApiError.invalid('Invalid page: use the next_page value of the previous search_result, with the same query.', 'page');
  const list = buildList(items, url, { ...(page.limit !== undefined && { limit: page.limit }), ...(after !== undefined && { starting_after: after }) }, badPage);
  const last = list.data[list.data.length - 1];
  return {
    object: 'search_result',
    data: list.data,
    has_more: list.has_more,
    next_page: list.has_more && last ? PAGE_PREFIX + Buffer.from(last.id).toString('base64url') : null,
    url,
    ...(totalCount && { total_count: items.length }),
  };
}

export interface FcAccountInput {
  id: string;
  created: number;
  holder: Stripe.FinancialConnections.Account.AccountHolder;
  institutionName: string;
  displayName: string;
  last4: string;
  subcategory: 'checking' | 'savings';
  permissions: Stripe.FinancialConnections.Account.Permission[];
  balance: number;
}

export function buildFcAccount(input: FcAccountInput): Stripe.FinancialConnections.Account {
  const withBalances = input.permissions.includes('balances');
  const refreshed = { last_attempted_at: input.created, next_refresh_available_at: null, status: 'succeeded' } as const;
  return {
    id: input.id,
    object: 'financial_connections.account',
    account_holder: input.holder,
    account_numbers: null,
    balance: withBalances
      ? { as_of: input.created, current: { usd: input.balance }, type: 'cash', cash: { available: { usd: input.balance } } }
      : null,
    balance_refresh: withBalances ? refreshed : null,
    category: 'cash',
    created: input.created,
    display_name: input.displayName,
    institution_name: input.institutionName,
    last4: input.last4,
    livemode: false,
    ownership: null,
    ownership_refresh: null,
    permissions: input.permissions,
    status: 'active',
    subcategory: input.subcategory,
    subscriptions: [],
    supported_payment_method_types: ['us_bank_account'],
    transaction_refresh: null,
  } satisfies Stripe.FinancialConnections.Account;
}

export interface BankAccountTokenInput {
  id: string;
  bankAccountId: string;
  created: number;
  holderName: string | null;
  holderType: 'individual' | 'company';
  bankName: string;
  last4: string;
  fingerprint: string;
}

/** The token `collectBankAccountToken` resolves with (contracts §4.6). */
export function buildBankAccountToken(input: BankAccountTokenInput): Stripe.Token {
  return {
    id: input.id,
    object: 'token',
    bank_account: {
      id: input.bankAccountId,
      object: 'bank_account',
      account_holder_name: input.holderName,
      account_holder_type: input.holderType,
      account_type: null,
      bank_name: input.bankName.toUpperCase(),
      country: 'US',
      currency: 'usd',
      fingerprint: input.fingerprint,
      last4: input.last4,
      routing_number: '110000000',
      status: 'new',
    },
    client_ip: null,
    created: input.created,
    livemode: false,
    type: 'bank_account',
    used: false,
  } satisfies Stripe.Token;
}
