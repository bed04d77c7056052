import type { ClaimErrorCode, ClaimResponse, SandboxSessionKind } from '../protocol.js';
import { randomId } from '../engine/randomId.js';
import { SandboxApiError } from '../engine/SandboxApiError.js';
import { redactSecret, type SandboxStore } from '../engine/SandboxStore.js';

// Stripe's component interfaces have no index signature, so they need a cast to the protocol's record type.
type ClaimComponents = NonNullable<ClaimResponse['components']>;

const NOUNS: Record<SandboxSessionKind, string> = {
  account_session: 'AccountSession',
  customer_session: 'CustomerSession',
  financial_connections_session: 'Financial Connections session',
};

function nounFor(secret: string): string {
  if (secret.startsWith('accs_')) return 'account session';
  if (secret.startsWith('cuss_')) return 'customer session';
  if (secret.startsWith('fcsess_')) return 'financial connections session';
  return 'client secret';
}

/**
 * The first claim of a known, unexpired secret wins and gets a token for the data routes. A reused
 * secret fails `session_already_claimed`, an expired one `session_expired`, a logged-out one
 * `session_logged_out` (400s); an unknown one is a 404 `resource_missing`. Messages carry the
 * redacted secret only.
 */
export function claimSecret(store: SandboxStore, secret: unknown): ClaimResponse {
  if (typeof secret !== 'string' || secret === '') throw SandboxApiError.missing('client_secret');
  const record = store.sessions.get(secret);
  const fail = (code: ClaimErrorCode, error: SandboxApiError): never => {
    store.count(store.claimErrors, code);
    throw error;
  };
  if (!record) {
    const missing = SandboxApiError.noSuch(nounFor(secret), secret.length > 12 ? redactSecret(secret) : '…', 'client_secret');
    return fail('resource_missing', missing);
  }
  const noun = NOUNS[record.kind];
  if (record.loggedOut) {
    return fail('session_logged_out', SandboxApiError.invalid(`This ${noun} was logged out. Create a new one.`, 'client_secret', 'session_logged_out'));
  }
  if (record.token !== null) {
    const message = `This ${noun}'s client secret was already used: client secrets are single use. Create a new session for each use.`;
    return fail('session_already_claimed', SandboxApiError.invalid(message, 'client_secret', 'session_already_claimed'));
  }
  const now = store.now();
  if (record.expiresAt !== null && now >= record.expiresAt) {
    const message = `This ${noun} expired at ${new Date(record.expiresAt * 1000).toISOString()}. Create a new one.`;
    return fail('session_expired', SandboxApiError.invalid(message, 'client_secret', 'session_expired'));
  }
  const token = randomId('sbtok_', 32);
  store.recordClaim(record, token);
  switch (record.kind) {
    case 'account_session':
      return {
        kind: record.kind,
        token,
        now,
        expires_at: record.expiresAt,
        account: record.object.account,
        components: record.object.components as unknown as ClaimComponents,
        livemode: false,
      };
    case 'customer_session':
      // Two-phase model (contracts §5): used within its lifetime, it then lives one more lifetime.
      record.expiresAt = now + store.lifetimeSeconds;
      record.object.expires_at = record.expiresAt;
      return {
        kind: record.kind,
        token,
        now,
        expires_at: record.expiresAt,
        customer: record.customer,
        components: record.object.components as unknown as ClaimComponents,
        livemode: false,
      };
    case 'financial_connections_session':
      return {
        kind: record.kind,
        token,
        now,
        expires_at: null,
        permissions: record.object.permissions,
        filters: { ...record.object.filters },
        livemode: false,
      };
  }
}
