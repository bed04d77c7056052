import type Stripe from 'stripe';
import {
  createAccountSessionHandler,
  createCustomerSessionHandler,
  createFinancialConnectionsSessionHandler,
  ForbiddenError,
} from 'embedkit/server';
import type { Activity } from './Activity';
import { createPaymentIntentHandler } from './createPaymentIntentHandler.js';
import type { SignedInUser } from './SignedInUser';
import { createWebhookHandler } from './webhookHandler.js';

export type WebHandler = (request: Request) => Promise<Response>;

export interface ExampleApiOptions {
  stripe: Stripe;
  /**
   * Who is signed in. The example has no login, so it always answers the same stand-in user; a real
   * app reads its session cookie here. Every handler below decides from this, never from the body.
   */
  currentUser: (request: Request) => SignedInUser;
  /** What the backend knows of the user's Stripe objects; webhooks keep it current. */
  activity: Activity;
  /** The `whsec_…` secret webhook deliveries are signed with (see webhookHandler). */
  webhookSecret: string | undefined;
}

/** The example backend's routes, each a web-standard handler; `exampleBackend` mounts them. */
export function createExampleApi({ stripe, currentUser, activity, webhookSecret }: ExampleApiOptions): Record<string, WebHandler> {
  return {
    '/api/me': async (request) => {
      if (request.method !== 'GET') return new Response(null, { status: 405, headers: { Allow: 'GET' } });
      // Signing in reads the user's Stripe objects once; from then on webhooks keep them current.
      await activity.sync().catch((error: unknown) => console.error('example: could not read the activity from Stripe:', error));
      return Response.json(currentUser(request), { headers: { 'Cache-Control': 'no-store' } });
    },

    '/api/activity': async (request) =>
      request.method === 'GET'
        ? Response.json(activity.snapshot(), { headers: { 'Cache-Control': 'no-store' } })
        : new Response(null, { status: 405, headers: { Allow: 'GET' } }),

    '/api/webhooks': createWebhookHandler({ stripe, secret: webhookSecret, onEvent: (event) => activity.apply(event) }),

    '/api/account_session': createAccountSessionHandler({
      stripe,
      // The browser proposes an account (<ConnectProvider account>); the server decides.
      authorize: (request, { proposedAccount }) => {
        const user = currentUser(request);
        const account = proposedAccount ?? user.accounts[0]?.id;
        if (!account || !user.accounts.some((owned) => owned.id === account)) {
          throw new ForbiddenError(`${user.email} does not run account ${account ?? '(none)'}`);
        }
        return { account };
      },
      components: {
        account_onboarding: { enabled: true },
        payments: { enabled: true, features: { refund_management: true, dispute_management: true, capture_payments: true } },
        payment_details: { enabled: true, features: { refund_management: true, dispute_management: true, capture_payments: true } },
        payouts: { enabled: true, features: { instant_payouts: true, standard_payouts: true, edit_payout_schedule: true } },
        balances: { enabled: true, features: { instant_payouts: true, standard_payouts: true, edit_payout_schedule: true } },
        account_management: { enabled: true },
        notification_banner: { enabled: true },
      },
    }),

    '/api/customer_session': createCustomerSessionHandler({
      stripe,
      authorize: (request) => ({ customer: currentUser(request).customer }),
      components: {
        payment_element: {
          enabled: true,
          features: { payment_method_redisplay: 'enabled', payment_method_save: 'enabled', payment_method_remove: 'enabled' },
        },
        pricing_table: { enabled: true },
        buy_button: { enabled: true },
      },
    }),

    '/api/payment_intent': createPaymentIntentHandler({ stripe, currentUser }),

    '/api/financial_connections_session': createFinancialConnectionsSessionHandler({
      stripe,
      authorize: (request) => ({ accountHolder: { type: 'customer', customer: currentUser(request).customer } }),
      permissions: ['payment_method', 'balances'],
    }),
  };
}
