// file: app/actions.ts
'use server';
import { currentUser } from '../lib/currentUser';
import { stripe } from '../lib/stripe';

/** A Server Action as `fetchSecret`: a fresh Financial Connections session for the signed-in user. */
export async function createBankLinkSecret(): Promise<{ client_secret: string }> {
  const user = await currentUser();
  if (!user) throw new Error('Sign in to link a bank account.');
  const session = await stripe().financialConnections.sessions.create({
    account_holder: { type: 'customer', customer: user.customer },
    permissions: ['balances', 'payment_method'],
  });
  if (!session.client_secret) throw new Error('Stripe created a Financial Connections session without a client secret.');
  return { client_secret: session.client_secret };
}
