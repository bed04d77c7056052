import type { SessionKind } from '../core/types.js';
import { deadline, raceSignal } from '../shared/deadline.js';
import { discardBody } from '../shared/readBoundedText.js';
import { withoutSecrets } from '../shared/secretLike.js';
import { checkHost, checkOrigin, originRules, type CorsHeaders, type OriginRules } from './checkOrigin.js';
import { configError } from './configError.js';
import { ForbiddenError } from './ForbiddenError.js';
import { jsonAnswer, refusalAnswer, SECURITY_HEADERS } from './jsonAnswer.js';
import { mapStripeError } from './mapStripeError.js';
import { readJsonBody } from './readJsonBody.js';
import { Refusal } from './Refusal.js';
import { readStripeAnswer, StripeAnswerError, type SessionField } from './readStripeAnswer.js';
import { bodyTimedOut, checkTimeouts, clientClosed, requestTimedOut } from './timeouts.js';
import type { BaseHandlerOptions, HandlerContext, ServerEvent, SessionHandler } from './types.js';

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
  /**
   * Runs the app's `authorize` and validates its answer, reading each field of it once into a
   * new plain object (a getter may answer differently on a second read); `null` means nobody is
   * signed in. The pipeline freezes the result, and everything after uses only that copy.
   */
  authorize(request: Request, body: Record<string, unknown>): Promise<A | null>;
  /** The ids the event may name (account / customer). */
  describe(authorized: A): Pick<ServerEvent, 'account' | 'customer'>;
  /**
   * Creates the session with Stripe and returns Stripe's answer as is. `stripeOptions` goes to the
   * SDK call as its request options, so Stripe is not waited on past the request's time limit.
   */
  create(authorized: A, stripeOptions: { timeout: number }): Promise<unknown>;
  /** What the browser gets from Stripe's answer: exactly these fields, each checked. */
  answer: readonly SessionField[];
}

/**
 * The pipeline every handler shares: Host → method → Origin → rate limit → body → authorize →
 * Stripe → answer check.
 * It never throws: each outcome, including the app's own bugs, becomes a JSON answer with
 * `Cache-Control: no-store`, and the only text that reaches the browser is written here.
 */
export function createSessionHandler<A>(spec: SessionHandlerSpec<A>): SessionHandler {
  const { factory, options } = spec;
  const rules = originRules(options, factory);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw configError(factory, `maxBodyBytes must be a positive whole number of bytes (got ${String(options.maxBodyBytes)}).`);
  }
  for (const name of ['rateLimit', 'onEvent', 'onError'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function') {
      throw configError(factory, `${name} must be a function when given.`);
    }
  }
  const timeouts = checkTimeouts(factory, options.timeouts);

  return async (request: Request, context?: unknown) => {
    const started = performance.now();
    let cors: CorsHeaders = {};
    let ids: Pick<ServerEvent, 'account' | 'customer'> = {};
    // One time limit for the whole request; a client that goes away (request.signal, where the
    // runtime provides it) ends it too, so nothing is created for nobody.
    const budget = deadline(timeouts.requestMs, () => requestTimedOut(timeouts.requestMs), request.signal, clientClosed);
    const step = <T>(work: () => T | Promise<T>): Promise<T> => {
      if (budget.signal.aborted) return Promise.reject(budget.signal.reason);
      return raceSignal(Promise.resolve(work()), budget.signal);
    };
    try {
      checkHost(request, rules);
      if (request.method === 'OPTIONS') return preflight(request, rules);
      if (request.method !== 'POST') {
        throw new Refusal(405, 'method_not_allowed', 'This endpoint only accepts POST.', { Allow: 'POST' });
      }
      cors = checkOrigin(request, rules);
      const limited = await step(() => options.rateLimit?.(request, handlerContext(context)));
      if (limited) throw rateLimited(limited.retryAfterSeconds);
      const bodyLimit = deadline(timeouts.bodyMs, () => bodyTimedOut(timeouts.bodyMs), budget.signal);
      const body = await readJsonBody(request, maxBodyBytes, bodyLimit.signal).finally(bodyLimit.clear);
      const answer = await step(() => spec.authorize(request, body));
      if (answer === null) {
        throw new Refusal(401, 'unauthorized', 'Sign in first: no signed-in user was found for this request.');
      }
      // From here on only this frozen copy is used: the option functions get it and cannot change
      // what Stripe is asked for or what the event reports.
      const authorized = deepFreeze(answer);
      ids = spec.describe(authorized);
      const created = await step(() => spec.create(authorized, { timeout: Math.max(1, budget.remainingMs()) }));
      const result = readStripeAnswer(created, spec.kind, spec.answer);
      emit({ type: 'session_created', kind: spec.kind, status: 200, durationMs: performance.now() - started, ...ids });
      return jsonAnswer(200, result, cors);
    } catch (caught) {
      // The SDK's own timeout is the budget's end: when it fires first, it is still our 504.
      const error = caught instanceof Refusal || budget.remainingMs() > 0 ? caught : requestTimedOut(timeouts.requestMs);
      // An answer sent while the client still uploads is lost on most servers: read the rest first (bounded).
      if (!budget.signal.aborted) await discardBody(request, budget.signal);
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
      // The operator's own mistakes (an unusable authorize() answer) are 5xx refusals, not for onError: logged when it is absent.
      else if (event.status >= 500 && !options.onError) logUnreported(factory, event, error);
      return refusalAnswer(refusal, cors, detail.stripeRequestId);
    } finally {
      budget.clear();
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
  // Without onError the operator still learns why a 5xx happened: one line, secrets cut out.
  function report(error: unknown, event: ServerEvent) {
    try {
      if (options.onError) options.onError(error, event);
      else logUnreported(factory, event, error);
    } catch {
      /* ignored on purpose, see emit */
    }
  }
}

/** One line for the server's log, where no onError takes the failure: what was answered and why, secrets cut out. */
function logUnreported(factory: string, event: ServerEvent, error: unknown): void {
  const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(withoutSecrets(`embedkit/server ${factory}: answered ${event.status} ${event.code}. ${cause} (pass onError to send these to your error tracker instead)`));
}

/** Only a string `clientAddress` is taken from the second argument: frameworks pass their own objects there. */
function handlerContext(context: unknown): Readonly<HandlerContext> {
  const clientAddress = typeof context === 'object' && context !== null ? (context as HandlerContext).clientAddress : undefined;
  return Object.freeze(typeof clientAddress === 'string' && clientAddress !== '' ? { clientAddress } : {});
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function classify(error: unknown): { refusal: Refusal; detail: Partial<ServerEvent> } {
  if (error instanceof Refusal) return { refusal: error, detail: {} };
  if (error instanceof StripeAnswerError) {
    return { refusal: new Refusal(502, 'stripe_answer_invalid', 'Stripe answered without a usable session. Retry shortly.'), detail: error.detail };
  }
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

/**
 * Only allowed cross-origin callers preflight; same-origin pages never do. In Next.js the handler
 * must also be exported as `OPTIONS`, or Next answers the preflight itself without CORS headers.
 */
function preflight(request: Request, rules: OriginRules): Response {
  const cors = checkOrigin(request, rules);
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
      // The answer echoes the requested headers, so a cache must key on them as well.
      Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': allowHeaders,
      'Access-Control-Max-Age': PREFLIGHT_MAX_AGE_SECONDS,
    },
  });
}
