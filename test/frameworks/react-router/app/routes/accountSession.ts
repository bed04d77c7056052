// file: app/routes/accountSession.ts
import { createAccountSessionHandler } from 'embedkit/server';
import { stripeClient } from '../stripe.server';

const stripe = stripeClient();

const handler = createAccountSessionHandler({
  stripe,
  // Stands in for your authentication: the platform's first connected account.
  authorize: async () => {
    const [account] = (await stripe.accounts.list({ limit: 1 })).data;
    return account ? { account: account.id } : null;
  },
  components: { payments: { enabled: true } },
});

/** A resource route: React Router hands POST (and every other non-GET request) to `action`. */
export const action = ({ request }: { request: Request }) => handler(request);
