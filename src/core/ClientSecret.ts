import { redactSecret } from './redact.js';
import type { SessionKind } from './types.js';

/**
 * Raw values live here, not on the instance, so nothing that walks an object's properties
 * (JSON.stringify, structuredClone, React DevTools, console.log, Chrome's private-field preview)
 * can reach them. Only {@link ClientSecret.reveal} reads it.
 */
const rawValues = new WeakMap<ClientSecret, string>();

/**
 * A Stripe client secret held in memory only. Every way of printing or serializing it gives the
 * redacted form (Node's `inspect` and console show its own fields: kind, expiresAt, redacted);
 * call {@link ClientSecret.reveal} exactly where Stripe needs the value.
 */
export class ClientSecret {
  // `declare`d and set by the constructor: class field declarations would add bytes to every bundle.
  declare readonly kind: SessionKind;
  /** Unix seconds, or `null` for Financial Connections sessions (Stripe gives them none). */
  declare readonly expiresAt: number | null;
  /** e.g. `accs_secret_…[redacted]`: safe to show and log. */
  declare readonly redacted: string;

  constructor(value: string, kind: SessionKind, expiresAt: number | null) {
    rawValues.set(this, value);
    this.kind = kind;
    this.expiresAt = expiresAt;
    this.redacted = redactSecret(value);
  }

  /** The raw secret. The only way to read it: hand it straight to Stripe, never store or log it. */
  reveal(): string {
    return rawValues.get(this) as string;
  }

  /** Whether `nowMs` is past `expiresAt` minus `skewMs` (a secret about to expire counts as expired). */
  isExpired(nowMs: number, skewMs = 0): boolean {
    return this.expiresAt !== null && this.expiresAt * 1000 - skewMs <= nowMs;
  }

  /** The redacted form, so template strings and string concatenation never leak the secret. */
  toString(): string {
    return this.redacted;
  }

  /** The redacted form, so `JSON.stringify` (logs, state snapshots, request bodies) never leaks the secret. */
  toJSON(): string {
    return this.redacted;
  }
}
