/**
 * The app every runtime of the matrix serves: the three handlers from the built `embedkit/server`
 * (dist), on the official `stripe` SDK pointed at the test's sandbox. Node imports it as is; the
 * other runtimes get it bundled (bundle.ts), where `stripe` resolves to its fetch-based worker build.
 */
import Stripe from 'stripe';
import {
  createAccountSessionHandler,
  createCustomerSessionHandler,
  createFinancialConnectionsSessionHandler,
  type SessionHandler,
} from '../../dist/server/index.js';

export interface AppConfig {
  /** The sandbox's `stripeConfig()`. */
  stripe: { host: string; port: number; protocol: 'http' };
  /** Seeded ids the signed-in test user owns. */
  account: string;
  customer: string;
}

/** The one signed-in user: a request carrying this bearer token. */
export const USER_TOKEN = 'Bearer matrix-user';
export const PATHS = { account: '/api/account-session', customer: '/api/customer-session', fc: '/api/fc-session' } as const;
/** An AccountSession endpoint with a short body time limit, for the stalled-upload case. */
export const IMPATIENT_PATH = '/api/impatient-account-session';
export const IMPATIENT_BODY_MS = 300;

export function createApp(config: AppConfig): SessionHandler {
  // maxNetworkRetries 0: one injected Stripe failure reaches the handler as it is.
  const stripe = new Stripe('sk_test_matrix', { ...config.stripe, maxNetworkRetries: 0, httpClient: Stripe.createFetchHttpClient() });
  const signedIn = (request: Request) => request.headers.get('authorization') === USER_TOKEN;
  const accountOptions = {
    stripe,
    authorize: (request: Request) => (signedIn(request) ? { account: config.account } : null),
    components: { payments: { enabled: true } },
  };
  const handlers: Record<string, SessionHandler> = {
    [PATHS.account]: createAccountSessionHandler(accountOptions),
    [IMPATIENT_PATH]: createAccountSessionHandler({ ...accountOptions, timeouts: { bodyMs: IMPATIENT_BODY_MS } }),
    [PATHS.customer]: createCustomerSessionHandler({
      stripe,
      authorize: (request) => (signedIn(request) ? { customer: config.customer } : null),
      components: { payment_element: { enabled: true } },
    }),
    [PATHS.fc]: createFinancialConnectionsSessionHandler({
      stripe,
      authorize: (request) => (signedIn(request) ? { accountHolder: { type: 'customer', customer: config.customer } } : null),
      permissions: ['payment_method'],
    }),
  };
  return async (request) => {
    const handler = handlers[new URL(request.url).pathname];
    return handler ? handler(request) : new Response('not found', { status: 404 });
  };
}
