// file: app/api/account-session/route.ts
import { createAccountSessionHandler, ForbiddenError } from 'embedkit/server';
import { currentUser } from '../../../lib/currentUser';
import { stripe } from '../../../lib/stripe';

const handler = createAccountSessionHandler({
  stripe,
  // The browser proposes an account (<ConnectProvider account>); the server decides.
  authorize: async (request, { proposedAccount }) => {
    const user = await currentUser(request);
    if (!user) return null; // 401
    if (proposedAccount && proposedAccount !== user.account) throw new ForbiddenError(); // 403
    return { account: user.account };
  },
  components: { payments: { enabled: true }, payouts: { enabled: true } },
  // Another origin of yours that may call this route (credentialed CORS).
  allowedOrigins: ['https://admin.example.com'],
});

export const POST = handler;
// Without this export Next.js answers the CORS preflight itself, without the CORS headers.
export const OPTIONS = handler;
