// file: lib/currentUser.ts
import { stripe } from './stripe';

/** Who is signed in, and what they may see in Stripe. */
export interface SignedInUser {
  account: string;
  customer: string;
}

let demoUser: Promise<SignedInUser | null> | undefined;

/**
 * Stands in for your authentication: read the session cookie from `request` (or `cookies()` in a
 * Server Action) and look the user up. Here every visitor is one demo user: the platform's first
 * connected account, and the customer with the demo email. The sandbox seeds that customer with
 * two saved cards (Visa 4242, Mastercard 4444), so saved cards have something to show; on Stripe
 * the first visit creates the customer, without cards.
 */
export function currentUser(_request?: Request): Promise<SignedInUser | null> {
  demoUser ??= (async () => {
    const [account] = (await stripe().accounts.list({ limit: 1 })).data;
    if (!account) return null;
    const email = 'jenny.rosen@example.com';
    const [existing] = (await stripe().customers.list({ email, limit: 1 })).data;
    const customer = existing ?? (await stripe().customers.create({ email, name: 'Jenny Rosen' }));
    return { account: account.id, customer: customer.id };
  })();
  // A failed lookup is not kept: the next request tries again.
  demoUser.catch(() => (demoUser = undefined));
  return demoUser;
}
