/** A connected account the signed-in user may act for. */
export interface OwnedAccount {
  id: string;
  name: string;
}

/** What `/api/me` answers: who is signed in and what they own. Identifiers only, no secrets. */
export interface SignedInUser {
  name: string;
  email: string;
  /** The connected accounts this user runs; the account switcher offers exactly these. */
  accounts: OwnedAccount[];
  /** The user's own Stripe customer, for saved cards and the pricing table. */
  customer: string;
}
