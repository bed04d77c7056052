// The public API of `embedkit`, listed by name. Bundlers emit the modules in this order, and this
// one (core, then Financial Connections, CustomerSession, Connect) gzips smallest of those tried:
// 50 B less for the whole entry than Connect first, and a few bytes less for each part.

// The framework-agnostic core, for use without React
export { EmbedkitError, type EmbedkitErrorDetails } from './core/EmbedkitError.js';
export { ClientSecret } from './core/ClientSecret.js';
export { redactSecret } from './core/redact.js';
export { requestSecret, type RequestSecretOptions } from './core/requestSecret.js';
export { AccountSessionSource, type AccountSessionSourceOptions, type FirstSecret, type WarmOptions } from './core/AccountSessionSource.js';
export { CustomerSessionSource, type CustomerSessionSourceOptions, type CustomerSessionState } from './core/CustomerSessionSource.js';
export type {
  SessionKind,
  FetchSecret,
  SecretRequest,
  SecretAnswer,
  FetchSecretContext,
  Clock,
  Visibility,
  RetryOptions,
  SessionState,
  EmbedkitErrorCode,
} from './core/types.js';

// Financial Connections (bank linking)
export {
  useFinancialConnections,
  type UseFinancialConnectionsOptions,
  type UseFinancialConnectionsResult,
  type FinancialConnectionsMode,
  type FinancialConnectionsResult,
} from './react/financialConnections/useFinancialConnections.js';

// CustomerSession: saved cards in the Payment Element, pricing table, buy button
export { useCustomerSession, type UseCustomerSessionOptions, type UseCustomerSessionResult } from './react/customerSession/useCustomerSession.js';
export { PricingTable, type PricingTableProps } from './react/customerSession/PricingTable.js';
export { BuyButton, type BuyButtonProps } from './react/customerSession/BuyButton.js';
// Stripe.js for <Elements>: the instance embedkit itself uses, so a bundle has one loader
export { loadStripe } from './react/financialConnections/loadStripe.js';
export type { StripeEmbedProps, CustomerSessionInput } from './react/customerSession/stripeEmbed.js';

// Connect embedded components (AccountSession)
export { ConnectProvider, type ConnectProviderProps, type ConnectErrorEvent } from './react/connect/ConnectProvider.js';
export { useConnect, type ConnectState } from './react/connect/useConnect.js';
export { preloadConnect, type PreloadConnectOptions } from './react/universal/preloadConnect.js';
export { useAccountSession, type UseAccountSessionOptions, type UseAccountSessionResult } from './react/connect/useAccountSession.js';
export type { SessionErrorProps } from './react/SessionErrorNotice.js';
export * from './react/connect/connectComponents.js';
