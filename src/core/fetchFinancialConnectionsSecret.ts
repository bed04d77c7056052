import type { ClientSecret } from './ClientSecret.js';
import { requestSecret, type RequestSecretOptions } from './requestSecret.js';
import type { FetchSecret } from './types.js';

/**
 * A fresh Financial Connections session secret, fetched when the user opens the flow. Never cached:
 * the session has no `expires_at` and is used by exactly one flow.
 */
export function fetchFinancialConnectionsSecret(fetchSecret: FetchSecret<'financial_connections_session'>, options: RequestSecretOptions = {}): Promise<ClientSecret> {
  return requestSecret(fetchSecret, 'financial_connections_session', options);
}
