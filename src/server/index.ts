/**
 * `embedkit/server`: web-standard `Request → Response` handlers that create Stripe's embedded
 * UI sessions with the official `stripe` SDK, a Node/Express adapter, and a CSP helper.
 * Nothing here imports React or loads the SDK: the app passes its own `stripe` instance.
 */
export { createAccountSessionHandler, type AccountSessionHandlerOptions } from './createAccountSessionHandler.js';
export { createCustomerSessionHandler, type CustomerSessionHandlerOptions } from './createCustomerSessionHandler.js';
export {
  createFinancialConnectionsSessionHandler,
  type FinancialConnectionsMode,
  type FinancialConnectionsSessionHandlerOptions,
} from './createFinancialConnectionsSessionHandler.js';
export { ForbiddenError } from './ForbiddenError.js';
export { toNodeHandler, type NodeHandler, type NodeHandlerOptions } from './toNodeHandler.js';
export { stripeContentSecurityPolicy, type StripeContentSecurityPolicyOptions } from './stripeContentSecurityPolicy.js';
export { stripeCspSources, type StripeCspProduct } from './stripeCspSources.js';
export type {
  AccountAuthorizeContext,
  AccountSessionComponents,
  AccountSessionsClient,
  CustomerSessionComponents,
  CustomerSessionsClient,
  FinancialConnectionsAccountHolder,
  FinancialConnectionsClient,
  FinancialConnectionsFilters,
  FinancialConnectionsPermission,
  AuthorizeContext,
  AuthorizedAccount,
  AuthorizedAccountHolder,
  AuthorizedCustomer,
  BaseHandlerOptions,
  HandlerContext,
  HandlerTimeouts,
  RateLimit,
  RateLimitDecision,
  Resolvable,
  ServerErrorCode,
  ServerEvent,
  SessionHandler,
  StripeOption,
} from './types.js';
