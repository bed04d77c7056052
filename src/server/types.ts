/**
 * Types shared by the `embedkit/server` handlers. Only types from the official `stripe` package
 * are used, so importing `embedkit/server` never loads the SDK itself: the app passes its own
 * instance in.
 */
import type Stripe from 'stripe';
import type { SessionKind } from '../core/types.js';

/**
 * A web-standard handler: runs unchanged in Next.js route handlers, Hono, Remix, Bun, Deno and
 * Workers. The optional second argument tells it who is calling ({@link HandlerContext}).
 */
export interface SessionHandler {
  (request: Request, context?: HandlerContext): Promise<Response>;
  /**
   * Frameworks pass their own second argument when the handler is exported directly (Next.js
   * `{ params }`, Workers `env`, Deno `info`, Bun `server`): it is ignored, unless it carries a
   * string `clientAddress`. Typed `unknown` so the handler fits each framework's route type.
   */
  (request: Request, frameworkContext?: unknown): Promise<Response>;
}

/** What the code that calls a handler knows about the caller and the request does not say. */
export interface HandlerContext {
  /**
   * The client's IP address as the server saw it (the socket's remote address, or the one a
   * proxy you run put in `X-Forwarded-For`): the key for `rateLimit`. `toNodeHandler` passes it;
   * on other runtimes pass it yourself (see docs/server.md, "Rate limiting").
   */
  clientAddress?: string | undefined;
}

/** What every `authorize` receives besides the request (whose body has already been read). */
export interface AuthorizeContext {
  /** The JSON body the browser sent (`{}` for an empty body). Proposals only: never trust it. */
  body: Readonly<Record<string, unknown>>;
}

/** `createAccountSessionHandler`'s `authorize` also gets the account the browser proposes. */
export interface AccountAuthorizeContext extends AuthorizeContext {
  /** `body.account` from `<ConnectProvider account>`, already checked to look like `acct_…`. */
  proposedAccount: string | undefined;
}

/** A value, or a function of what `authorize` decided (e.g. components by the user's role). */
export type Resolvable<T, A> = T | ((authorized: A) => T | Promise<T>);

/**
 * Refuse a request with 429 by returning `{ retryAfterSeconds }`; let it through with
 * `null`/`undefined`. Booleans are deliberately not accepted: `true` reads as "allowed" to half
 * of the people writing a limiter and as "limited" to the other half.
 */
export type RateLimit = (request: Request, context: Readonly<HandlerContext>) => RateLimitDecision | Promise<RateLimitDecision>;
/** `{ retryAfterSeconds }` refuses with 429 and `Retry-After` (rounded up, at least 1); `null`/`undefined` lets the request through. */
export type RateLimitDecision = { retryAfterSeconds: number } | null | undefined;

/**
 * One record per answered request, for logs and metrics. Built only from identifiers and
 * numbers: never a client secret, an API key, a request body or Stripe's raw message.
 */
export interface ServerEvent {
  type: 'session_created' | 'request_failed';
  kind: SessionKind;
  /** The HTTP status the handler answered with. */
  status: number;
  /** The error code from the response body; absent on success. */
  code?: ServerErrorCode;
  /** Time from the request reaching the handler to the response being ready. */
  durationMs: number;
  /** The connected account, customer or account-holder id the session was (to be) created for. */
  account?: string;
  customer?: string;
  /** Stripe's request id (`req_…`), for support tickets. */
  stripeRequestId?: string;
  /** The stripe-node error class (e.g. `StripeInvalidRequestError`), Stripe's error `code` and `param`. */
  stripeErrorType?: string;
  stripeCode?: string;
  stripeParam?: string;
}

/** Options every handler takes. */
export interface BaseHandlerOptions {
  /**
   * Origins other than the request's own that may call the endpoint (exact `scheme://host[:port]`).
   * Cross-origin callers get CORS headers with credentials; everyone else gets 403.
   */
  allowedOrigins?: readonly string[];
  /**
   * Host names this endpoint answers for (`Host`, or `X-Forwarded-Host` with `trustProxy`),
   * without scheme or port; `'.example.com'` also allows its subdomains. Any other host gets
   * 403 `host_not_allowed`, which stops DNS rebinding. Default: any host. Set it on public
   * deployments and on dev servers whose `authorize` lets everyone through.
   */
  allowedHosts?: readonly string[];
  /**
   * Believe `X-Forwarded-Host` / `X-Forwarded-Proto` (their rightmost entry): set `true` only when
   * a proxy you run sets them on every request, since a client can send them too. Used for the
   * `allowedHosts` check and, for browsers without Fetch Metadata, the same-origin check.
   */
  trustProxy?: boolean;
  /** Largest accepted body in bytes. Default 8192: the kit sends a few dozen bytes. */
  maxBodyBytes?: number;
  /**
   * Asked before the body is read, with the caller's `clientAddress` when the code calling the
   * handler passed one; `{ retryAfterSeconds }` answers 429. Default: no limit. Back it with a
   * store every instance shares (docs/server.md, "Rate limiting").
   */
  rateLimit?: RateLimit;
  /** Called once per answered request (successful CORS preflights aside). A throwing listener is ignored, never breaks the answer. */
  onEvent?: (event: ServerEvent) => void;
  /** Time limits of one request; see {@link HandlerTimeouts} for the defaults. */
  timeouts?: HandlerTimeouts;
}

/**
 * How long one request may hold the handler. Each must be a positive number of milliseconds.
 * A request over a limit is answered (408 / 504) and nothing more is done for it.
 */
export interface HandlerTimeouts {
  /** Receiving the body: past it, `408 body_timeout`. Default 10 000 (a real body is a few dozen bytes). */
  bodyMs?: number;
  /**
   * The whole request, rate limit, body, `authorize` and the Stripe call included: past it,
   * `504 request_timeout`. The Stripe call gets what is left as its `timeout`. Default 25 000.
   */
  requestMs?: number;
}

/**
 * The app's `stripe` client, or a function that makes it on the first request, so importing a
 * route module (`next build` does) needs no secret key. The function runs until it returns a
 * client; that client is kept.
 */
export type StripeOption<C> = C | (() => C);

/** The `stripe` instance, narrowed to what `createAccountSessionHandler` calls, so any compatible client fits. */
export type AccountSessionsClient = Pick<Stripe, 'accountSessions'>;
/** The `stripe` instance, narrowed to what `createCustomerSessionHandler` calls. */
export type CustomerSessionsClient = Pick<Stripe, 'customerSessions'>;
/** The `stripe` instance, narrowed to what `createFinancialConnectionsSessionHandler` calls. */
export type FinancialConnectionsClient = { financialConnections: Pick<Stripe['financialConnections'], 'sessions'> };

/** Connect embedded components and their features, as the `stripe` SDK types them. */
export type AccountSessionComponents = Stripe.AccountSessionCreateParams.Components;
/** CustomerSession components (Payment Element, pricing table, buy button…), as the SDK types them. */
export type CustomerSessionComponents = Stripe.CustomerSessionCreateParams.Components;
/** A Financial Connections data permission (`payment_method`, `balances`, `ownership`, `transactions`). */
export type FinancialConnectionsPermission = Stripe.FinancialConnections.SessionCreateParams.Permission;
/** Which bank accounts may be linked (country, subcategories…). */
export type FinancialConnectionsFilters = Stripe.FinancialConnections.SessionCreateParams.Filters;
/** Whose bank accounts are linked: a customer or a connected account. */
export type FinancialConnectionsAccountHolder = Stripe.FinancialConnections.SessionCreateParams.AccountHolder;

/** `authorize`'s answer for AccountSessions: the account the signed-in user may act for. */
export interface AuthorizedAccount {
  account: string;
}
/** `authorize`'s answer for CustomerSessions: the signed-in user's own customer. */
export interface AuthorizedCustomer {
  customer: string;
}
/** `authorize`'s answer for Financial Connections: whose bank accounts are being linked. */
export interface AuthorizedAccountHolder {
  accountHolder: FinancialConnectionsAccountHolder;
}

/** The `code` of every error body the handlers send: `{ error: { code, message, request_id? } }`. */
export type ServerErrorCode =
  | 'method_not_allowed'
  | 'origin_not_allowed'
  | 'host_not_allowed'
  | 'unsupported_media_type'
  | 'body_too_large'
  | 'body_timeout'
  | 'body_already_read'
  | 'bad_request'
  | 'invalid_body'
  | 'rate_limited'
  | 'unauthorized'
  | 'forbidden'
  | 'invalid_authorization'
  | 'stripe_invalid_request'
  | 'stripe_authentication'
  | 'stripe_permission'
  | 'stripe_idempotency'
  | 'stripe_rate_limited'
  | 'stripe_unavailable'
  | 'stripe_connection'
  | 'stripe_answer_invalid'
  | 'request_timeout'
  | 'client_closed'
  | 'internal_error';
