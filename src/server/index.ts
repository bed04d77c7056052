/**
 * `embedkit/server`: web-standard `Request → Response` handlers that create Stripe's embedded
 * UI sessions with the official `stripe` SDK, a Node/Express adapter, and a CSP helper.
 * Nothing here imports React or loads the SDK: the app passes its own `stripe` instance.
 */
export { createAccountSessionHandler, type AccountSessionHandlerOptions } from './createAccountSessionHandler';
export { createCustomerSessionHandler, type CustomerSessionHandlerOptions } from './createCustomerSessionHandler';
export {
  createFinancialConnectionsSessionHandler,
  type FinancialConnectionsMode,
  type FinancialConnectionsSessionHandlerOptions,
} from './createFinancialConnectionsSessionHandler';
export { ForbiddenError } from './ForbiddenError';
export { toNodeHandler, type NodeHandler, type NodeHandlerOptions } from './toNodeHandler';
export { stripeContentSecurityPolicy, type StripeContentSecurityPolicyOptions } from './stripeContentSecurityPolicy';
export { stripeCspSources, type StripeCspProduct } from './stripeCspSources';
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
  RateLimit,
  RateLimitDecision,
  Resolvable,
  ServerErrorCode,
  ServerEvent,
  SessionHandler,
} from './types';
