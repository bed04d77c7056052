// file: app/api/financial-connections-session/route.ts
import { createFinancialConnectionsSessionHandler } from 'embedkit/server';
import { currentUser } from '../../../lib/currentUser';
import { stripe } from '../../../lib/stripe';

export const POST = createFinancialConnectionsSessionHandler({
  stripe,
  authorize: async (request) => {
    const user = await currentUser(request);
    return user && { accountHolder: { type: 'customer', customer: user.customer } };
  },
  permissions: ['balances', 'payment_method'],
});
