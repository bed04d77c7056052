// file: app/api/customer-session/route.ts
import { createCustomerSessionHandler } from 'embedkit/server';
import { currentUser } from '../../../lib/currentUser';
import { stripe } from '../../../lib/stripe';

export const POST = createCustomerSessionHandler({
  stripe,
  authorize: async (request) => {
    const user = await currentUser(request);
    return user && { customer: user.customer };
  },
  components: { pricing_table: { enabled: true } },
});
