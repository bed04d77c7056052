import { authenticate, secretKeyRequired } from '../rest/authenticate.js';
import { decodeForm } from './decodeForm.js';
import { FaultPlan, injectedError, SandboxConnectionDrop } from './FaultPlan.js';
import { IdempotencyCache } from '../rest/IdempotencyCache.js';
import type { LocalAccess } from './localAccess.js';
import { CONTROL_ROUTE_PREFIX } from '../protocol.js';
import { readBody } from './readBody.js';
import type { Route, RouteContext } from './Route.js';
import type { Router } from './Router.js';
import { SandboxApiError } from './SandboxApiError.js';
import type { SandboxStore } from './SandboxStore.js';
import { randomId } from './randomId.js';
import { checkStripeVersion, SANDBOX_API_VERSION } from '../rest/stripeVersion.js';

/** Browser routes and scripts: the stand-ins call them from the app's page, wherever it is served. */
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Max-Age': '600',
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function readJson(request: Request): Promise<Record<string, unknown>> {
  const text = await readBody(request);
  if (text.trim() === '') return {};
  // The one HTML form among the browser routes (the hosted 3D Secure challenge) posts form fields.
  if (request.headers.get('content-type')?.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw SandboxApiError.invalid('The request body is not valid JSON. Send a JSON object with Content-Type: application/json.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw SandboxApiError.invalid('The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

function reply(status: number, body: string, headers: Record<string, string>): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, no-store', ...headers } });
}

function errorReply(error: unknown, headers: Record<string, string>): Response {
  if (error instanceof SandboxApiError) return reply(error.status, JSON.stringify(error.toJSON()), headers);
  // Anything else is a sandbox bug: answer like Stripe's 500, never with a stack trace.
  const body = { error: { type: 'api_error', message: 'An unexpected error occurred in the embedkit sandbox. Please report it with the Request-Id.' } };
  return reply(500, JSON.stringify(body), headers);
}

/**
 * A request that was still reading its body (or waiting out latency) when the sandbox was reset.
 * Route handlers are synchronous, so checking before one runs is enough to keep the fresh world clean.
 */
const staleWorld = () =>
  new SandboxApiError(409, {
    type: 'invalid_request_error',
    code: 'sandbox_reset',
    message: 'The embedkit sandbox was reset while this request was in flight, so it was not applied. Send it again if it belongs to the new test.',
  });

/** Auth, `Stripe-Account` and the form params (body for POST, query for GET) of a REST request. */
async function readRestRequest(store: SandboxStore, request: Request, url: URL, route: Route) {
  // The SDK sends GET and DELETE params in the query string, POST params in the body.
  const raw = request.method.toUpperCase() === 'POST' ? await readBody(request) : url.search.slice(1);
  const form = decodeForm(raw);
  const caller = authenticate(request.headers.get('authorization'), form.key);
  if (caller.publishable) {
    if (!route.publishable) throw secretKeyRequired();
    delete form.key;
  }
  const header = request.headers.get('stripe-account');
  // The platform naming itself is the same as no header.
  const stripeAccount = header === store.platformId ? null : header;
  if (stripeAccount !== null && !store.accounts.has(stripeAccount)) {
    throw new SandboxApiError(403, {
      type: 'invalid_request_error',
      code: 'account_invalid',
      message: `The provided key does not have access to account '${stripeAccount}' (or that account does not exist). Use an id from GET /v1/accounts.`,
    });
  }
  const apiVersion = checkStripeVersion(request.headers.get('stripe-version'));
  return { stripeAccount, apiVersion, raw, form, publishableKey: caller.publishable };
}

export interface SandboxHandlerParts {
  store: SandboxStore;
  router: Router;
  faults: FaultPlan;
  idempotency: IdempotencyCache;
  access: LocalAccess;
  /** `GET /sandbox/scripts/...`: served outside the JSON pipeline. */
  serveScript(request: Request, pathname: string): Promise<Response> | undefined;
}

/**
 * The sandbox as a web-standard `(Request) => Promise<Response>`: routing, Stripe auth, form or
 * JSON bodies, `Stripe-Account`, idempotency, latency and injected failures, Stripe's error JSON.
 */
export function createSandboxHandler({ store, router, faults, idempotency, access, serveScript }: SandboxHandlerParts) {
  return async function handle(request: Request): Promise<Response> {
    // The world this request was sent to; a reset before it commits makes it stale (see below).
    const generation = store.generation;
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const isSandboxRoute = url.pathname.startsWith('/sandbox/');
    const isControlRoute = url.pathname.startsWith(CONTROL_ROUTE_PREFIX);
    const requestId = randomId('req_', 14);
    const headers: Record<string, string> = { 'Request-Id': requestId };
    if (isControlRoute) {
      try {
        access.checkHost(request);
        Object.assign(headers, access.controlHeaders(request));
      } catch (error) {
        return errorReply(error, headers);
      }
    } else if (isSandboxRoute) Object.assign(headers, CORS_HEADERS);
    // Replaced by the version the request asked for once it is checked; never echoed unchecked.
    else headers['Stripe-Version'] = SANDBOX_API_VERSION;
    if (method === 'OPTIONS' && isSandboxRoute) return new Response(null, { status: 204, headers });
    if (method === 'GET' && url.pathname.startsWith('/sandbox/scripts/')) {
      const script = serveScript(request, url.pathname);
      if (script) return script;
    }

    const match = router.match(method, url.pathname);
    // Stripe.js calls these from the app's page: readable from any origin, like api.stripe.com. They
    // need the object's client secret besides the publishable key; secret-key routes stay unreadable to pages.
    if (match?.route.publishable) headers['Access-Control-Allow-Origin'] = '*';
    const key = match?.key ?? `${method} (unrecognized)`;
    store.count(store.requests, key);
    const idempotencyKey = request.headers.get('idempotency-key');
    if (idempotencyKey !== null) headers['Idempotency-Key'] = idempotencyKey;
    let saving: [scope: string, key: string] | null = null;
    try {
      // Stripe's API (and any unknown path) answers this machine's names only; see LocalAccess.
      if (!isSandboxRoute) access.checkHost(request);
      // A request from before a reset neither takes an injected failure meant for the new world nor changes it.
      const current = () => {
        if (isControlRoute || store.generation === generation) return;
        headers['Stripe-Should-Retry'] = 'false';
        throw staleWorld();
      };
      const delay = isControlRoute ? 0 : faults.latencyFor(key, url.pathname);
      if (delay > 0) await sleep(delay);
      current();
      if (!match) {
        throw new SandboxApiError(404, {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${method}: ${url.pathname}). The embedkit sandbox implements the Stripe endpoints embedkit uses; see https://github.com/embedkit/embedkit/blob/main/docs/sandbox-and-testing.md for the list.`,
        });
      }
      const rule = isControlRoute ? undefined : faults.take(key, url.pathname);
      if (rule && !rule.drop) throw injectedError(rule.status ?? 500, rule.code);

      const ctx: RouteContext = {
        store,
        request,
        path: match.path,
        form: {},
        json: {},
        stripeAccount: null,
        publishableKey: false,
        requestId,
        idempotencyKey,
      };
      if (match.family === 'rest') {
        const { stripeAccount, apiVersion, raw, form, publishableKey } = await readRestRequest(store, request, url, match.route);
        headers['Stripe-Version'] = apiVersion;
        ctx.stripeAccount = stripeAccount;
        ctx.form = form;
        ctx.publishableKey = publishableKey;
        if (method === 'POST' && idempotencyKey !== null) {
          const scope = stripeAccount ?? '';
          const outcome = idempotency.begin(scope, idempotencyKey, `${key}\u0000${raw}`);
          if (outcome.kind === 'replay') {
            if (rule?.drop) throw new SandboxConnectionDrop();
            return reply(outcome.status, outcome.body, { ...headers, 'Idempotent-Replayed': 'true' });
          }
          saving = [scope, idempotencyKey];
        }
      } else {
        ctx.json = method === 'POST' ? await readJson(request) : {};
      }

      current();
      const result = await match.route.handle(ctx);
      if (result instanceof Response) return result;
      const body = JSON.stringify(result);
      if (saving) {
        idempotency.save(...saving, 200, body);
        saving = null;
      }
      if (rule?.drop) throw new SandboxConnectionDrop();
      return reply(200, body, headers);
    } catch (error) {
      if (saving && error instanceof SandboxApiError && error.status === 402) {
        // Stripe saves a card decline like a success: the request ran and changed the PaymentIntent.
        idempotency.save(...saving, 402, JSON.stringify(error.toJSON()));
        saving = null;
      }
      if (saving) idempotency.abandon(...saving);
      if (error instanceof SandboxConnectionDrop) throw error;
      return errorReply(error, headers);
    }
  };
}
