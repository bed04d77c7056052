/**
 * The contract between the sandbox REST server (Node) and the browser stand-ins for Connect.js
 * and Stripe.js. Both sides import these names so they cannot drift apart.
 *
 * Everything under `/sandbox/` is the sandbox's own API: Stripe has no such routes. The stand-ins
 * run on the application's origin, so the browser routes answer CORS preflights for any origin.
 * Errors use Stripe's error JSON: `{ error: { type, code, message, param?, doc_url? } }`.
 */

import { BUY_BUTTON_JS_URL, CONNECT_JS_URL, PRICING_TABLE_JS_URL, STRIPE_JS_URL } from '../shared/stripeScriptUrls.js';

/** Stand-in scripts served by the sandbox, each with the sandbox's base URL baked in. */
export const SCRIPT_ROUTES = {
  connect: '/sandbox/scripts/connect.js',
  stripe: '/sandbox/scripts/stripe.js',
  pricingTable: '/sandbox/scripts/pricing-table.js',
  buyButton: '/sandbox/scripts/buy-button.js',
} as const;

/** The real Stripe script URLs that the stand-ins replace. */
export const STRIPE_SCRIPT_URLS = {
  connect: CONNECT_JS_URL,
  stripe: STRIPE_JS_URL,
  pricingTable: PRICING_TABLE_JS_URL,
  buyButton: BUY_BUTTON_JS_URL,
} as const;

/** Browser routes (JSON in, JSON out). `:token` routes take `Authorization: Bearer <claim token>`. */
export const BROWSER_ROUTES = {
  /**
   * POST `{ client_secret, publishable_key? }` → {@link ClaimResponse}. First claim wins; reused/expired/unknown
   * fail. A `publishable_key` other than `pk_test_…` is Stripe's 401 (the sandbox is test mode), before the claim.
   */
  claim: '/sandbox/v1/claim',
  /**
   * GET (token) → `{ data: SandboxPayment[] }` for the claimed account. The account data routes answer
   * 403 `component_not_enabled` unless the AccountSession enabled a component that shows that data
   * (payments: payments/payment_details/disputes_list/payment_disputes; payouts and balance: the
   * payout and balance components; documents: documents). `account` needs no component.
   */
  payments: '/sandbox/v1/account/payments',
  /** GET (token) → `{ data: SandboxPayout[] }`. */
  payouts: '/sandbox/v1/account/payouts',
  /** GET (token) → {@link SandboxBalance}. */
  balance: '/sandbox/v1/account/balance',
  /** GET (token) → `{ data: SandboxDispute[] }`. */
  disputes: '/sandbox/v1/account/disputes',
  /** GET (token) → `{ data: SandboxDocument[] }`. */
  documents: '/sandbox/v1/account/documents',
  /** GET (token) → {@link SandboxAccountProfile} (name, requirements, notifications). */
  account: '/sandbox/v1/account',
  /**
   * POST (token, AccountSession with `account_onboarding` enabled) → {@link SandboxAccountProfile}:
   * the user submitted the onboarding stand-in, so the account's onboarding completes as at Stripe
   * (requirements cleared, charges and payouts enabled, `account.updated` emitted). Idempotent.
   */
  completeOnboarding: '/sandbox/v1/account/onboarding/complete',
  /**
   * GET (token, customer session) → `{ data: SandboxCard[] }`; 403 `component_not_enabled` unless the
   * CustomerSession enabled payment_element, customer_sheet or mobile_payment_element.
   */
  paymentMethods: '/sandbox/v1/customer/payment_methods',
  /** GET (token, customer session) → `{ data: SandboxPlan[] }` for the pricing table / buy button (403 `component_not_enabled` unless one is enabled). */
  plans: '/sandbox/v1/customer/plans',
  /** GET (token, FC session) → `{ data: SandboxInstitution[] }`. */
  institutions: '/sandbox/v1/financial_connections/institutions',
  /**
   * POST (token, FC session) `{ institution, accounts: string[], mode?: 'accounts' | 'bank_account_token' }`
   * or `{ cancel: true }` → {@link FcCompleteResponse}. `mode: 'bank_account_token'` (one account,
   * `payment_method` permission) adds `token`. A session completes once.
   */
  fcComplete: '/sandbox/v1/financial_connections/complete',
  /** POST (token) → `{ ok: true }`; ends the claimed session (Connect `logout()`). */
  logout: '/sandbox/v1/logout',
  /**
   * POST `{ type, detail? }` → `{ ok: true }`: the stand-ins report what happens only in the browser
   * (`fetch_client_secret` calls, `load_error`, `loader_start`), counted in state `events`. No secrets.
   */
  events: '/sandbox/v1/events',
  /**
   * POST `{ client_secret, outcome: 'complete' | 'fail' }` → the PaymentIntent: the customer's answer
   * to the 3D Secure challenge of a `requires_action` PaymentIntent. Takes the PaymentIntent's
   * client secret (in the body, never the URL), as Stripe.js does; a wrong one is a 404.
   */
  authenticatePayment: '/sandbox/v1/payment_intents/:id/authenticate',
  /**
   * POST `{ client_secret }` → the PaymentIntent: what `stripe.retrievePaymentIntent` and
   * `handleNextAction` read. Stripe.js sends the secret in a GET query; the stand-in keeps it in the body.
   */
  paymentIntent: '/sandbox/v1/payment_intents/:id',
  /**
   * GET `?source=src_…` → an HTML page, the challenge a `redirect_to_url` next action sends the
   * customer to; its form POSTs `source` and `outcome` back here, which answers 303 to the
   * `return_url` with `payment_intent`, `payment_intent_client_secret` and `redirect_status`, as
   * Stripe's redirect does. The `source` is the one-time reference from `next_action`, not a secret.
   */
  threeDSecure: '/sandbox/v1/three_d_secure/:id',
} as const;

/**
 * Where the control routes live. They answer only the developer's tools and loopback pages (CORS
 * for that origin, never `*`), and are never failed or delayed, so a reset always works.
 */
export const CONTROL_ROUTE_PREFIX = '/sandbox/control/';

/** Test controls (JSON). Also available programmatically on the sandbox object. */
export const CONTROL_ROUTES = {
  /** GET → {@link SandboxStateSnapshot}. */
  state: '/sandbox/control/state',
  /** POST → `{ ok: true }`; back to the seeded state. */
  reset: '/sandbox/control/reset',
  /** POST `{ ms, route? }`: latency for every route or one route key. */
  latency: '/sandbox/control/latency',
  /**
   * POST `{ route, status, count, code? }`: fail the next `count` requests to `route`; or
   * `{ route, drop: true, count? }`: run them, then cut the connection (a lost response). `route`
   * is a route key (`POST /v1/account_sessions`) or a bare path (any method).
   */
  fail: '/sandbox/control/fail',
  /** POST `{ seconds }`: lifetime of new AccountSessions and CustomerSessions. */
  lifetime: '/sandbox/control/lifetime',
  /** POST `{ advanceSeconds }` or `{ now }` (unix seconds): the test clock. */
  clock: '/sandbox/control/clock',
  /**
   * POST `{ type, objectId?, timeoutMs? }` → the Stripe event: the first of `type` since the last
   * reset, or the next one emitted (the answer waits for it); 408 `sandbox_event_timeout` after `timeoutMs` (default 10 000).
   */
  waitForEvent: '/sandbox/control/wait_for_event',
  /** POST `{ account }` → the updated account: its onboarding completes (requirements cleared, `account.updated` emitted). */
  completeOnboarding: '/sandbox/control/complete_onboarding',
} as const;

/**
 * Route keys used by state counters, latency and failure injection. REST routes are keyed
 * `METHOD path-pattern`, e.g. `POST /v1/account_sessions`; browser routes by their path,
 * e.g. `POST /sandbox/v1/claim`.
 */
export type RouteKey = string;

/**
 * The session kinds the sandbox issues secrets for. The same strings as the core's `SessionKind`,
 * repeated here so the browser stand-ins depend on this contract file alone.
 */
export type SandboxSessionKind = 'account_session' | 'customer_session' | 'financial_connections_session';

/** The answer to a successful claim. The secret itself is never echoed back. */
export interface ClaimResponse {
  kind: SandboxSessionKind;
  /** Opaque bearer token for the claimed session's data routes (not a Stripe secret). */
  token: string;
  /** Unix seconds; null for FC sessions (Stripe gives them no expires_at). */
  expires_at: number | null;
  /** The sandbox's time at the claim (unix seconds), so stand-ins time refreshes on the test clock. */
  now: number;
  account?: string;
  customer?: string;
  /** AccountSession: the enabled components and their features, as created. */
  components?: Record<string, { enabled: boolean; features: Record<string, unknown> }>;
  /** FC: the session's permissions and filters. */
  permissions?: string[];
  filters?: Record<string, unknown>;
  livemode: false;
}

/**
 * Claim failures (sandbox choice, labelled as such in the docs): HTTP 400 with
 * `type: 'invalid_request_error'` and `code` one of these; 404 `resource_missing` for an unknown secret.
 */
export type ClaimErrorCode = 'session_already_claimed' | 'session_expired' | 'resource_missing' | 'session_logged_out';

/**
 * One payment on a connected account, as the payments and payment-details stand-ins list it: a
 * flattened view made for rendering, not Stripe's PaymentIntent or Charge object.
 */
export interface SandboxPayment {
  /** `py_…`. */
  id: string;
  /** In the currency's smallest unit (cents for `usd`), as every Stripe amount. */
  amount: number;
  /** Lowercase ISO 4217 code, e.g. `usd`. */
  currency: string;
  status: 'succeeded' | 'pending' | 'failed' | 'refunded' | 'disputed';
  description: string;
  customer_name: string;
  /** Display text, e.g. `visa •••• 4242`; never a full card number. */
  payment_method: string;
  /** Unix seconds. */
  created: number;
}

/** One payout to the connected account's bank, as the payouts stand-in lists it. */
export interface SandboxPayout {
  /** `po_…`. */
  id: string;
  /** In the currency's smallest unit. */
  amount: number;
  currency: string;
  status: 'paid' | 'pending' | 'in_transit' | 'failed';
  /** Unix seconds; later than now for a payout still pending. */
  arrival_date: number;
  destination_last4: string;
}

/** The connected account's balance per currency, amounts in the currency's smallest unit. */
export interface SandboxBalance {
  /** Funds that can be paid out now. */
  available: { amount: number; currency: string }[];
  /** Funds not yet settled. */
  pending: { amount: number; currency: string }[];
}

/** A dispute on one of the account's payments, as the disputes stand-ins list it. */
export interface SandboxDispute {
  /** `dp_…`. */
  id: string;
  /** The disputed {@link SandboxPayment}'s id. */
  payment: string;
  /** In the currency's smallest unit. */
  amount: number;
  currency: string;
  /** Stripe's dispute reason, e.g. `product_not_received`. */
  reason: string;
  /** Stripe's dispute status, e.g. `needs_response`. */
  status: string;
}

/** A tax form or statement the documents stand-in offers for the account. */
export interface SandboxDocument {
  /** `doc_…`. */
  id: string;
  title: string;
  /** Unix seconds. */
  created: number;
}

/**
 * What the account-level stand-ins (onboarding, management, notification banner) show about the
 * claimed connected account.
 */
export interface SandboxAccountProfile {
  /** `acct_…`. */
  id: string;
  /** The business profile's name, or the account id when it has none. */
  business_name: string;
  /** ISO 3166-1 alpha-2, e.g. `US`. */
  country: string;
  email: string;
  /** Requirement paths as Stripe names them (e.g. `external_account`); empty once onboarded. */
  requirements: { currently_due: string[]; eventually_due: string[] };
  /** Counts for the notification banner; `actionRequired` is non-zero while requirements are due. */
  notifications: { total: number; actionRequired: number };
}

/** A saved card of the session's customer, as the saved-cards stand-in lists it. */
export interface SandboxCard {
  /** `pm_…`. */
  id: string;
  /** Lowercase, as Stripe names it: `visa`, `mastercard`, … */
  brand: string;
  last4: string;
  /** 1–12. */
  exp_month: number;
  /** Four digits. */
  exp_year: number;
}

/** A price the pricing-table and buy-button stand-ins offer. */
export interface SandboxPlan {
  /** `price_…`. */
  id: string;
  name: string;
  /** In the currency's smallest unit, per `interval`. */
  amount: number;
  currency: string;
  /** Billing period; `null` for a one-off price. */
  interval: 'month' | 'year' | null;
}

/**
 * A test bank in the Financial Connections stand-in, with the accounts a user can pick. A
 * session's `filters.account_subcategories` narrows which of them are offered.
 */
export interface SandboxInstitution {
  /** `inst_…`. */
  id: string;
  name: string;
  accounts: { id: string; display_name: string; subcategory: 'checking' | 'savings'; last4: string }[];
}

/** The client-side FC result shapes (`@stripe/stripe-js`), as the stand-in resolves them. */
export interface FcCompleteResponse {
  financialConnectionsSession: {
    id: string;
    accounts: Record<string, unknown>[];
    permissions?: string[];
    filters?: Record<string, unknown>;
  };
  /** Only in `bank_account_token` flows. */
  token?: Record<string, unknown>;
}

/**
 * What the sandbox has seen since it started or was last reset: the numbers tests assert on
 * (e.g. "one AccountSession for two components"). Returned by `sandbox.state()` and
 * `GET /sandbox/control/state`; it holds redacted secrets only.
 */
export interface SandboxStateSnapshot {
  /** Sessions created, per kind. */
  sessionsCreated: Record<SandboxSessionKind, number>;
  /** Successful claims, per kind. */
  claims: Record<SandboxSessionKind, number>;
  /** Refused claims, per error code ({@link ClaimErrorCode}). */
  claimErrors: Record<string, number>;
  /** Redacted secrets that were claimed, in order (prefix + last 4). */
  claimedSecrets: string[];
  /** Browser-side events reported by the stand-ins, per type (e.g. `fetch_client_secret`). */
  events: Record<string, number>;
  /** Requests per route key. */
  requests: Record<RouteKey, number>;
  /** Current sandbox time, unix seconds. */
  now: number;
  /** Lifetime given to new AccountSessions and CustomerSessions, in seconds. */
  lifetimeSeconds: number;
  /** Delay added to every route without its own latency, in ms. */
  latencyMs: number;
  /** Ids of the seeded demo objects (stable for a given seed). */
  seeded: { platform: string; accounts: string[]; customers: string[] };
  /** Sessions held in memory right now (expired ones are evicted after a grace period). */
  liveSessions: number;
  /**
   * Stripe events since the last reset and their webhook deliveries: POSTs answered 2xx, attempts
   * that failed (non-2xx, no answer), and deliveries given up after the last retry.
   */
  webhooks: { events: number; delivered: number; failedAttempts: number; gaveUp: number };
}
