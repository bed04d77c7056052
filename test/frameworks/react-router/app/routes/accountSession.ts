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
  // Another origin of yours that may call this route (credentialed CORS).
  allowedOrigins: ['https://admin.example.com'],
});

/** A resource route: React Router hands POST to `action`, */
export const action = ({ request }: { request: Request }) => handler(request);
/** and GET, HEAD and the CORS preflight (OPTIONS) to `loader`: the handler answers those too. */
export const loader = action;
