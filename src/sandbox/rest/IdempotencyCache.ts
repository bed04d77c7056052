import { SandboxApiError } from '../engine/SandboxApiError.js';

interface Entry {
  fingerprint: string;
  savedAt: number;
  /** Absent while the first request with this key is still running. */
  answer?: { status: number; body: string };
}

const entryId = (scope: string, key: string) => `${scope}\u0000${key}`;

export type IdempotencyOutcome = { kind: 'fresh' } | { kind: 'replay'; status: number; body: string };

/** Stripe prunes keys after 24 hours; the sandbox also caps how many it keeps (oldest go first). */
export const IDEMPOTENCY_RETENTION_SECONDS = 86_400;

/**
 * Stripe's idempotency: the first answer for a key is saved and replayed for the same params; the
 * same key with other params is an `idempotency_error`; a key still in flight is a 409 (which the SDK
 * retries). Only successful answers are saved: failed validation is not, as at Stripe.
 */
export class IdempotencyCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly max: number,
    private readonly now: () => number,
  ) {}

  /** `scope` keeps keys apart per `Stripe-Account`, as Stripe keeps them apart per account. */
  begin(scope: string, key: string, fingerprint: string): IdempotencyOutcome {
    if (key.length > 255) {
      throw SandboxApiError.invalid('The Idempotency-Key header is longer than 255 characters. Use a shorter key, e.g. a UUID.', 'Idempotency-Key');
    }
    this.prune();
    const entry = this.entries.get(entryId(scope, key));
    if (!entry) {
      this.entries.set(entryId(scope, key), { fingerprint, savedAt: this.now() });
      return { kind: 'fresh' };
    }
    if (entry.fingerprint !== fingerprint) {
      throw new SandboxApiError(400, {
        type: 'idempotency_error',
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      });
    }
    if (!entry.answer) {
      throw new SandboxApiError(409, {
        type: 'invalid_request_error',
        code: 'idempotency_key_in_use',
        message: 'There is currently another in-progress request using this Stripe API key and idempotency key; please try again later.',
      });
    }
    return { kind: 'replay', ...entry.answer };
  }

  save(scope: string, key: string, status: number, body: string): void {
    const entry = this.entries.get(entryId(scope, key));
    if (entry) entry.answer = { status, body };
  }

  abandon(scope: string, key: string): void {
    const entry = this.entries.get(entryId(scope, key));
    if (entry && !entry.answer) this.entries.delete(entryId(scope, key));
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private prune(): void {
    const cutoff = this.now() - IDEMPOTENCY_RETENTION_SECONDS;
    for (const [key, entry] of this.entries) {
      if (entry.savedAt >= cutoff && this.entries.size < this.max) return;
      this.entries.delete(key);
    }
  }
}
