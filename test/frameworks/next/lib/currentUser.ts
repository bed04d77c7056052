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
 * connected account, and a customer created once per server process.
 */
export function currentUser(_request?: Request): Promise<SignedInUser | null> {
  demoUser ??= (async () => {
    const [account] = (await stripe().accounts.list({ limit: 1 })).data;
    if (!account) return null;
    const customer = await stripe().customers.create({ email: 'jenny.rosen@example.com', name: 'Jenny Rosen' });
    return { account: account.id, customer: customer.id };
  })();
  // A failed lookup is not kept: the next request tries again.
  demoUser.catch(() => (demoUser = undefined));
  return demoUser;
}
