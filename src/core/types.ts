/**
 * Shared types of embedkit's framework-agnostic core. Nothing here imports React.
 *
 * The core owns the whole secret lifecycle (fetch, validate, de-duplicate, retry, schedule the
 * next secret, redact); `src/react/` only subscribes to it.
 */

/** The three Stripe session kinds whose client secrets embedkit manages. */
export type SessionKind = 'account_session' | 'customer_session' | 'financial_connections_session';

/**
 * What a secret endpoint or a `fetchSecret` function may answer for a session of kind `K`, in
 * Stripe's snake_case or in camelCase. AccountSession and CustomerSession answers carry Stripe's
 * `expires_at` (unix seconds): embedkit renews the session from it, and refuses an answer without
 * it. A Financial Connections session has no `expires_at`, so its bare secret string will do.
 */
export type SecretAnswer<K extends SessionKind = SessionKind> = K extends 'financial_connections_session'
  ? string | { client_secret: string } | { clientSecret: string }
  : { client_secret: string; expires_at: number } | { clientSecret: string; expiresAt: number };

/** A request description for a secret endpoint. The body (if any) is sent as JSON. */
export interface SecretRequest {
  url: string;
  /** Defaults to `POST`. */
  method?: string;
  headers?: Record<string, string>;
  /**
   * `fetch`'s `credentials`. Default `same-origin`. Spelled out rather than the DOM's
   * `RequestCredentials`, so a Node-only project (no DOM lib) can compile `embedkit/server`.
   */
  credentials?: 'omit' | 'same-origin' | 'include';
  /** Merged with the fields the kit proposes (for example `{ account }`) and sent as JSON. */
  body?: Record<string, unknown>;
}

/** What a `fetchSecret` function receives. */
export interface FetchSecretContext<K extends SessionKind = SessionKind> {
  /** Aborted when the last subscriber leaves or the kit gives up; pass it to `fetch`. */
  signal: AbortSignal;
  kind: K;
  /** Fields the kit proposes to the server, e.g. `{ account: 'acct_…' }` from `<ConnectProvider account>`. */
  params: Record<string, unknown>;
}

/**
 * Where a client secret of kind `K` comes from: an endpoint URL (POST, JSON), a request
 * description, or a function returning the {@link SecretAnswer} for that kind
 * (`{ client_secret, expires_at }`; for Financial Connections `{ client_secret }` or the bare secret).
 */
export type FetchSecret<K extends SessionKind = SessionKind> =
  | string
  | SecretRequest
  | ((context: FetchSecretContext<K>) => SecretAnswer<K> | Promise<SecretAnswer<K>>);

/** The error codes an {@link EmbedkitError} can carry. */
export type EmbedkitErrorCode =
  | 'network'
  | 'http'
  | 'invalid_response'
  | 'expired'
  | 'aborted'
  /** A programming error in the options handed to the kit (e.g. `fetchSecret` of the wrong shape). */
  | 'invalid_options';

/** Time, injectable so tests move hours in microseconds. `now()` is in milliseconds. */
export interface Clock {
  /** Current time in epoch milliseconds, like `Date.now()`. */
  now(): number;
  /** Runs `callback` once after `ms` milliseconds; returns a handle for {@link Clock.clearTimeout}. */
  setTimeout(callback: () => void, ms: number): unknown;
  /** Cancels a pending callback; a handle that already fired or was cleared is ignored. */
  clearTimeout(handle: unknown): void;
}

/** Whether the page is visible; the warm Connect secret is only fetched while it is. */
export interface Visibility {
  /** `true` unless the page is hidden (a background tab, a minimised window). */
  isVisible(): boolean;
  /** Calls `listener` whenever visibility may have changed; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** Retry policy for network errors, 5xx and 429. Other 4xx never retry. */
export interface RetryOptions {
  /** Total attempts including the first. Default 3. */
  attempts?: number;
  /** First backoff delay in ms, doubled each attempt. Default 300. */
  baseDelayMs?: number;
  /** Cap on one delay in ms. Default 5000. */
  maxDelayMs?: number;
  /** Source of jitter in [0, 1). Default `Math.random`. */
  random?: () => number;
}

/**
 * A session's observable state. `status` says whether there is data; `isFetching` says whether a
 * request is in flight, so a background refresh never drops the UI back to a spinner.
 */
export type SessionState =
  | { status: 'idle'; isFetching: boolean; error: null; expiresAt: null; fetchCount: number; redacted: null }
  | { status: 'pending'; isFetching: boolean; error: null; expiresAt: null; fetchCount: number; redacted: null }
  | { status: 'success'; isFetching: boolean; error: null; expiresAt: number | null; fetchCount: number; redacted: string }
  | { status: 'error'; isFetching: boolean; error: import('./EmbedkitError.js').EmbedkitError; expiresAt: number | null; fetchCount: number; redacted: string | null };
