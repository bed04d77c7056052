import Stripe from 'stripe';
import { describe, expect, it, vi } from 'vitest';
import {
  createAccountSessionHandler,
  createCustomerSessionHandler,
  createFinancialConnectionsSessionHandler,
  ForbiddenError,
  type ServerEvent,
} from '../../src/server';
import { EmbedkitError } from '../../src/core/EmbedkitError';
import { DRAIN_MAX_BYTES } from '../../src/shared/readBoundedText';

// Every request here is refused before Stripe is called; a client pointed at a closed port
// would turn any accidental call into a 502 and fail the status assertions.
const unreachableStripe = new Stripe('sk_test_123', { host: '127.0.0.1', port: 9, protocol: 'http', maxNetworkRetries: 0 });
const ENDPOINT = 'https://app.example.com/api/account-session';

function handler(overrides: Partial<Parameters<typeof createAccountSessionHandler>[0]> = {}) {
  return createAccountSessionHandler({
    stripe: unreachableStripe,
    authorize: () => ({ account: 'acct_1' }),
    components: { payments: { enabled: true } },
    ...overrides,
  });
}

function post(init: RequestInit & { headers?: Record<string, string> } = {}, url = ENDPOINT) {
  return new Request(url, { method: 'POST', ...init, headers: { origin: new URL(url).origin, ...init.headers } });
}

async function errorOf(response: Response) {
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  return body.error;
}

describe('start-up validation', () => {
  const stripe = unreachableStripe;
  const authorize = () => null;
  it.each([
    ['no options', () => createAccountSessionHandler(undefined as never), /pass an options object/],
    ['no stripe', () => createAccountSessionHandler({ authorize, components: {} } as never), /stripe must be the official Stripe client.*new Stripe/],
    ['no authorize', () => createAccountSessionHandler({ stripe, components: {} } as never), /authorize must be a function.*no allow-all default/],
    ['no components', () => createAccountSessionHandler({ stripe, authorize } as never), /components must be an object or a function \(it is missing\)/],
    ['customer: no components', () => createCustomerSessionHandler({ stripe, authorize } as never), /components must be/],
    ['customer: no authorize', () => createCustomerSessionHandler({ stripe, components: {} } as never), /authorize must be a function/],
    ['FC: no permissions', () => createFinancialConnectionsSessionHandler({ stripe, authorize } as never), /permissions is required/],
    ['FC: empty permissions', () => createFinancialConnectionsSessionHandler({ stripe, authorize, permissions: [] }), /permissions is required/],
    ['FC: bad mode', () => createFinancialConnectionsSessionHandler({ stripe, authorize, permissions: ['balances'], mode: 'token' as never }), /mode must be/],
    [
      'FC: token mode without payment_method',
      () => createFinancialConnectionsSessionHandler({ stripe, authorize, permissions: ['balances'], mode: 'bank_account_token' }),
      /needs the 'payment_method' permission/,
    ],
    ['bad allowedOrigins', () => handler({ allowedOrigins: ['https://app.example.com/'] }), /not an origin.*scheme:\/\/host/],
    ['wildcard origin', () => handler({ allowedOrigins: ['*'] }), /not an origin/],
    ['bad maxBodyBytes', () => handler({ maxBodyBytes: 0 }), /maxBodyBytes must be a positive/],
    ['bad onEvent', () => handler({ onEvent: 'log' as never }), /onEvent must be a function/],
  ])('%s → an invalid_options EmbedkitError naming the fix', (_name, create, message) => {
    expect(create).toThrow(EmbedkitError);
    expect(create).toThrow(expect.objectContaining({ code: 'invalid_options' }));
    expect(create).toThrow(message);
  });
});

describe('request rules', () => {
  it.each(['GET', 'PUT', 'DELETE', 'PATCH'])('%s → 405 with Allow: POST', async (method) => {
    const response = await handler()(new Request(ENDPOINT, { method }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect((await errorOf(response)).code).toBe('method_not_allowed');
  });

  it('refuses a foreign Origin with 403', async () => {
    const response = await handler()(post({ headers: { origin: 'https://evil.example' } }));
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('origin_not_allowed');
  });

  it("refuses Origin 'null' (sandboxed frames, file://) and a cross-site request without Origin", async () => {
    expect((await handler()(post({ headers: { origin: 'null' } }))).status).toBe(403);
    const noOrigin = new Request(ENDPOINT, { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } });
    expect((await handler()(noOrigin)).status).toBe(403);
  });

  it('refuses the same host on another scheme or port', async () => {
    expect((await handler()(post({ headers: { origin: 'http://app.example.com' } }))).status).toBe(403);
    expect((await handler()(post({ headers: { origin: 'https://app.example.com:8443' } }))).status).toBe(403);
  });

  it('lets an allowed cross origin through with credentialed CORS headers, and answers its preflight', async () => {
    const authorize = vi.fn(() => null);
    const h = handler({ allowedOrigins: ['https://admin.example.com'], authorize });
    const response = await h(post({ headers: { origin: 'https://admin.example.com' } }));
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('vary')).toBe('Origin');
    expect(authorize).toHaveBeenCalledOnce();

    const preflight = await h(
      new Request(ENDPOINT, {
        method: 'OPTIONS',
        headers: { origin: 'https://admin.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-csrf' },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type, x-csrf');
    const foreignPreflight = await h(
      new Request(ENDPOINT, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } }),
    );
    expect(foreignPreflight.status).toBe(403);
  });

  it.each(['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain', 'application/jsonp'])(
    'refuses Content-Type %s with 415, even with an empty body (CSRF)',
    async (type) => {
      const authorize = vi.fn(() => ({ account: 'acct_1' }));
      const response = await handler({ authorize })(post({ headers: { 'content-type': type } }));
      expect(response.status).toBe(415);
      expect((await errorOf(response)).code).toBe('unsupported_media_type');
      expect(authorize).not.toHaveBeenCalled();
    },
  );

  it('refuses a body without Content-Type', async () => {
    const response = await handler()(new Request(ENDPOINT, { method: 'POST', body: new Blob(['{"account":"acct_1"}']) }));
    expect(response.status).toBe(415);
  });

  it('refuses a body over the limit with 413, by Content-Length and while streaming', async () => {
    const big = JSON.stringify({ account: 'acct_1', pad: 'x'.repeat(9000) });
    const declared = await handler()(post({ body: big, headers: { 'content-type': 'application/json' } }));
    expect(declared.status).toBe(413);
    expect((await errorOf(declared)).code).toBe('body_too_large');

    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode(' '.repeat(1024)));
      },
    });
    const streamed = await handler({ maxBodyBytes: 4096 })(
      post({ body: endless, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit & { headers: Record<string, string> }),
    );
    expect(streamed.status).toBe(413);
    // The limit, then at most the drain allowance that lets every runtime deliver the 413.
    expect(pulled * 1024).toBeLessThanOrEqual(4096 + DRAIN_MAX_BYTES + 4 * 1024);
  });

  it.each([
    ['not JSON', '{account:'],
    ['an array', '["acct_1"]'],
    ['a string', '"acct_1"'],
    ['a non-string account', '{"account":42}'],
    ['a malformed account', '{"account":"cus_123"}'],
  ])('refuses a body that is %s with 400', async (_name, body) => {
    const response = await handler()(post({ body, headers: { 'content-type': 'application/json' } }));
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('invalid_body');
  });

  it('401 when authorize finds nobody signed in; 403 when it throws ForbiddenError, without its message', async () => {
    const nobody = await handler({ authorize: () => null })(post());
    expect(nobody.status).toBe(401);
    expect((await errorOf(nobody)).code).toBe('unauthorized');

    const forbidden = await handler({
      authorize: (_request, { proposedAccount }) => {
        throw new ForbiddenError(`user 7 may not act for ${proposedAccount}`);
      },
    })(post({ body: '{"account":"acct_other"}', headers: { 'content-type': 'application/json' } }));
    expect(forbidden.status).toBe(403);
    const error = await errorOf(forbidden);
    expect(error.code).toBe('forbidden');
    expect(error.message).not.toContain('acct_other');
  });

  it('passes the proposed account and the body to authorize, never to Stripe directly', async () => {
    const authorize = vi.fn(() => null);
    await handler({ authorize })(post({ body: '{"account":"acct_proposed","extra":1}', headers: { 'content-type': 'application/json' } }));
    expect(authorize).toHaveBeenCalledWith(expect.any(Request), { body: { account: 'acct_proposed', extra: 1 }, proposedAccount: 'acct_proposed' });
  });

  it('500 invalid_authorization when authorize answers something unusable', async () => {
    const response = await handler({ authorize: () => ({ account: 'not-an-account' }) })(post());
    expect(response.status).toBe(500);
    expect((await errorOf(response)).code).toBe('invalid_authorization');
  });

  it('500 internal_error, without the message, when authorize itself throws; onError gets the original', async () => {
    const onError = vi.fn();
    const response = await handler({
      authorize: () => {
        throw new Error('db password is hunter2');
      },
      onError,
    })(post());
    expect(response.status).toBe(500);
    const error = await errorOf(response);
    expect(error.code).toBe('internal_error');
    expect(error.message).not.toContain('hunter2');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'db password is hunter2' }), expect.objectContaining({ status: 500 }));
  });

  it('429 with Retry-After when rateLimit says so, before the body is read or authorize runs', async () => {
    const authorize = vi.fn(() => ({ account: 'acct_1' }));
    const response = await handler({ authorize, rateLimit: () => ({ retryAfterSeconds: 2.2 }) })(post());
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect((await errorOf(response)).code).toBe('rate_limited');
    expect(authorize).not.toHaveBeenCalled();
  });

  it("rateLimit gets the caller's clientAddress, and nothing from a framework's own second argument", async () => {
    const contexts: unknown[] = [];
    const h = handler({ authorize: () => null, rateLimit: (_request, context) => void contexts.push(context) });
    await h(post(), { clientAddress: '203.0.113.7' });
    // Next.js passes { params }, Workers env, Deno info: none of it is a client address.
    await h(post(), { params: Promise.resolve({}) });
    await h(post(), { clientAddress: 42 });
    await h(post());
    expect(contexts).toEqual([{ clientAddress: '203.0.113.7' }, {}, {}, {}]);
    expect(contexts.every((context) => Object.isFrozen(context))).toBe(true);
  });

  it('reports each refusal to onEvent, and a throwing onEvent changes nothing', async () => {
    const events: ServerEvent[] = [];
    await handler({ onEvent: (event) => events.push(event), authorize: () => null })(post());
    expect(events).toEqual([{ type: 'request_failed', kind: 'account_session', status: 401, code: 'unauthorized', durationMs: expect.any(Number) }]);

    const response = await handler({
      authorize: () => null,
      onEvent: () => {
        throw new Error('logger down');
      },
    })(post());
    expect(response.status).toBe(401);
  });

  it('validates what the customer and Financial Connections authorize() answer', async () => {
    const customer = createCustomerSessionHandler({ stripe: unreachableStripe, authorize: () => ({ customer: 'acct_1' }), components: { pricing_table: { enabled: true } } });
    expect((await customer(post())).status).toBe(500);
    const holder = createFinancialConnectionsSessionHandler({
      stripe: unreachableStripe,
      authorize: () => ({ accountHolder: { type: 'customer', account: 'acct_1' } }),
      permissions: ['balances'],
    });
    const response = await holder(post());
    expect(response.status).toBe(500);
    expect((await errorOf(response)).code).toBe('invalid_authorization');
  });

  it("checks permissions computed per request against mode 'bank_account_token' before calling Stripe", async () => {
    const onError = vi.fn();
    const handler = createFinancialConnectionsSessionHandler({
      stripe: unreachableStripe,
      authorize: () => ({ accountHolder: { type: 'customer', customer: 'cus_1' } }),
      permissions: () => ['balances'],
      mode: 'bank_account_token',
      onError,
    });
    const response = await handler(post());
    expect(response.status).toBe(500);
    expect((await errorOf(response)).code).toBe('internal_error');
    expect(onError.mock.calls[0]![0]).toMatchObject({ name: 'EmbedkitError', code: 'invalid_options' });
    expect(String(onError.mock.calls[0]![0])).toMatch(/needs the 'payment_method' permission/);
  });
});
