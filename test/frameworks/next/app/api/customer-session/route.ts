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
  // Enable each UI the page shows: the Payment Element with saved cards, the pricing table.
  components: {
    payment_element: {
      enabled: true,
      features: { payment_method_redisplay: 'enabled', payment_method_save: 'enabled', payment_method_remove: 'enabled' },
    },
    pricing_table: { enabled: true },
  },
});
