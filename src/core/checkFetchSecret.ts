import { checkOptions, fetchSecretRule } from './checkOptions.js';
import { SESSION_KINDS } from './sessionKinds.js';
import type { FetchSecret, FetchSecretContext, SecretAnswer, SecretRequest, SessionKind } from './types.js';

/**
 * `fetchSecret` as a function or a request description, or an `invalid_options` error naming the
 * accepted shapes. Called when a source is created, so a wrong option fails where it is written.
 */
export function checkFetchSecret<K extends SessionKind>(
  fetchSecret: FetchSecret<K>,
  kind: K,
): ((context: FetchSecretContext<K>) => SecretAnswer<K> | Promise<SecretAnswer<K>>) | SecretRequest {
  checkOptions(SESSION_KINDS[kind].label, { fetchSecret }, { fetchSecret: fetchSecretRule }, kind);
  if (typeof fetchSecret === 'function') return fetchSecret;
  return typeof fetchSecret === 'string' ? { url: fetchSecret } : fetchSecret;
}
