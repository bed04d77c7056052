// The public API of `embedkit`, listed by name.

// Connect embedded components (AccountSession)
export { ConnectProvider, type ConnectProviderProps, type ConnectErrorEvent } from './react/ConnectProvider';
export { useConnect, type ConnectState } from './react/useConnect';
export { useAccountSession, type UseAccountSessionOptions, type UseAccountSessionResult } from './react/useAccountSession';
export type { SessionErrorProps } from './react/SessionErrorNotice';
export * from './react/connectComponents';

// Financial Connections (bank linking)
export {
  useFinancialConnections,
  type UseFinancialConnectionsOptions,
  type UseFinancialConnectionsResult,
  type FinancialConnectionsMode,
  type FinancialConnectionsResult,
} from './react/useFinancialConnections';

// CustomerSession: saved cards in the Payment Element, pricing table, buy button
export { useCustomerSession, type UseCustomerSessionOptions, type UseCustomerSessionResult } from './react/useCustomerSession';
export { PricingTable, type PricingTableProps } from './react/PricingTable';
export { BuyButton, type BuyButtonProps } from './react/BuyButton';
export type { StripeEmbedProps, CustomerSessionInput } from './react/StripeEmbedElement';

// TanStack Query: what embedkit keeps in the cache (redacted) and how its queries are marked
export { EMBEDKIT_QUERY_META, type CachedSession } from './react/mirrorToQueryCache';

// The framework-agnostic core, for use without React
export { EmbedkitError, type EmbedkitErrorDetails } from './core/EmbedkitError';
export { ClientSecret } from './core/ClientSecret';
export { redactSecret } from './core/redact';
export { requestSecret, type RequestSecretOptions } from './core/requestSecret';
export { AccountSessionSource, type AccountSessionSourceOptions, type WarmOptions } from './core/AccountSessionSource';
export { CustomerSessionSource, type CustomerSessionSourceOptions, type CustomerSessionState } from './core/CustomerSessionSource';
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
} from './core/types';
