import { checkHandlerOptions } from './checkHandlerOptions.js';
import { configError } from './configError.js';
import { createSessionHandler } from './createSessionHandler.js';
import { invalidAuthorization } from './invalidAuthorization.js';
import { resolve } from './resolve.js';
import type {
  AuthorizeContext,
  AuthorizedAccountHolder,
  BaseHandlerOptions,
  FinancialConnectionsClient,
  FinancialConnectionsFilters,
  FinancialConnectionsPermission,
  Resolvable,
  ServerEvent,
  SessionHandler,
  StripeOption,
} from './types.js';

/**
 * `accounts`: Stripe.js `collectFinancialConnectionsAccounts`. `bank_account_token`:
 * `collectBankAccountToken` (e.g. a Connect external account), which needs the
 * `payment_method` permission.
 */
export type FinancialConnectionsMode = 'accounts' | 'bank_account_token';

export interface FinancialConnectionsSessionHandlerOptions extends BaseHandlerOptions {
  /** The app's `stripe` client, or a function that makes it on the first request (see {@link StripeOption}). */
  stripe: StripeOption<FinancialConnectionsClient>;
  /**
   * Whose bank accounts are linked: `{ accountHolder: { type: 'customer', customer } }` or
   * `{ accountHolder: { type: 'account', account } }` for the signed-in user; `null` → 401;
   * throw `ForbiddenError` → 403.
   */
  authorize: (request: Request, context: AuthorizeContext) => AuthorizedAccountHolder | null | Promise<AuthorizedAccountHolder | null>;
  /** Data the app asks access to, e.g. `['payment_method', 'balances']`. */
  permissions: Resolvable<FinancialConnectionsPermission[], AuthorizedAccountHolder>;
  filters?: Resolvable<FinancialConnectionsFilters, AuthorizedAccountHolder>;
  /** Default `accounts`. */
  mode?: FinancialConnectionsMode;
  /** Receives unexpected errors (yours or Stripe's, raw) for a server-side error tracker; never sent to the browser. */
  onError?: (error: unknown, event: ServerEvent) => void;
}

const FACTORY = 'createFinancialConnectionsSessionHandler';
const ACCOUNT_ID = /^acct_[A-Za-z0-9]{1,255}$/;
const CUSTOMER_ID = /^cus_[A-Za-z0-9]{1,255}$/;

/**
 * `POST` endpoint that creates a Financial Connections Session for bank linking and answers
 * exactly `{ client_secret }` (Stripe gives these sessions no `expires_at`: fetch one per click).
 */
export function createFinancialConnectionsSessionHandler(options: FinancialConnectionsSessionHandlerOptions): SessionHandler {
  const client = checkHandlerOptions(FACTORY, options, {
    method: (stripe) => stripe?.financialConnections?.sessions?.create,
    authorize: "a function (request) => { accountHolder: { type: 'customer', customer } } | null for the signed-in user",
  });
  const { authorize, permissions, filters, mode = 'accounts' } = options;
  if (mode !== 'accounts' && mode !== 'bank_account_token') {
    throw configError(FACTORY, `mode must be 'accounts' or 'bank_account_token' (got ${JSON.stringify(mode)}).`);
  }
  if (typeof permissions !== 'function') checkPermissions(permissions, mode);
  if (filters !== undefined && (filters === null || (typeof filters !== 'object' && typeof filters !== 'function'))) {
    throw configError(FACTORY, "filters must be an object such as { country: 'US', account_subcategories: ['checking'] }, or a function of the account holder.");
  }

  return createSessionHandler<AuthorizedAccountHolder>({
    factory: FACTORY,
    kind: 'financial_connections_session',
    options,
    async authorize(request, body) {
      const answer = await authorize(request, { body });
      if (answer === null) return null;
      const holder: Partial<Record<'type' | 'customer' | 'account', unknown>> | undefined = answer?.accountHolder;
      const type = holder?.type;
      const id = type === 'customer' ? holder?.customer : type === 'account' ? holder?.account : undefined;
      if (type === 'customer' && typeof id === 'string' && CUSTOMER_ID.test(id)) return { accountHolder: { type, customer: id } };
      if (type === 'account' && typeof id === 'string' && ACCOUNT_ID.test(id)) return { accountHolder: { type, account: id } };
      throw invalidAuthorization("return { accountHolder: { type: 'customer', customer: 'cus_…' } } or { accountHolder: { type: 'account', account: 'acct_…' } }, or null");
    },
    describe: ({ accountHolder }) => (accountHolder.type === 'customer' ? { customer: accountHolder.customer } : { account: accountHolder.account }),
    async create(authorized, stripeOptions) {
      const resolvedPermissions = await resolve(permissions, authorized);
      checkPermissions(resolvedPermissions, mode);
      const resolvedFilters = filters === undefined ? undefined : await resolve(filters, authorized);
      return client().financialConnections.sessions.create({
        account_holder: authorized.accountHolder,
        permissions: resolvedPermissions,
        ...(resolvedFilters === undefined ? {} : { filters: resolvedFilters }),
      }, stripeOptions);
    },
    // Stripe gives these sessions no expires_at.
    answer: ['client_secret'],
  });
}

function checkPermissions(permissions: unknown, mode: FinancialConnectionsMode): asserts permissions is FinancialConnectionsPermission[] {
  if (!Array.isArray(permissions) || permissions.length === 0 || !permissions.every((p) => typeof p === 'string')) {
    throw configError(FACTORY, "permissions is required: a non-empty array such as ['payment_method'] or ['balances', 'ownership'], or a function returning one.");
  }
  if (mode === 'bank_account_token' && !permissions.includes('payment_method')) {
    throw configError(FACTORY, "mode 'bank_account_token' needs the 'payment_method' permission: add it to permissions.");
  }
}
