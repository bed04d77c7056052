import type { SessionKind } from '../core/types.js';
import { checkOrigin, normalizeAllowedOrigins, type CorsHeaders } from './checkOrigin.js';
import { configError } from './configError.js';
import { ForbiddenError } from './ForbiddenError.js';
import { mapStripeError } from './mapStripeError.js';
import { readJsonBody } from './readJsonBody.js';
import { Refusal } from './Refusal.js';
import type { BaseHandlerOptions, ServerEvent, SessionHandler } from './types.js';

const DEFAULT_MAX_BODY_BYTES = 8192;
const PREFLIGHT_MAX_AGE_SECONDS = '600';
/** Header names a preflight may ask for, echoed back only if every one is a plain token. */
const HEADER_LIST = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/;

/** What a handler factory plugs into the shared request pipeline. */
export interface SessionHandlerSpec<A> {
  /** The public factory's name, for start-up errors. */
  factory: string;
  kind: SessionKind;
  options: BaseHandlerOptions & { onError?: (error: unknown, event: ServerEvent) => void };
  /** Runs the app's `authorize` and validates its answer; `null` means nobody is signed in. */
  authorize(request: Request, body: Record<string, unknown>): Promise<A | null>;
  /** The ids the event may name (account / customer). */
  describe(authorized: A): Pick<ServerEvent, 'account' | 'customer'>;
  /** Creates the session and returns exactly the success body. */
  create(authorized: A): Promise<Record<string, unknown>>;
}

/**
 * The pipeline every handler shares: method → Origin → rate limit → body → authorize → Stripe.
 * It never throws: each outcome, including the app's own bugs, becomes a JSON answer with
 * `Cache-Control: no-store`, and the only text that reaches the browser is written here.
 */
export function createSessionHandler<A>(spec: SessionHandlerSpec<A>): SessionHandler {
  const { factory, options } = spec;
  const allowedOrigins = normalizeAllowedOrigins(options.allowedOrigins, factory);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw configError(factory, `maxBodyBytes must be a positive whole number of bytes (got ${String(options.maxBodyBytes)}).`);
  }
  for (const name of ['rateLimit', 'onEvent', 'onError'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function') {
      throw configError(factory, `${name} must be a function when given.`);
    }
  }

  return async (request) => {
    const started = performance.now();
    let cors: CorsHeaders = {};
    let ids: Pick<ServerEvent, 'account' | 'customer'> = {};
    try {
      if (request.method === 'OPTIONS') return preflight(request, allowedOrigins);
      if (request.method !== 'POST') {
        throw new Refusal(405, 'method_not_allowed', 'This endpoint only accepts POST.', { Allow: 'POST' });
      }
      cors = checkOrigin(request, allowedOrigins);
      const limited = await options.rateLimit?.(request);
      if (limited) throw rateLimited(limited.retryAfterSeconds);
      const body = await readJsonBody(request, maxBodyBytes);
      const authorized = await spec.authorize(request, body);
      if (authorized === null) {
        throw new Refusal(401, 'unauthorized', 'Sign in first: no signed-in user was found for this request.');
      }
      ids = spec.describe(authorized);
      const result = await spec.create(authorized);
      emit({ type: 'session_created', kind: spec.kind, status: 200, durationMs: performance.now() - started, ...ids });
      return json(200, result, cors);
    } catch (error) {
      const { refusal, detail } = classify(error);
      const event: ServerEvent = {
        type: 'request_failed',
        kind: spec.kind,
        status: refusal.status,
        code: refusal.code,
        durationMs: performance.now() - started,
        ...ids,
        ...detail,
      };
      emit(event);
      if (!(error instanceof Refusal) && !isForbidden(error)) report(error, event);
      const requestId = detail.stripeRequestId === undefined ? {} : { request_id: detail.stripeRequestId };
      return json(refusal.status, { error: { code: refusal.code, message: refusal.message, ...requestId } }, { ...cors, ...refusal.headers });
    }
  };

  // A broken logger must not turn a created session (or a clean refusal) into a failure.
  function emit(event: ServerEvent) {
    try {
      options.onEvent?.(event);
    } catch {
      /* ignored on purpose, see above */
    }
  }
  function report(error: unknown, event: ServerEvent) {
    try {
      options.onError?.(error, event);
    } catch {
      /* ignored on purpose, see emit */
    }
  }
}

function classify(error: unknown): { refusal: Refusal; detail: Partial<ServerEvent> } {
  if (error instanceof Refusal) return { refusal: error, detail: {} };
  if (isForbidden(error)) {
    return { refusal: new Refusal(403, 'forbidden', 'The signed-in user may not create this session.'), detail: {} };
  }
  const stripe = mapStripeError(error);
  if (stripe) return stripe;
  return {
    refusal: new Refusal(500, 'internal_error', 'The server failed while creating the session. The server operator should check its logs.'),
    detail: {},
  };
}

/** By name as well as class, so a ForbiddenError from a second copy of embedkit still counts. */
function isForbidden(error: unknown): boolean {
  return error instanceof ForbiddenError || (error instanceof Error && error.name === 'ForbiddenError');
}

function rateLimited(retryAfterSeconds: unknown): Refusal {
  const seconds = typeof retryAfterSeconds === 'number' && Number.isFinite(retryAfterSeconds) ? Math.max(1, Math.ceil(retryAfterSeconds)) : 1;
  return new Refusal(429, 'rate_limited', `Too many requests. Retry in ${seconds} s.`, { 'Retry-After': String(seconds) });
}

/** Only allowed cross-origin callers preflight; same-origin pages never do. */
function preflight(request: Request, allowedOrigins: ReadonlySet<string>): Response {
  const cors = checkOrigin(request, allowedOrigins);
  if (Object.keys(cors).length === 0 || request.headers.get('access-control-request-method') === null) {
    throw new Refusal(405, 'method_not_allowed', 'This endpoint only accepts POST.', { Allow: 'POST' });
  }
  const asked = request.headers.get('access-control-request-headers')?.trim() ?? '';
  const allowHeaders = HEADER_LIST.test(asked) ? asked : 'Content-Type';
  return new Response(null, {
    status: 204,
    headers: {
      ...SECURITY_HEADERS,
      ...cors,
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': allowHeaders,
      'Access-Control-Max-Age': PREFLIGHT_MAX_AGE_SECONDS,
    },
  });
}

const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  // The answer depends on Origin (CORS headers), so shared caches must key on it.
  Vary: 'Origin',
};

function json(status: number, body: unknown, headers: Readonly<Record<string, string>>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}
