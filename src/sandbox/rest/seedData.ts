import type Stripe from 'stripe';
import type {
  SandboxAccountProfile,
  SandboxBalance,
  SandboxCard,
  SandboxDispute,
  SandboxDocument,
  SandboxInstitution,
  SandboxPayment,
  SandboxPayout,
  SandboxPlan,
} from '../protocol.js';
import { randomId } from '../engine/randomId.js';
import { seededRandom } from './seededRandom.js';
import { buildAccount, buildCustomer } from './stripeObjects.js';

/** What the browser stand-ins show for one connected account. */
export interface AccountData {
  profile: SandboxAccountProfile;
  payments: SandboxPayment[];
  payouts: SandboxPayout[];
  balance: SandboxBalance;
  disputes: SandboxDispute[];
  documents: SandboxDocument[];
}

export interface SeedData {
  platformId: string;
  accounts: Stripe.Account[];
  accountData: Map<string, AccountData>;
  customers: Stripe.Customer[];
  cards: Map<string, SandboxCard[]>;
  plans: SandboxPlan[];
  institutions: SandboxInstitution[];
}

const DAY = 86_400;
const NAMES = ['Jenny Rosen', 'Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Linus Pauling'];
const PAYMENT_STATUSES: SandboxPayment['status'][] = ['succeeded', 'succeeded', 'succeeded', 'pending', 'refunded', 'failed'];
const ONBOARDING_DUE = ['business_profile.url', 'external_account', 'tos_acceptance.date', 'tos_acceptance.ip'];

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

/**
 * Payments, payouts, balance, disputes and documents for one account. Seeded by the account id,
 * so an account created at runtime through `POST /v1/accounts` gets its own stable data too.
 */
export function generateAccountData(account: Stripe.Account, now: number): AccountData {
  const rand = seededRandom([...account.id].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261));
  const currency = account.default_currency ?? 'usd';
  const payments = Array.from({ length: 8 }, (_, i): SandboxPayment => ({
    id: randomId('py_', 24, rand),
    amount: 500 + Math.floor(rand() * 200) * 100,
    currency,
    status: i === 2 ? 'disputed' : pick(rand, PAYMENT_STATUSES),
    description: `Order #${1000 + i}`,
    customer_name: pick(rand, NAMES),
    payment_method: pick(rand, ['visa •••• 4242', 'mastercard •••• 4444', 'amex •••• 8431']),
    created: now - i * DAY - Math.floor(rand() * DAY),
  }));
  const payouts = Array.from({ length: 5 }, (_, i): SandboxPayout => ({
    id: randomId('po_', 24, rand),
    amount: 10_000 + Math.floor(rand() * 500) * 100,
    currency,
    status: i === 0 ? 'pending' : i === 1 ? 'in_transit' : 'paid',
    arrival_date: now - (i - 1) * 7 * DAY,
    destination_last4: '6789',
  }));
  const disputed = payments.filter((p) => p.status === 'disputed');
  const due = account.requirements?.currently_due ?? [];
  return {
    profile: {
      id: account.id,
      business_name: account.business_profile?.name ?? account.id,
      country: account.country ?? 'US',
      email: account.email ?? '',
      requirements: {
        currently_due: due,
        eventually_due: account.requirements?.eventually_due ?? [],
      },
      notifications: { total: due.length ? 2 : 0, actionRequired: due.length ? 1 : 0 },
    },
    payments,
    payouts,
    balance: {
      available: [{ amount: 50_000 + Math.floor(rand() * 1000) * 100, currency }],
      pending: [{ amount: Math.floor(rand() * 300) * 100, currency }],
    },
    disputes: disputed.map((p) => ({
      id: randomId('dp_', 24, rand),
      payment: p.id,
      amount: p.amount,
      currency,
      reason: 'product_not_received',
      status: 'needs_response',
    })),
    documents: [
      { id: randomId('doc_', 16, rand), title: `1099-K ${new Date(now * 1000).getUTCFullYear() - 1}`, created: now - 60 * DAY },
      { id: randomId('doc_', 16, rand), title: 'Account statement', created: now - 30 * DAY },
    ],
  };
}

const institution = (id: string, name: string, checking: string, savings: string): SandboxInstitution => ({
  id,
  name,
  accounts: [
    { id: `${id}_checking`, display_name: `${name} Checking`, subcategory: 'checking', last4: checking },
    { id: `${id}_savings`, display_name: `${name} Savings`, subcategory: 'savings', last4: savings },
  ],
});

/**
 * The demo world for a seed: a platform with two connected accounts (one fully onboarded, one
 * with requirements due), a customer with two saved cards, plans for the pricing table, and two
 * test institutions with a checking and a savings account each.
 */
export function seedData(seed: number, now: number): SeedData {
  const rand = seededRandom(seed);
  const accounts = [
    buildAccount(
      { id: randomId('acct_', 16, rand), created: now - 400 * DAY, email: 'owner@furever.example', country: 'US', businessName: 'Furever Grooming', type: 'express' },
      [],
    ),
    buildAccount(
      { id: randomId('acct_', 16, rand), created: now - 3 * DAY, email: 'hello@pawsome.example', country: 'US', businessName: 'Pawsome Supplies', type: 'express' },
      ONBOARDING_DUE,
    ),
  ];
  const platformId = randomId('acct_', 16, rand);
  const customer = buildCustomer({
    id: randomId('cus_', 14, rand),
    created: now - 90 * DAY,
    email: 'jenny.rosen@example.com',
    name: 'Jenny Rosen',
    description: 'Sandbox customer with two saved cards',
    phone: null,
  });
  const cards: SandboxCard[] = [
    { id: randomId('pm_', 24, rand), brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2034 },
    { id: randomId('pm_', 24, rand), brand: 'mastercard', last4: '4444', exp_month: 8, exp_year: 2031 },
  ];
  return {
    platformId,
    accounts,
    accountData: new Map(accounts.map((a) => [a.id, generateAccountData(a, now)])),
    customers: [customer],
    cards: new Map([[customer.id, cards]]),
    plans: [
      { id: 'price_sandbox_starter', name: 'Starter', amount: 900, currency: 'usd', interval: 'month' },
      { id: 'price_sandbox_pro', name: 'Pro', amount: 2900, currency: 'usd', interval: 'month' },
      { id: 'price_sandbox_pro_yearly', name: 'Pro (yearly)', amount: 29_000, currency: 'usd', interval: 'year' },
    ],
    institutions: [
      institution('inst_sandbox_bank', 'Sandbox Bank', '6789', '1234'),
      institution('inst_test_credit_union', 'Test Credit Union', '4321', '8765'),
    ],
  };
}
