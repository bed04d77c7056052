import type Stripe from 'stripe';

type Features = Record<string, boolean>;
/** A feature's default may depend on the other features the caller set (Stripe documents two such rules). */
type FeatureDefault = boolean | ((given: Features) => boolean);

const eac: FeatureDefault = true;
const noStripeAuth: FeatureDefault = (given) => !(given.external_account_collection ?? true);
const paymentFeatures = {
  capture_payments: true,
  destination_on_behalf_of_charge_management: false,
  dispute_management: true,
  refund_management: true,
  smart_disputes_management: (given: Features) => given.dispute_management ?? true,
} satisfies Record<string, FeatureDefault>;
const { capture_payments: _capture, ...disputeFeatures } = paymentFeatures;
// Stripe ties these two to `controller.losses.payments`; the seeded accounts have platform-owned
// losses, so they default to false, as in Stripe's own fixture (a sandbox choice).
const payoutFeatures = {
  disable_stripe_user_authentication: noStripeAuth,
  edit_payout_schedule: false,
  external_account_collection: eac,
  instant_payouts: true,
  standard_payouts: false,
} satisfies Record<string, FeatureDefault>;
const accountFeatures = { disable_stripe_user_authentication: noStripeAuth, external_account_collection: eac };
// Undocumented defaults (issuing, treasury) follow Stripe's fixture values.
const issuingFeatures = { card_management: true, card_spend_dispute_management: true, cardholder_management: true, spend_control_management: true };

/**
 * Every AccountSession component key with its features and their defaults
 * (`npm:stripe@23.1.0` AccountSessions.d.ts; contracts §2). Keys absent from a request come
 * back disabled with their defaults, as Stripe answers.
 */
export const ACCOUNT_SESSION_COMPONENTS = {
  account_management: accountFeatures,
  account_onboarding: accountFeatures,
  balance_report: {},
  balances: payoutFeatures,
  disputes_list: paymentFeatures,
  documents: {},
  financial_account: { ...accountFeatures, send_money: true, transfer_balance: true },
  financial_account_transactions: { card_spend_dispute_management: true },
  instant_payouts_promotion: { ...accountFeatures, instant_payouts: true },
  issuing_card: issuingFeatures,
  issuing_cards_list: { ...issuingFeatures, disable_stripe_user_authentication: noStripeAuth },
  notification_banner: accountFeatures,
  payment_details: paymentFeatures,
  payment_disputes: disputeFeatures,
  payment_method_settings: { disable_stripe_user_authentication: false },
  payments: paymentFeatures,
  payout_details: {},
  payout_reconciliation_report: {},
  payouts: payoutFeatures,
  payouts_list: {},
  reporting_chart: {},
  tax_registrations: {},
  tax_settings: {},
  terminal_hardware_orders: {},
  terminal_hardware_shop: {},
} as const satisfies {
  // The compiler checks every key and every feature name against the Stripe SDK's own type.
  [K in keyof Stripe.AccountSession.Components]: Record<keyof Stripe.AccountSession.Components[K]['features'], FeatureDefault>;
};

export type AccountSessionComponentKey = keyof typeof ACCOUNT_SESSION_COMPONENTS;

/** What the caller asked for, already validated: `{ payments: { enabled: true, features: { refund_management: false } } }`. */
export type RequestedComponents = Partial<Record<string, { enabled: boolean; features?: Features }>>;

/** The `components` Stripe answers: every key, each with all its features filled in. */
export function fillAccountSessionComponents(requested: RequestedComponents): Stripe.AccountSession.Components {
  const out: Record<string, { enabled: boolean; features: Features }> = {};
  for (const [key, defaults] of Object.entries(ACCOUNT_SESSION_COMPONENTS)) {
    const given = requested[key]?.features ?? {};
    const features: Features = {};
    for (const [feature, fallback] of Object.entries(defaults as Record<string, FeatureDefault>)) {
      features[feature] = given[feature] ?? (typeof fallback === 'function' ? fallback(given) : fallback);
    }
    out[key] = { enabled: requested[key]?.enabled ?? false, features };
  }
  // Built from the table that is checked against Stripe.AccountSession.Components: same keys, same features.
  return out as unknown as Stripe.AccountSession.Components;
}
