import { describeValue as describe, isRecord } from './checkOptions.js';
import { ClientSecret } from './ClientSecret.js';
import { hint } from './development.js';
import { EmbedkitError } from './EmbedkitError.js';
import { CREATED_BY, SESSION_KINDS } from './sessionKinds.js';
import type { SessionKind } from './types.js';

/** How far a secret's `expires_at` may lie in the past before it counts as expired: clock skew. */
export const CLOCK_SKEW_MS = 30_000;

export interface ParseContext {
  /** Named in messages: `POST /api/account-session` or `fetchSecret function`. */
  endpoint: string;
  nowMs: number;
}

/**
 * Turns what an endpoint or `fetchSecret` function answered into a {@link ClientSecret}, or throws
 * an {@link EmbedkitError} that names the endpoint, the field and the fix. Messages are built only
 * from types and metadata, never from the answer's values, so they cannot leak a secret.
 */
export function parseSecretAnswer(answer: unknown, kind: SessionKind, { endpoint, nowMs }: ParseContext): ClientSecret {
  const info = SESSION_KINDS[kind];
  // `fix` is a development-only sentence (see devOnly): production messages end after the problem.
  const fail = (field: string, problem: string, fix: () => string | false, code: 'invalid_response' | 'expired' = 'invalid_response') =>
    new EmbedkitError(`The ${info.label} endpoint ${endpoint} answered ${problem}.${hint(fix)}`, { code, kind, endpoint, field });
  const respond = () => process.env.NODE_ENV !== 'production' && `Respond with JSON { client_secret${info.expires ? ', expires_at' : ''} } from ${CREATED_BY[kind]}.`;

  const record = typeof answer === 'string' ? { client_secret: answer } : isRecord(answer) ? answer : null;
  if (!record) throw fail('client_secret', describe(answer), respond);
  const secret = record.client_secret ?? record.clientSecret;
  if (typeof secret !== 'string' || secret === '') throw fail('client_secret', fieldProblem('client_secret', secret), respond);
  if (!info.pattern.test(secret)) {
    throw fail('client_secret', `a client_secret of the wrong kind: ${info.label} secrets start with ${info.prefix}`, () => {
      if (process.env.NODE_ENV === 'production') return false;
      const actual = Object.values(SESSION_KINDS).find((other) => other.pattern.test(secret));
      return `${actual ? `This one looks like ${/^[AEIOU]/.test(actual.label) ? 'an' : 'a'} ${actual.label} secret. ` : ''}${respond()}`;
    });
  }
  if (!info.expires) return new ClientSecret(secret, kind, null);

  const expiresAt = record.expires_at ?? record.expiresAt;
  if (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt)) {
    throw fail(
      'expires_at',
      fieldProblem('expires_at', expiresAt),
      () => process.env.NODE_ENV !== 'production' && `Return Stripe's expires_at (unix seconds) next to client_secret, so embedkit can renew the session in time.`,
    );
  }
  // Year 5138 in seconds: anything larger is milliseconds.
  if (expiresAt > 1e11) throw fail('expires_at', 'expires_at in milliseconds', () => process.env.NODE_ENV !== 'production' && `Return Stripe's expires_at unchanged, in unix seconds.`);
  if (expiresAt * 1000 + CLOCK_SKEW_MS <= nowMs) {
    const ago = Math.round(nowMs / 1000 - expiresAt);
    throw fail(
      'expires_at',
      `a session that expired ${ago} s ago by this device's clock`,
      () => process.env.NODE_ENV !== 'production' && `Create a new session for every request (never cache or reuse one), and check the server's and this device's clocks.`,
      'expired',
    );
  }
  return new ClientSecret(secret, kind, expiresAt);
}

function fieldProblem(field: string, value: unknown): string {
  return value === undefined || value === null ? `without ${field}` : `${field} as ${describe(value)}`;
}
