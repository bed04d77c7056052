import type { SandboxSessionKind } from '../protocol.js';
import { SandboxApiError } from '../engine/SandboxApiError.js';
import type { SandboxStore } from '../engine/SandboxStore.js';
import type { SessionRecord } from '../engine/SessionRecord.js';

const KIND_NAMES: Record<SandboxSessionKind, string> = {
  account_session: 'an AccountSession',
  customer_session: 'a CustomerSession',
  financial_connections_session: 'a Financial Connections session',
};

const unauthorized = (code: string, message: string) => new SandboxApiError(401, { type: 'invalid_request_error', code, message });

/**
 * The session behind a browser route's `Authorization: Bearer <claim token>`, checked to be of
 * `kind`, unexpired and not logged out. Failures are 401 (403 for the wrong kind).
 */
export function claimedSession<K extends SandboxSessionKind>(
  store: SandboxStore,
  request: Request,
  kind: K,
): Extract<SessionRecord, { kind: K }> {
  const header = request.headers.get('authorization') ?? '';
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token) throw unauthorized('claim_token_missing', 'Missing claim token. Claim the client secret at POST /sandbox/v1/claim and send Authorization: Bearer <token>.');
  const secret = store.tokens.get(token);
  const record = secret === undefined ? undefined : store.sessions.get(secret);
  if (!record) throw unauthorized('session_expired', 'This claim token is unknown or its session was evicted after expiring. Fetch a new client secret and claim it.');
  if (record.kind !== kind) {
    throw new SandboxApiError(403, {
      type: 'invalid_request_error',
      code: 'session_kind_mismatch',
      message: `This route needs ${KIND_NAMES[kind]}; the token belongs to ${KIND_NAMES[record.kind]}.`,
    });
  }
  if (record.loggedOut) throw unauthorized('session_logged_out', 'This session was logged out. Fetch a new client secret and claim it.');
  if (record.expiresAt !== null && store.now() >= record.expiresAt) {
    throw unauthorized('session_expired', `This session expired at ${new Date(record.expiresAt * 1000).toISOString()}. Fetch a new client secret and claim it.`);
  }
  return record as Extract<SessionRecord, { kind: K }>;
}
