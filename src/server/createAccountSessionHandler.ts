import { checkHandlerOptions } from './checkHandlerOptions.js';
import { createSessionHandler } from './createSessionHandler.js';
import { invalidAuthorization } from './invalidAuthorization.js';
import { Refusal } from './Refusal.js';
import { resolve } from './resolve.js';
import type {
  AccountAuthorizeContext,
  AccountSessionComponents,
  AccountSessionsClient,
  AuthorizedAccount,
  BaseHandlerOptions,
  Resolvable,
  ServerEvent,
  SessionHandler,
  StripeOption,
} from './types.js';

export interface AccountSessionHandlerOptions extends BaseHandlerOptions {
  /** The app's `stripe` client, or a function that makes it on the first request (see {@link StripeOption}). */
  stripe: StripeOption<AccountSessionsClient>;
  /**
   * Decides which connected account the signed-in user gets a session for. The browser may
   * propose one (`proposedAccount`, from `<ConnectProvider account>`); check that the user may
   * act for it. Return `null` when nobody is signed in (401); throw `ForbiddenError` to refuse (403).
   */
  authorize: (request: Request, context: AccountAuthorizeContext) => AuthorizedAccount | null | Promise<AuthorizedAccount | null>;
  /** Which Connect embedded components the session enables, chosen by the server, never the browser. */
  components: Resolvable<AccountSessionComponents, AuthorizedAccount>;
  /** Receives unexpected errors (yours or Stripe's, raw) for a server-side error tracker; never sent to the browser. */
  onError?: (error: unknown, event: ServerEvent) => void;
}

const FACTORY = 'createAccountSessionHandler';
const ACCOUNT_ID = /^acct_[A-Za-z0-9]{1,255}$/;

/**
 * `POST` endpoint that creates an AccountSession for Connect embedded components and answers
 * exactly `{ client_secret, expires_at }`.
 *
 * @example
 * export const POST = createAccountSessionHandler({
 *   stripe,
 *   authorize: async (request, { proposedAccount }) => {
 *     const user = await getUser(request);
 *     if (!user) return null;
 *     const account = proposedAccount ?? user.defaultAccount;
 *     if (!user.accounts.includes(account)) throw new ForbiddenError();
 *     return { account };
 *   },
 *   components: { payments: { enabled: true }, payouts: { enabled: true } },
 * });
 */
export function createAccountSessionHandler(options: AccountSessionHandlerOptions): SessionHandler {
  const client = checkHandlerOptions(FACTORY, options, {
    method: (stripe) => stripe?.accountSessions?.create,
    authorize: 'a function (request, { proposedAccount }) => { account } | null that decides which account the signed-in user may use',
    components: '{ payments: { enabled: true } }',
  });
  const { authorize, components } = options;

  return createSessionHandler<AuthorizedAccount>({
    factory: FACTORY,
    kind: 'account_session',
    options,
    async authorize(request, body) {
      const proposed = body.account;
      if (proposed !== undefined && (typeof proposed !== 'string' || !ACCOUNT_ID.test(proposed))) {
        throw new Refusal(400, 'invalid_body', 'body.account must be a connected account id like "acct_…", or absent.');
      }
      const answer = await authorize(request, { body, proposedAccount: proposed });
      if (answer === null) return null;
      const account: unknown = answer?.account;
      if (typeof account !== 'string' || !ACCOUNT_ID.test(account)) {
        throw invalidAuthorization('return { account: "acct_…" } for a signed-in user, or null');
      }
      return { account };
    },
    describe: ({ account }) => ({ account }),
    async create(authorized, stripeOptions) {
      return client().accountSessions.create({ account: authorized.account, components: await resolve(components, authorized) }, stripeOptions);
    },
    answer: ['client_secret', 'expires_at'],
  });
}
