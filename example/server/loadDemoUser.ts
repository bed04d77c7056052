import type Stripe from 'stripe';
import type { SignedInUser } from './SignedInUser';

const DEMO_EMAIL = 'jenny.rosen@example.com';

export interface DemoUserOptions {
  /** The customer to use; otherwise found by the demo email, or created once. */
  customer?: string | undefined;
  /** Connected accounts to use; otherwise the platform's two newest. */
  accounts?: string[] | undefined;
}

/**
 * The stand-in signed-in user: owns two connected accounts and one customer. Looked up through
 * the `stripe` client, so the same code works on the sandbox (its seeded world) and on a real
 * Stripe test account.
 */
export async function loadDemoUser(stripe: Stripe, options: DemoUserOptions = {}): Promise<SignedInUser> {
  const accounts = options.accounts?.length
    ? await Promise.all(options.accounts.map((id) => stripe.accounts.retrieve(id)))
    : (await stripe.accounts.list({ limit: 2 })).data;
  if (accounts.length < 2) {
    throw new Error(
      `example: the signed-in user needs two connected accounts, and the platform has ${accounts.length}. ` +
        'Create two in test mode (Dashboard → Connected accounts → Create) or list them in EXAMPLE_CONNECTED_ACCOUNTS=acct_…,acct_…',
    );
  }
  return {
    name: 'Jenny Rosen',
    email: DEMO_EMAIL,
    accounts: accounts.map((account) => ({ id: account.id, name: account.business_profile?.name ?? account.email ?? account.id })),
    customer: options.customer ?? (await findOrCreateCustomer(stripe)),
  };
}

async function findOrCreateCustomer(stripe: Stripe): Promise<string> {
  const [existing] = (await stripe.customers.list({ email: DEMO_EMAIL, limit: 1 })).data;
  if (existing) return existing.id;
  const created = await stripe.customers.create({ email: DEMO_EMAIL, name: 'Jenny Rosen', description: 'embedkit example: the demo signed-in user' });
  return created.id;
}
