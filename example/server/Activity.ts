import type Stripe from 'stripe';
import type { SignedInUser } from './SignedInUser';

/** A checkout payment of the signed-in customer, as the backend last heard of it. */
export interface PaymentActivity {
  /** `pi_…`. */
  id: string;
  amount: number;
  currency: string;
  status: 'open' | 'awaiting_authentication' | 'paid' | 'failed' | 'canceled';
  /** What was bought: the PaymentIntent's description, or its `metadata.order`. */
  label: string;
  /** Stripe's message when the last attempt failed (e.g. "Your card was declined."). */
  failure: string | null;
  /** Unix seconds. */
  created: number;
}

/** A bank account the signed-in customer linked through Financial Connections. */
export interface BankAccountActivity {
  /** `fca_…`. */
  id: string;
  institution: string;
  name: string;
  last4: string | null;
}

/** What `/api/activity` answers: what the backend knows from Stripe, kept current by webhooks. */
export interface ActivitySnapshot {
  /** Per connected account of the user: whether Stripe still needs anything from it. */
  onboarding: Record<string, 'complete' | 'pending'>;
  /** Newest first. */
  payments: PaymentActivity[];
  bankAccounts: BankAccountActivity[];
}

/** A PaymentIntent that reached one of these stays there, whatever order later deliveries come in. */
const FINAL: ReadonlySet<PaymentActivity['status']> = new Set(['paid', 'canceled']);

const STATUS: Partial<Record<Stripe.Event.Type, PaymentActivity['status']>> = {
  'payment_intent.created': 'open',
  'payment_intent.requires_action': 'awaiting_authentication',
  'payment_intent.succeeded': 'paid',
  'payment_intent.payment_failed': 'failed',
  'payment_intent.canceled': 'canceled',
};

const onboardingOf = (account: Stripe.Account): 'complete' | 'pending' =>
  account.details_submitted && (account.requirements?.currently_due?.length ?? 0) === 0 ? 'complete' : 'pending';

/**
 * The example's stand-in for an app database: what it knows about the signed-in user's Stripe
 * objects. `sync` reads them once when the user signs in; after that only verified webhook
 * events change it (`apply`), which is how a real backend learns of payments and onboarding.
 */
export class Activity {
  private onboarding = new Map<string, 'complete' | 'pending'>();
  private payments = new Map<string, PaymentActivity>();
  private bankAccounts = new Map<string, BankAccountActivity>();

  constructor(
    private readonly stripe: Stripe,
    private readonly user: SignedInUser,
  ) {}

  /** Reads the current state from Stripe (at sign-in), replacing what was known. */
  async sync(): Promise<void> {
    const [accounts, intents, banks] = await Promise.all([
      Promise.all(this.user.accounts.map((owned) => this.stripe.accounts.retrieve(owned.id))),
      this.stripe.paymentIntents.list({ customer: this.user.customer, limit: 20 }),
      this.stripe.financialConnections.accounts.list({ account_holder: { customer: this.user.customer }, limit: 20 }),
    ]);
    this.onboarding = new Map(accounts.map((account) => [account.id, onboardingOf(account)]));
    this.payments = new Map();
    for (const intent of intents.data) this.payments.set(intent.id, paymentOf(intent, statusOfIntent(intent)));
    this.bankAccounts = new Map(banks.data.map((bank) => [bank.id, bankAccountOf(bank)]));
  }

  /** Applies a verified webhook event. Events about other users' objects are ignored. */
  apply(event: Stripe.Event): void {
    switch (event.type) {
      case 'account.updated': {
        const account = event.data.object;
        if (this.user.accounts.some((owned) => owned.id === account.id)) this.onboarding.set(account.id, onboardingOf(account));
        return;
      }
      case 'financial_connections.account.created': {
        const bank = event.data.object;
        if (bank.account_holder?.customer === this.user.customer) this.bankAccounts.set(bank.id, bankAccountOf(bank));
        return;
      }
      case 'payment_intent.created':
      case 'payment_intent.requires_action':
      case 'payment_intent.succeeded':
      case 'payment_intent.payment_failed':
      case 'payment_intent.canceled': {
        const intent = event.data.object;
        const status = STATUS[event.type];
        const known = this.payments.get(intent.id);
        if (intent.customer !== this.user.customer || !status || (known && FINAL.has(known.status))) return;
        this.payments.set(intent.id, paymentOf(intent, status));
        return;
      }
      default:
        return;
    }
  }

  snapshot(): ActivitySnapshot {
    return {
      onboarding: Object.fromEntries(this.onboarding),
      payments: [...this.payments.values()].sort((a, b) => b.created - a.created),
      bankAccounts: [...this.bankAccounts.values()],
    };
  }
}

function statusOfIntent(intent: Stripe.PaymentIntent): PaymentActivity['status'] {
  switch (intent.status) {
    case 'succeeded':
      return 'paid';
    case 'canceled':
      return 'canceled';
    case 'requires_action':
      return 'awaiting_authentication';
    default:
      return intent.last_payment_error ? 'failed' : 'open';
  }
}

function paymentOf(intent: Stripe.PaymentIntent, status: PaymentActivity['status']): PaymentActivity {
  return {
    id: intent.id,
    amount: intent.amount,
    currency: intent.currency,
    status,
    label: intent.description ?? intent.metadata.order ?? 'Payment',
    failure: status === 'failed' ? (intent.last_payment_error?.message ?? 'The payment failed.') : null,
    created: intent.created,
  };
}

function bankAccountOf(bank: Stripe.FinancialConnections.Account): BankAccountActivity {
  return { id: bank.id, institution: bank.institution_name, name: bank.display_name ?? bank.institution_name, last4: bank.last4 };
}
