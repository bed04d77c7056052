import type Stripe from 'stripe';
import type { CardOutcome } from './testCards.js';

/** A PaymentMethod and how a payment with it ends (the test card it stands for). */
export interface StoredPaymentMethod {
  pm: Stripe.PaymentMethod;
  outcome: CardOutcome;
  /** The `Stripe-Account` it was created under (null: the platform). */
  context: string | null;
}

export interface StoredPaymentIntent {
  intent: Stripe.PaymentIntent;
  context: string | null;
  /** While `requires_action`: what happens once the customer authenticates. */
  afterAuthentication: CardOutcome | null;
  /**
   * While `requires_action`: the one-time reference in the challenge page's URL (Stripe's `source`),
   * and where that page sends the customer back. Not the client secret, which stays out of URLs.
   */
  challenge: { source: string; returnUrl: string | null } | null;
}
