import { EmbedkitError } from './EmbedkitError.js';
import { SESSION_KINDS } from './sessionKinds.js';
import type { FetchSecret, FetchSecretContext, SecretAnswer, SecretRequest, SessionKind } from './types.js';

/**
 * `fetchSecret` as a function or a request description, or an `invalid_options` error naming the
 * accepted shapes. Called when a source is created, so a wrong option fails where it is written.
 */
export function checkFetchSecret(
  fetchSecret: FetchSecret,
  kind: SessionKind,
): ((context: FetchSecretContext) => SecretAnswer | Promise<SecretAnswer>) | SecretRequest {
  if (typeof fetchSecret === 'function') return fetchSecret;
  const request = typeof fetchSecret === 'string' ? { url: fetchSecret } : fetchSecret;
  if (typeof request === 'object' && request !== null && typeof request.url === 'string' && request.url !== '') return request;
  throw new EmbedkitError(
    `fetchSecret for the ${SESSION_KINDS[kind].label} must be an endpoint URL, a request description { url, method?, headers?, credentials?, body? }, or a function returning { client_secret, expires_at }.`,
    { code: 'invalid_options', kind },
  );
}
