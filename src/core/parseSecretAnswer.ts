import { describeValue as describe, isRecord, isText } from './checkOptions.js';
import { ClientSecret } from './ClientSecret.js';
import { development } from './development.js';
import type { EmbedkitError } from './EmbedkitError.js';
import { KIND_HINTS, SESSION_KINDS, type SessionKindInfo } from './sessionKinds.js';

/** How far a secret's `expires_at` may lie in the past before it counts as expired: clock skew. */
export const CLOCK_SKEW_MS = 30_000;

export interface ParseContext {
  /**
   * The `invalid_response` (or `expired`) error of the request for a wrong `field`: "The … endpoint
   * … answered `problem`.", then `fix`, the development-only sentence after a space, or `''`
   * (production messages end after the problem).
   */
  refuse: (field: string, problem: string, fix: string, code?: 'invalid_response' | 'expired') => EmbedkitError;
  nowMs: number;
}

/**
 * The raw client secret of what an endpoint or `fetchSecret` function answered, checked to be a
 * secret of `kind`, or an {@link EmbedkitError} naming the endpoint, the field and the fix.
 * Messages are built only from types and metadata, never from the answer's values, so they cannot
 * leak a secret. For a Financial Connections flow, which hands the secret straight to Stripe.js;
 * everything else keeps it in a {@link ClientSecret} through {@link parseSecretAnswer}.
 */
export function readSecret(answer: unknown, info: SessionKindInfo, { refuse }: Pick<ParseContext, 'refuse'>): string {
  const record = typeof answer === 'string' ? { client_secret: answer } : isRecord(answer) ? answer : null;
  if (!record) throw refuse('client_secret', describe(answer), development() && process.env.NODE_ENV !== 'production' ? respond(info) : '');
  const secret = record.client_secret ?? record.clientSecret;
  if (!isText(secret)) throw refuse('client_secret', fieldProblem('client_secret', secret), development() && process.env.NODE_ENV !== 'production' ? respond(info) : '');
  if (!info.pattern.test(secret)) {
    throw refuse(
      'client_secret',
      'a client_secret of the wrong kind',
      development() && process.env.NODE_ENV !== 'production' ? ` ${info.label} secrets start with ${KIND_HINTS[info.kind].prefix}.${lookalike(secret)}${respond(info)}` : '',
    );
  }
  return secret;
}

/**
 * Turns what an endpoint or `fetchSecret` function answered into a {@link ClientSecret}: the
 * checks of {@link readSecret}, then those of `expires_at` for the kinds that have one.
 */
export function parseSecretAnswer(answer: unknown, info: SessionKindInfo, context: ParseContext): ClientSecret {
  const secret = readSecret(answer, info, context);
  if (!info.expires) return new ClientSecret(secret, info.kind, null);
  // A bare string answer (readSecret takes it as the secret) has no expires_at.
  const record: Record<string, unknown> = isRecord(answer) ? answer : {};
  const { refuse, nowMs } = context;

  // Read as a number: Number.isFinite refuses anything else (it does not coerce).
  const expiresAt = (record.expires_at ?? record.expiresAt) as number;
  if (!Number.isFinite(expiresAt)) {
    throw refuse(
      'expires_at',
      fieldProblem('expires_at', expiresAt),
      development() && process.env.NODE_ENV !== 'production' ? ` Return Stripe's expires_at (unix seconds) next to client_secret, so embedkit can renew the session in time.` : '',
    );
  }
  // Year 5138 in seconds: anything larger is milliseconds.
  if (expiresAt > 1e11) throw refuse('expires_at', 'expires_at in milliseconds', development() && process.env.NODE_ENV !== 'production' ? ` Return Stripe's expires_at unchanged, in unix seconds.` : '');
  if (expiresAt * 1000 + CLOCK_SKEW_MS <= nowMs) {
    throw refuse(
      'expires_at',
      `a session that expired ${Math.round(nowMs / 1000 - expiresAt)} s ago by this device's clock`,
      development() && process.env.NODE_ENV !== 'production' ? ` Create a new session for every request (never cache or reuse one), and check the server's and this device's clocks.` : '',
      'expired',
    );
  }
  return new ClientSecret(secret, info.kind, expiresAt);
}

/** Development only (in fixes): the answer each kind's endpoint should give, after a space. */
function respond(info: SessionKindInfo): string {
  return ` Respond with JSON { client_secret${info.expires ? ', expires_at' : ''} } from ${KIND_HINTS[info.kind].createdBy}.`;
}

function fieldProblem(field: string, value: unknown): string {
  return value == null ? `without ${field}` : `${field} as ${describe(value)}`;
}

/** Development only: which kind a wrong secret seems to be, as a sentence, or `''`. */
function lookalike(secret: string): string {
  const actual = Object.values(SESSION_KINDS).find((other) => other.pattern.test(secret));
  return actual ? ` This one looks like ${/^[AEIOU]/.test(actual.label) ? 'an' : 'a'} ${actual.label} secret.` : '';
}
