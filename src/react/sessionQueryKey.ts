import type { SessionKind } from '../core/types.js';

/**
 * The query key under which a session's redacted state is cached, e.g.
 * `['embedkit', 'account_session', 'k1a2b3c4', 'acct_123']`. It never holds a secret; `scope`
 * is a short hash or a React id, never the raw publishable key or endpoint credentials.
 */
export function sessionQueryKey(kind: SessionKind, scope: string, account?: string | null): readonly unknown[] {
  return ['embedkit', kind, scope, account ?? null];
}
