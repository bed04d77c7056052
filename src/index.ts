// The public API of `embedkit`, listed by name. Filled by the client issue.
export type { SessionKind, FetchSecret, SecretRequest, SecretAnswer, FetchSecretContext, Clock, RetryOptions, SessionState } from './core/types';
