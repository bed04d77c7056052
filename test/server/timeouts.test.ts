import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAccountSessionHandler, type AccountSessionHandlerOptions, type ServerEvent } from '../../src/server';

// Time limits of the web-standard handlers, on plain Requests (toNodeHandler's own are in toNodeHandler.test.ts).
const APP = 'https://app.example.com';
const ACCOUNT = 'acct_1';
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function fakeStripe() {
  const create = vi.fn(async (_params: unknown, _options?: unknown) => ({ client_secret: 'acct_1_secret_x', expires_at: 1 }));
  return { create, stripe: { accountSessions: { create } } as unknown as AccountSessionHandlerOptions['stripe'] };
}

function handlerWith(overrides: Partial<AccountSessionHandlerOptions>) {
  const events: ServerEvent[] = [];
  const { create, stripe } = fakeStripe();
  const handler = createAccountSessionHandler({
    stripe,
    authorize: () => ({ account: ACCOUNT }),
    components: { payments: { enabled: true } },
    onEvent: (event) => events.push(event),
    ...overrides,
  });
  return { handler, events, create };
}

/** A promise and the function that resolves it (Promise.withResolvers needs Node 22). */
function gate() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

function post(init: RequestInit = {}) {
  return new Request(`${APP}/api/session`, { method: 'POST', headers: { origin: APP, 'content-type': 'application/json' }, body: '{}', ...init } as RequestInit);
}

async function errorOf(response: Response) {
  return { status: response.status, code: ((await response.json()) as { error: { code: string } }).error.code, cacheControl: response.headers.get('cache-control') };
}

describe('timeouts', () => {
  it('answers 504 request_timeout when authorize never settles', async () => {
    const { handler, events, create } = handlerWith({ authorize: () => new Promise(() => undefined), timeouts: { requestMs: 30 } });
    expect(await errorOf(await handler(post()))).toEqual({ status: 504, code: 'request_timeout', cacheControl: 'no-store' });
    expect(create).not.toHaveBeenCalled();
    expect(events.map((event) => event.code)).toEqual(['request_timeout']);
  });

  it('answers 408 body_timeout when the body stops arriving', async () => {
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"'));
      },
    });
    const { handler } = handlerWith({ timeouts: { bodyMs: 30 } });
    const request = post({ body: stalled, duplex: 'half', headers: { origin: APP, 'content-type': 'application/json', 'content-length': '5000' } } as RequestInit);
    expect(await errorOf(await handler(request))).toMatchObject({ status: 408, code: 'body_timeout' });
  });

  it('gives the Stripe call the time left as its timeout, and answers 504 when Stripe never answers', async () => {
    const silent = createServer(() => undefined);
    servers.push(silent);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    const stripe = new Stripe('sk_test_123', { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 });
    const create = vi.spyOn(stripe.accountSessions, 'create');
    const handler = createAccountSessionHandler({ stripe, authorize: () => ({ account: ACCOUNT }), components: { payments: { enabled: true } }, timeouts: { requestMs: 200 } });
    expect(await errorOf(await handler(post()))).toMatchObject({ status: 504, code: 'request_timeout' });
    const options = create.mock.calls[0]![1] as { timeout: number };
    expect(options.timeout).toBeGreaterThan(0);
    expect(options.timeout).toBeLessThanOrEqual(200);
    silent.closeAllConnections();
  });

  it('creates nothing once the client is gone (request.signal)', async () => {
    const client = new AbortController();
    const reached = gate();
    const release = gate();
    const { handler, create, events } = handlerWith({
      authorize: async () => {
        reached.resolve();
        await release.promise;
        return { account: ACCOUNT };
      },
    });
    const answer = handler(post({ signal: client.signal }));
    await reached.promise;
    client.abort();
    release.resolve();
    expect(await errorOf(await answer)).toMatchObject({ status: 499, code: 'client_closed' });
    expect(create).not.toHaveBeenCalled();
    expect(events.map((event) => event.code)).toEqual(['client_closed']);
  });

  it('validates the options at start-up, naming the option', () => {
    const { stripe } = fakeStripe();
    const base = { stripe, authorize: () => null, components: { payments: { enabled: true } } };
    expect(() => createAccountSessionHandler({ ...base, timeouts: { bodyMs: 0 } })).toThrow(/timeouts\.bodyMs must be a positive number/);
    expect(() => createAccountSessionHandler({ ...base, timeouts: { requestMs: Number.NaN } })).toThrow(/timeouts\.requestMs/);
    expect(() => createAccountSessionHandler({ ...base, timeouts: { bodyMS: 5 } as never })).toThrow(/timeouts\.bodyMS is not an option/);
    expect(() => createAccountSessionHandler({ ...base, timeouts: 5 as never })).toThrow(/timeouts must be an object/);
  });
});
