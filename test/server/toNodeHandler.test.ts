import express from 'express';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAccountSessionHandler, toNodeHandler, type AccountSessionHandlerOptions, type ServerEvent } from '../../src/server';
import { uploadStream } from '../uploadStream';

// Every request here stops at authorize (null → 401) or earlier, so Stripe is never reached;
// the sandbox-backed success path through node:http lives in sessions.sandbox.test.ts.
const unreachableStripe = new Stripe('sk_test_123', { host: '127.0.0.1', port: 9, protocol: 'http', maxNetworkRetries: 0 });

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function spyHandler(overrides: Partial<AccountSessionHandlerOptions> = {}) {
  const authorize = vi.fn<AccountSessionHandlerOptions['authorize']>(() => null);
  const handler = createAccountSessionHandler({ stripe: unreachableStripe, authorize, components: { payments: { enabled: true } }, ...overrides });
  return { authorize, handler };
}

describe('toNodeHandler', () => {
  it('runs on node:http: the JSON body reaches authorize and the answer is written with its headers', async () => {
    const { authorize, handler } = spyHandler();
    const base = await listen(createServer(toNodeHandler(handler)));
    const response = await fetch(`${base}/account-session?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ account: 'acct_proposed' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const [request, context] = authorize.mock.calls[0]!;
    expect(context.proposedAccount).toBe('acct_proposed');
    expect(request.url).toBe(`${base}/account-session?x=1`);
  });

  it('treats the Host it is served on as the same origin, and a foreign Origin as 403', async () => {
    const { handler } = spyHandler();
    const base = await listen(createServer(toNodeHandler(handler)));
    const foreign = await fetch(base, { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
  });

  it('uses X-Forwarded-Proto/Host only with trustProxy', async () => {
    const { handler } = spyHandler();
    const headers = { origin: 'https://app.example.com', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'app.example.com' };
    const trusting = await listen(createServer(toNodeHandler(handler, { trustProxy: true })));
    expect((await fetch(trusting, { method: 'POST', headers })).status).toBe(401);
    const plain = await listen(createServer(toNodeHandler(handler)));
    expect((await fetch(plain, { method: 'POST', headers })).status).toBe(403);
  });

  it('gives rateLimit the socket address: 20 spoofed X-Forwarded-For values share one key', async () => {
    const keys: (string | undefined)[] = [];
    const { handler } = spyHandler({ rateLimit: (_request, { clientAddress }) => void keys.push(clientAddress) });
    const base = await listen(createServer(toNodeHandler(handler)));
    for (let i = 0; i < 20; i += 1) {
      await fetch(base, { method: 'POST', headers: { origin: base, 'x-forwarded-for': `198.51.100.${i}` } });
    }
    expect(keys).toHaveLength(20);
    expect(new Set(keys)).toEqual(new Set([expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$/)]));
  });

  it("with trustProxy, the client address is the rightmost X-Forwarded-For entry (the proxy's), never the client's own claim", async () => {
    const keys: (string | undefined)[] = [];
    const { handler } = spyHandler({ rateLimit: (_request, { clientAddress }) => void keys.push(clientAddress) });
    const base = await listen(createServer(toNodeHandler(handler, { trustProxy: true })));
    const send = (forwardedFor?: string) =>
      fetch(base, { method: 'POST', headers: { origin: base, ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }) } });
    await send('6.6.6.6, 203.0.113.7');
    await send('203.0.113.8');
    await send();
    expect(keys.slice(0, 2)).toEqual(['203.0.113.7', '203.0.113.8']);
    expect(keys[2]).toMatch(/127\.0\.0\.1$/);
  });

  it('start-up: trustProxy must be a boolean, the handler a function', () => {
    const { handler } = spyHandler();
    expect(() => toNodeHandler(handler, { trustProxy: 'true' as never })).toThrow(/trustProxy must be true or false/);
    expect(() => toNodeHandler(undefined as never)).toThrow(/handler must be a function.*toNodeHandler\(createAccountSessionHandler/);
  });

  it.each([
    ['chunked', () => uploadStream(2 * 1024 * 1024)],
    ['with Content-Length', () => new Uint8Array(2 * 1024 * 1024)],
  ])('answers 2 MB uploads (%s) with their 413 JSON, which fetch receives whole (no EPIPE/ECONNRESET)', async (_name, body) => {
    const { authorize, handler } = spyHandler();
    const base = await listen(createServer(toNodeHandler(handler)));
    // Repeated: the lost answer was a race (2 of 5 uploads with Content-Length reset before the fix).
    for (let attempt = 0; attempt < 8; attempt++) {
      const response = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: body(), duplex: 'half' } as RequestInit);
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ error: { code: 'body_too_large' } });
    }
    expect(authorize).not.toHaveBeenCalled();
  });

  it('answers a body a middleware already read (no req.body) at once, with a JSON 500 naming the fix', async () => {
    const { authorize, handler } = spyHandler();
    const app = express();
    app.use((req, _res, next) => {
      req.on('data', () => undefined);
      req.on('end', () => next());
    });
    app.use(toNodeHandler(handler));
    const base = await listen(createServer(app));
    const response = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: '{}' });
    expect(response.status).toBe(500);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('body_already_read');
    expect(error.message).toMatch(/mount the handler before body parsers/);
    expect(authorize).not.toHaveBeenCalled();
  });

  it('answers a stalled upload (Content-Length 5000, 2 bytes sent) with 408 after timeouts.bodyMs', async () => {
    const { authorize, handler } = spyHandler({ timeouts: { bodyMs: 50 } });
    const base = await listen(createServer(toNodeHandler(handler)));
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${base}/`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base, 'content-length': '5000' } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write('{"');
    });
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'body_timeout' } });
    expect(authorize).not.toHaveBeenCalled();
  });

  it('aborts the Request signal when the client goes away, so no session is created', async () => {
    const create = vi.fn();
    const stripe = { accountSessions: { create } } as unknown as AccountSessionHandlerOptions['stripe'];
    let authorizing!: () => void;
    const reached = new Promise<void>((resolve) => (authorizing = resolve));
    let answered!: (event: ServerEvent) => void;
    const logged = new Promise<ServerEvent>((resolve) => (answered = resolve));
    const handler = createAccountSessionHandler({
      stripe,
      authorize: async (request) => {
        authorizing();
        await new Promise((aborted) => request.signal.addEventListener('abort', aborted, { once: true }));
        return { account: 'acct_1' };
      },
      components: { payments: { enabled: true } },
      onEvent: (event) => answered(event),
    });
    const base = await listen(createServer(toNodeHandler(handler)));
    const req = httpRequest(`${base}/`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base } });
    req.on('error', () => undefined);
    req.end('{}');
    await reached;
    req.destroy();
    expect((await logged).code).toBe('client_closed');
    expect(create).not.toHaveBeenCalled();
  });

  it('answers a malformed Host with the same JSON shape and headers as every other answer', async () => {
    const { handler } = spyHandler();
    const base = new URL(await listen(createServer(toNodeHandler(handler))));
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(base.port), base.hostname);
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
      socket.end('POST / HTTP/1.1\r\nHost: [::1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1.1 400/);
    expect(head).toMatch(/content-type: application\/json/i);
    expect(head).toMatch(/cache-control: no-store/i);
    expect(head).toMatch(/x-content-type-options: nosniff/i);
    expect(JSON.parse(body!)).toMatchObject({ error: { code: 'bad_request' } });
  });

  it('works as Express middleware behind express.json(): the parsed body is passed on', async () => {
    const { authorize, handler } = spyHandler();
    const app = express();
    app.post('/api/account-session', express.json(), toNodeHandler(handler));
    const base = await listen(createServer(app));
    const response = await fetch(`${base}/api/account-session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ account: 'acct_fromExpress' }),
    });
    expect(response.status).toBe(401);
    expect(authorize.mock.calls[0]![1]).toEqual({ body: { account: 'acct_fromExpress' }, proposedAccount: 'acct_fromExpress' });
  });

  it('works as Express middleware without a body parser, and keeps the mount path in the URL', async () => {
    const { authorize, handler } = spyHandler();
    const app = express();
    app.use('/api/account-session', toNodeHandler(handler));
    const base = await listen(createServer(app));
    const response = await fetch(`${base}/api/account-session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ account: 'acct_streamed' }),
    });
    expect(response.status).toBe(401);
    const [request, context] = authorize.mock.calls[0]!;
    expect(context.proposedAccount).toBe('acct_streamed');
    expect(new URL(request.url).pathname).toBe('/api/account-session');
  });

  it('hands an error to next() under Express', async () => {
    const app = express();
    const broken = async () => {
      throw new Error('boom');
    };
    const seen = vi.fn();
    app.use(toNodeHandler(broken));
    app.use((error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      seen(error.message);
      res.status(599).end();
    });
    const base = await listen(createServer(app));
    expect((await fetch(base, { method: 'POST' })).status).toBe(599);
    expect(seen).toHaveBeenCalledWith('boom');
  });
});
