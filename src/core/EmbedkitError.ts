import type { EmbedkitErrorCode, SessionKind } from './types.js';

/**
 * The metadata an {@link EmbedkitError} is built from, one field per property of the error. There is
 * deliberately no field for a response body: of what a server sends, only a refusal's checked
 * `error.code` (and embedkit's own capped, secret-free `error.message`) reach a message.
 */
export interface EmbedkitErrorDetails {
  code: EmbedkitErrorCode;
  /** The session kind whose secret was being fetched. */
  kind?: SessionKind;
  /** The endpoint that answered (URL without query), or `fetchSecret function`. */
  endpoint?: string;
  /** HTTP status for `code: 'http'`. */
  status?: number;
  /** The `error.code` the refusing server answered with (e.g. `origin_not_allowed`), for `code: 'http'`. */
  serverCode?: string;
  /** The offending field for `code: 'invalid_response'`. */
  field?: string;
  /** Whether retrying the same request may succeed (network, 5xx, 429). */
  retryable?: boolean;
  /** How long the server asked to wait (its `Retry-After`), in ms. */
  retryAfterMs?: number;
  /** The underlying error (e.g. fetch's `TypeError`), kept as the standard `Error.cause`. */
  cause?: unknown;
}

/**
 * The one error type embedkit raises. Messages name the endpoint and the fix, and never
 * contain a client secret (they are built only from metadata, never from a response body).
 */
export class EmbedkitError extends Error {
  // `declare`d, then copied from the details in one go: neither field declarations nor a list of
  // names end up in every bundle. A detail not given is absent (reads `undefined`).
  declare readonly code: EmbedkitErrorCode;
  declare readonly kind: SessionKind | undefined;
  declare readonly endpoint: string | undefined;
  declare readonly status: number | undefined;
  /** The `error.code` a refusing server gave (e.g. `origin_not_allowed` from embedkit/server), when its JSON body had one. */
  declare readonly serverCode: string | undefined;
  declare readonly field: string | undefined;
  declare readonly retryable: boolean;
  declare readonly retryAfterMs: number | undefined;

  constructor(message: string, details: EmbedkitErrorDetails) {
    // The details are Error's options too: a `cause` given becomes the standard one (copied over
    // below, it stays non-enumerable); none given, none set.
    super(message, details);
    Object.assign(this, { name: 'EmbedkitError', retryable: false }, details);
  }
}
