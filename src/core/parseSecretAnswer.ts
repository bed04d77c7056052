import { ClientSecret } from './ClientSecret';
import { EmbedkitError } from './EmbedkitError';
import { guessSessionKind, SESSION_KINDS } from './sessionKinds';
import type { SessionKind } from './types';

/** How far a secret's `expires_at` may lie in the past before it counts as expired: clock skew. */
export const CLOCK_SKEW_MS = 30_000;

/** Unix seconds beyond this are almost certainly milliseconds (year 5138 in seconds). */
const LARGEST_PLAUSIBLE_SECONDS = 1e11;

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
export function parseSecretAnswer(answer: unknown, kind: SessionKind, context: ParseContext): ClientSecret {
  const info = SESSION_KINDS[kind];
  const source = `The ${info.label} endpoint ${context.endpoint}`;
  const invalid = (field: string, problem: string, fix: string) =>
    new EmbedkitError(`${source} ${problem}. ${fix}`, { code: 'invalid_response', kind, endpoint: context.endpoint, field });
  const shape = info.expires ? '{ client_secret, expires_at }' : '{ client_secret }';

  let secret: unknown;
  let expiresAt: unknown;
  if (typeof answer === 'string') {
    secret = answer;
  } else if (typeof answer === 'object' && answer !== null && !Array.isArray(answer)) {
    const record = answer as Record<string, unknown>;
    secret = record.client_secret ?? record.clientSecret;
    expiresAt = record.expires_at ?? record.expiresAt;
  } else {
    throw invalid('client_secret', `answered ${describeType(answer)} instead of ${shape}`, `Respond with JSON ${shape} from ${info.createdBy}.`);
  }

  if (typeof secret !== 'string' || secret.length === 0) {
    const problem = secret === undefined ? 'answered without client_secret' : `answered a client_secret that is ${describeType(secret)}, not a non-empty string`;
    throw invalid('client_secret', problem, `Respond with JSON ${shape} from ${info.createdBy}.`);
  }
  if (!info.matches(secret)) {
    const guessed = guessSessionKind(secret);
    const looksLike = guessed ? `; it looks like a ${SESSION_KINDS[guessed].label} secret` : '';
    throw invalid(
      'client_secret',
      `answered a client_secret that is not a ${info.label} secret (expected it to start with ${info.prefix}${looksLike})`,
      `Make this endpoint create the session with ${info.createdBy} and return its client_secret.`,
    );
  }
  if (!info.expires) return new ClientSecret(secret, kind, null);

  if (expiresAt === undefined || expiresAt === null) {
    throw invalid('expires_at', 'answered without expires_at', `Return the session's expires_at (unix seconds) next to client_secret so embedkit can renew it in time.`);
  }
  if (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt)) {
    throw invalid('expires_at', `answered an expires_at that is ${describeType(expiresAt)}, not a number`, `Return Stripe's expires_at unchanged: a number of unix seconds.`);
  }
  if (expiresAt > LARGEST_PLAUSIBLE_SECONDS) {
    throw invalid('expires_at', 'answered an expires_at in milliseconds', `Return Stripe's expires_at unchanged: unix seconds, not milliseconds.`);
  }
  const pastBySeconds = Math.round((context.nowMs - expiresAt * 1000) / 1000);
  if (expiresAt * 1000 + CLOCK_SKEW_MS <= context.nowMs) {
    throw new EmbedkitError(
      `${source} answered a ${info.label} that expired ${pastBySeconds} s ago by this device's clock. ` +
        `Create a new session for every request (never cache or reuse one), and check the server's and this device's clocks.`,
      { code: 'expired', kind, endpoint: context.endpoint, field: 'expires_at' },
    );
  }
  return new ClientSecret(secret, kind, expiresAt);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value.length === 0 ? 'an empty string' : 'a string';
  return `a ${typeof value}`;
}
