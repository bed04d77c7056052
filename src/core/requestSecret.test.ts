import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EmbedkitError } from './EmbedkitError.js';
import { requestSecret } from './requestSecret.js';
import { createManualClock, type ManualClock } from './testing/manualClock.js';
import { createSecretEndpoint } from './testing/createSecretEndpoint.js';
import type { FetchSecret } from './types.js';

/** Recognisable so every assertion can look for it anywhere. */
const SECRET = 'accs_secret_TOPSECRET7f3a9c';
const CUSTOMER_SECRET = 'cuss_secret_TOPSECRET7f3a9c';
const SECRET_MARK = 'TOPSECRET7f3a9c';

type Reply = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A real HTTP server whose answers each test queues; it records what it received. */
let server: Server;
let base: string;
let replies: Reply[];
let received: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const reply = replies.shift() ?? ((_q, r) => r.writeHead(599).end());
      reply(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  replies = [];
  received = [];
  clock = createManualClock();
});

let clock: ManualClock;
const inHalfAnHour = () => Math.floor(clock.now() / 1000) + 1800;

const json = (status: number, value: unknown): Reply => (_req, res) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
const html = (status: number): Reply => (_req, res) =>
  res.writeHead(status, { 'content-type': 'text/html' }).end(`<!doctype html><html><body>Error ${SECRET}</body></html>`);
const session = (): Reply => json(200, { object: 'account_session', client_secret: SECRET, expires_at: inHalfAnHour(), livemode: false });

/** Runs the clock's timers (backoff waits) as they appear until `promise` settles. */
async function settle<T>(promise: Promise<T>): Promise<T> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  while (!done) {
    if (clock.pendingTimers() > 0) await clock.advance(60_000);
    else await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return promise;
}

async function failure(promise: Promise<unknown>): Promise<EmbedkitError> {
  const error = await settle(promise).then(
    () => expect.unreachable('expected a rejection'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmbedkitError);
  assertNoSecret(error as EmbedkitError);
  return error as EmbedkitError;
}

function assertNoSecret(error: EmbedkitError) {
  for (const text of [error.message, String(error), JSON.stringify(error), inspect(error, { depth: 5 }), error.stack ?? '']) {
    expect(text).not.toContain(SECRET_MARK);
  }
}

const noJitter = { random: () => 0 };

describe('requestSecret with an endpoint URL', () => {
  it('POSTs JSON with the params and returns a validated ClientSecret', async () => {
    replies.push(session());
    const secret = await settle(requestSecret(`${base}/api/account-session`, 'account_session', { clock, params: { account: 'acct_1' } }));
    expect(secret.reveal()).toBe(SECRET);
    expect(secret.kind).toBe('account_session');
    expect(secret.expiresAt).toBe(inHalfAnHour());
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: 'POST', url: '/api/account-session', body: '{"account":"acct_1"}' });
    expect(received[0]!.headers['content-type']).toBe('application/json');
  });

  it('accepts camelCase answers', async () => {
    replies.push(json(200, { clientSecret: SECRET, expiresAt: inHalfAnHour() }));
    expect((await settle(requestSecret(`${base}/x`, 'account_session', { clock }))).reveal()).toBe(SECRET);
  });
});

describe('requestSecret with a request description', () => {
  it('uses method and headers, and merges body with params (params win)', async () => {
    replies.push(session());
    const request: FetchSecret = { url: `${base}/sessions?token=abc`, method: 'PUT', headers: { 'x-csrf': 'tok' }, body: { account: 'acct_static', components: ['payments'] } };
    await settle(requestSecret(request, 'account_session', { clock, params: { account: 'acct_2' } }));
    expect(received[0]).toMatchObject({ method: 'PUT', url: '/sessions?token=abc' });
    expect(received[0]!.headers['x-csrf']).toBe('tok');
    expect(JSON.parse(received[0]!.body)).toEqual({ account: 'acct_2', components: ['payments'] });
  });

  it('names the endpoint without its query string in errors', async () => {
    replies.push(json(403, { error: 'no' }));
    const error = await failure(requestSecret({ url: `${base}/sessions?token=abc` }, 'account_session', { clock }));
    expect(error.endpoint).toBe(`POST ${base}/sessions`);
    expect(error.message).toContain(`POST ${base}/sessions`);
    expect(error.message).not.toContain('token=abc');
  });
});

describe('requestSecret with a function', () => {
  it('passes signal, kind and params, and accepts a bare string for Financial Connections', async () => {
    const fn = vi.fn(() => 'fcsess_1Pgc76B7WZ01zgkWnYmFk7mZ_secret_abc');
    const secret = await requestSecret(fn, 'financial_connections_session', { clock, params: { mode: 'accounts' } });
    expect(secret.expiresAt).toBeNull();
    expect(fn).toHaveBeenCalledWith({ signal: expect.any(AbortSignal), kind: 'financial_connections_session', params: { mode: 'accounts' } });
  });

  it('rejects a bare string for an AccountSession: expires_at is needed to renew in time', async () => {
    // The types refuse it as well (SecretAnswer<'account_session'>); a plain JavaScript caller gets this.
    const error = await failure(requestSecret((() => SECRET) as unknown as FetchSecret<'account_session'>, 'account_session', { clock }));
    expect(error).toMatchObject({ code: 'invalid_response', field: 'expires_at', endpoint: 'fetchSecret function' });
  });

  it('wraps a throwing function as a retryable network error, keeping the cause', async () => {
    const cause = new Error('boom');
    const fn = vi.fn(() => Promise.reject(cause));
    const error = await failure(requestSecret(fn, 'account_session', { clock, retry: { attempts: 2, ...noJitter } }));
    expect(error).toMatchObject({ code: 'network', retryable: true, cause });
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('passes an EmbedkitError thrown by the function through unchanged', async () => {
    const thrown = new EmbedkitError('Signed out', { code: 'http', status: 401 });
    const fn = vi.fn(() => Promise.reject(thrown));
    expect(await failure(requestSecret(fn, 'account_session', { clock }))).toBe(thrown);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe('malformed answers', () => {
  it('non-JSON', async () => {
    replies.push((_q, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(`ok ${SECRET}`));
    const error = await failure(requestSecret(`${base}/x`, 'account_session', { clock }));
    expect(error).toMatchObject({ code: 'invalid_response', field: 'body', retryable: false });
    expect(error.message).toMatch(/not JSON/);
  });

  it('an HTML page with status 200 (a dev server fallback)', async () => {
    replies.push(html(200));
    const error = await failure(requestSecret(`${base}/x`, 'account_session', { clock }));
    expect(error).toMatchObject({ code: 'invalid_response', field: 'body' });
    expect(error.message).toMatch(/HTML page/);
  });

  it('an HTML error page with status 500 is an http error, retried, body never read into the message', async () => {
    replies.push(html(500), html(500));
    const error = await failure(requestSecret(`${base}/x`, 'account_session', { clock, retry: { attempts: 2, ...noJitter } }));
    expect(error).toMatchObject({ code: 'http', status: 500, retryable: true });
    expect(received).toHaveLength(2);
  });

  it('missing client_secret', async () => {
    replies.push(json(200, { expires_at: inHalfAnHour() }));
    expect(await failure(requestSecret(`${base}/x`, 'account_session', { clock }))).toMatchObject({ code: 'invalid_response', field: 'client_secret' });
  });

  it('client_secret of the wrong type', async () => {
    replies.push(json(200, { client_secret: 42, expires_at: inHalfAnHour() }));
    const error = await failure(requestSecret(`${base}/x`, 'account_session', { clock }));
    expect(error).toMatchObject({ code: 'invalid_response', field: 'client_secret' });
    expect(error.message).toMatch(/a number/);
  });

  it('an answer that is not an object', async () => {
    replies.push(json(200, [SECRET]));
    expect(await failure(requestSecret(`${base}/x`, 'account_session', { clock }))).toMatchObject({ code: 'invalid_response', field: 'client_secret' });
  });

  it('wrong prefix: a CustomerSession secret from the AccountSession endpoint', async () => {
    replies.push(json(200, { client_secret: CUSTOMER_SECRET, expires_at: inHalfAnHour() }));
    const error = await failure(requestSecret(`${base}/x`, 'account_session', { clock }));
    expect(error).toMatchObject({ code: 'invalid_response', field: 'client_secret' });
    expect(error.message).toContain('accs_secret_');
    expect(error.message).toContain('looks like a CustomerSession secret');
  });

  it('missing expires_at', async () => {
    replies.push(json(200, { client_secret: CUSTOMER_SECRET }));
    expect(await failure(requestSecret(`${base}/x`, 'customer_session', { clock }))).toMatchObject({ code: 'invalid_response', field: 'expires_at' });
  });

  it('expires_at of the wrong type, or in milliseconds', async () => {
    replies.push(json(200, { client_secret: SECRET, expires_at: '1767225600' }), json(200, { client_secret: SECRET, expires_at: clock.now() + 1_800_000 }));
    expect(await failure(requestSecret(`${base}/x`, 'account_session', { clock }))).toMatchObject({ field: 'expires_at' });
    expect((await failure(requestSecret(`${base}/x`, 'account_session', { clock }))).message).toMatch(/milliseconds/);
  });

  it('past expires_at beyond the clock skew is expired; within 30 s skew it is accepted', async () => {
    const nowSeconds = clock.now() / 1000;
    replies.push(json(200, { client_secret: SECRET, expires_at: nowSeconds - 31 }), json(200, { client_secret: SECRET, expires_at: nowSeconds - 29 }));
    const error = await failure(requestSecret(`${base}/x`, 'account_session', { clock }));
    expect(error).toMatchObject({ code: 'expired', field: 'expires_at', retryable: false });
    expect(error.message).toMatch(/expired 31 s ago/);
    expect((await settle(requestSecret(`${base}/x`, 'account_session', { clock }))).expiresAt).toBe(nowSeconds - 29);
  });
});

describe('retry and backoff', () => {
  it('retries 5xx, 429 and network errors, waiting jittered, doubling delays on the clock', async () => {
    replies.push(json(503, {}), json(429, {}), session());
    const wait = vi.spyOn(clock, 'setTimeout');
    const secret = await settle(requestSecret(`${base}/x`, 'account_session', { clock, retry: { attempts: 3, baseDelayMs: 100, random: () => 0.5 } }));
    expect(secret.reveal()).toBe(SECRET);
    expect(received).toHaveLength(3);
    expect(wait.mock.calls.map(([, ms]) => ms)).toEqual([75, 150]);
  });

  it('retries when the server cannot be reached, then reports a network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/x`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const wait = vi.spyOn(clock, 'setTimeout');
    const error = await failure(requestSecret(url, 'account_session', { clock, retry: { attempts: 4, ...noJitter } }));
    expect(error).toMatchObject({ code: 'network', retryable: true });
    expect(error.message).toMatch(/Could not reach/);
    expect(wait).toHaveBeenCalledTimes(3);
  });

  it('caps the delay and honours the configured number of attempts', async () => {
    for (let i = 0; i < 6; i++) replies.push(json(502, {}));
    const wait = vi.spyOn(clock, 'setTimeout');
    const error = await failure(requestSecret(`${base}/x`, 'account_session', { clock, retry: { attempts: 6, baseDelayMs: 1000, maxDelayMs: 3000, random: () => 0.999 } }));
    expect(error).toMatchObject({ code: 'http', status: 502 });
    expect(received).toHaveLength(6);
    const delays = wait.mock.calls.map(([, ms]) => ms);
    expect(delays).toHaveLength(5);
    delays.forEach((ms) => expect(ms).toBeLessThan(3000));
    expect(delays.slice(2).every((ms) => ms > 2990)).toBe(true);
  });

  it.each([400, 401, 403, 404, 422])('does not retry HTTP %i', async (status) => {
    replies.push(json(status, { error: { message: SECRET } }), session());
    const error = await failure(requestSecret(`${base}/x`, 'account_session', { clock }));
    expect(error).toMatchObject({ code: 'http', status, retryable: false });
    expect(received).toHaveLength(1);
  });

  it('does not retry an invalid answer', async () => {
    replies.push(json(200, {}), session());
    await failure(requestSecret(`${base}/x`, 'account_session', { clock }));
    expect(received).toHaveLength(1);
  });
});

describe('abort', () => {
  it('aborts a request in flight with code aborted', async () => {
    replies.push(() => {}); // never answers
    const controller = new AbortController();
    const pending = requestSecret(`${base}/x`, 'account_session', { clock, signal: controller.signal });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    controller.abort();
    expect(await failure(pending)).toMatchObject({ code: 'aborted' });
  });

  it('aborts during a backoff wait without another attempt', async () => {
    replies.push(json(500, {}), session());
    const controller = new AbortController();
    const pending = requestSecret(`${base}/x`, 'account_session', { clock, signal: controller.signal });
    await vi.waitFor(() => expect(clock.pendingTimers()).toBe(1));
    controller.abort();
    expect(await failure(pending)).toMatchObject({ code: 'aborted' });
    expect(received).toHaveLength(1);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('rejects at once when a function ignores the signal', async () => {
    const controller = new AbortController();
    const pending = requestSecret(() => new Promise<never>(() => {}), 'account_session', { clock, signal: controller.signal });
    controller.abort();
    expect(await failure(pending)).toMatchObject({ code: 'aborted' });
  });
});

describe('bad options', () => {
  it.each([[''], [{}], [{ url: 42 }], [null], [7]])('rejects fetchSecret %j with a message naming the accepted shapes', async (fetchSecret) => {
    const error = await failure(requestSecret(fetchSecret as unknown as FetchSecret<'customer_session'>, 'customer_session', { clock }));
    expect(error.code).toBe('invalid_options');
    expect(error.message).toMatch(/endpoint URL, a request description/);
  });
});

describe('Retry-After', () => {
  const limited = (retryAfter: string): Reply => (_req, res) => res.writeHead(429, { 'retry-after': retryAfter }).end();

  it('waits as long as the server asks when that is longer than the backoff', async () => {
    replies.push(limited('2'), session());
    const wait = vi.spyOn(clock, 'setTimeout');
    await settle(requestSecret(`${base}/x`, 'account_session', { clock, retry: noJitter }));
    expect(wait.mock.calls.map(([, ms]) => ms)).toEqual([2000]);
  });

  it('gives up at once when the server asks for more than maxDelayMs, saying how long', async () => {
    replies.push(limited('60'), session());
    const error = await failure(requestSecret(`${base}/x`, 'account_session', { clock, retry: { maxDelayMs: 5000 } }));
    expect(error).toMatchObject({ code: 'http', status: 429, retryable: true, retryAfterMs: 60_000 });
    expect(received).toHaveLength(1);
  });
});

describe('requestSecret for Financial Connections', () => {
  it('requests a fresh secret on every call: nothing is cached', async () => {
    const endpoint = createSecretEndpoint({ kind: 'financial_connections_session', clock });
    const first = await requestSecret(endpoint.fetchSecret, 'financial_connections_session', { clock });
    const second = await requestSecret(endpoint.fetchSecret, 'financial_connections_session', { clock });
    expect([first.reveal(), second.reveal()]).toEqual(endpoint.issued);
    expect(endpoint.calls.map((call) => call.kind)).toEqual(['financial_connections_session', 'financial_connections_session']);
    expect(first).toMatchObject({ kind: 'financial_connections_session', expiresAt: null, redacted: 'fcsess_…_secret_…[redacted]' });
  });

  it('rejects a secret of another kind, naming the expected shape', async () => {
    const error = await requestSecret(() => ({ client_secret: 'accs_secret_TOPSECRET' }), 'financial_connections_session').catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'invalid_response', field: 'client_secret' });
    expect((error as Error).message).toContain('fcsess_…_secret_');
    expect((error as Error).message).not.toContain('TOPSECRET');
  });
});
