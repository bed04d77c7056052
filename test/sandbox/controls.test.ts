import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSandbox } from '../../src/sandbox';
import { CONTROL_ROUTES } from '../../src/sandbox/protocol';
import { startSandbox, stripeError } from './startSandbox';

const auth = { Authorization: 'Bearer sk_test_1' };
const createBody = (account: string) => `account=${account}&components[payments][enabled]=true`;

describe('sandbox controls over HTTP', () => {
  it('reports state, injects failures, sets lifetime and the clock, and resets', async () => {
    // startSandbox freezes the wall clock: the SDK's retry backoff must not move sandbox time.
    const { stripe, account, post, get } = await startSandbox();
    expect((await post(CONTROL_ROUTES.fail, { route: 'POST /v1/account_sessions', status: 503, count: 2, code: 'upstream' })).body).toEqual({ ok: true });
    const noRetry = stripe.accountSessions.create({ account, components: { payments: { enabled: true } } }, { maxNetworkRetries: 0 });
    expect(await stripeError(noRetry)).toMatchObject({ statusCode: 503, code: 'upstream', type: 'StripeAPIError' });

    await post(CONTROL_ROUTES.lifetime, { seconds: 120 });
    await post(CONTROL_ROUTES.clock, { now: 2_000_000_000 });
    const session = await stripe.accountSessions.create({ account, components: { payments: { enabled: true } } }, { maxNetworkRetries: 1 });
    expect(session.expires_at).toBe(2_000_000_120);
    await post(CONTROL_ROUTES.clock, { advanceSeconds: 60 });

    const { body: state } = await get(CONTROL_ROUTES.state);
    expect(state).toMatchObject({ now: 2_000_000_060, lifetimeSeconds: 120, liveSessions: 1, sessionsCreated: { account_session: 1 } });
    expect(state.requests['POST /v1/account_sessions']).toBe(3);

    await post(CONTROL_ROUTES.reset, {});
    const { body: after } = await get(CONTROL_ROUTES.state);
    expect(after).toMatchObject({ lifetimeSeconds: 1800, liveSessions: 0, sessionsCreated: { account_session: 0 } });
    expect(after.now).toBe(1_700_000_000);
  });

  it('refuses control input it cannot use, naming the fix', async () => {
    const { post } = await startSandbox();
    const unknown = await post(CONTROL_ROUTES.fail, { route: 'POST /v1/charges', status: 500 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('Use one of: ');
    expect((await post(CONTROL_ROUTES.fail, { route: 'POST /v1/account_sessions', status: 200 })).status).toBe(400);
    expect((await post(CONTROL_ROUTES.latency, { ms: -1 })).status).toBe(400);
    expect((await post(CONTROL_ROUTES.lifetime, { seconds: '60' })).status).toBe(400);
    expect((await post(CONTROL_ROUTES.clock, {})).status).toBe(400);
  });

  it('applies a failure to a bare path on any method, and to browser routes', async () => {
    const { post } = await startSandbox();
    await post(CONTROL_ROUTES.fail, { route: '/sandbox/v1/claim', status: 500, count: 1 });
    expect((await post('/sandbox/v1/claim', { client_secret: 'x' })).status).toBe(500);
    expect((await post('/sandbox/v1/claim', { client_secret: 'accs_secret__x' })).status).toBe(404);
  });
});

describe('sandbox controls in code', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('delays answers by the configured latency, globally or per route', async () => {
    vi.useFakeTimers();
    const sandbox = createSandbox({ latencyMs: 200 });
    const account = sandbox.state().seeded.accounts[0] ?? '';
    sandbox.control.latency(1000, 'POST /v1/account_sessions');
    let settled = false;
    const pending = sandbox
      .fetch(new Request('http://localhost/v1/account_sessions', { method: 'POST', headers: auth, body: new URLSearchParams(createBody(account)) }))
      .then((res) => {
        settled = true;
        return res;
      });
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).status).toBe(200);

    const list = sandbox.fetch(new Request('http://localhost/v1/accounts', { headers: auth }));
    await vi.advanceTimersByTimeAsync(200);
    expect((await list).status).toBe(200);
    expect(sandbox.state().latencyMs).toBe(200);
  });

  it('rejects the fetch like a network failure when a response is dropped', async () => {
    const sandbox = createSandbox();
    sandbox.control.dropNext('GET /v1/accounts');
    await expect(sandbox.fetch(new Request('http://localhost/v1/accounts', { headers: auth }))).rejects.toBeInstanceOf(TypeError);
    expect((await sandbox.fetch(new Request('http://localhost/v1/accounts', { headers: auth }))).status).toBe(200);
  });

  it('throws a clear error when url is read before listen, and validates options', async () => {
    const sandbox = createSandbox();
    expect(() => sandbox.url).toThrow(/await sandbox.listen\(\)/);
    expect(() => createSandbox({ lifetimeSeconds: 0 })).toThrow(/lifetimeSeconds must be a positive number/);
    expect(() => createSandbox({ seed: 1.5 })).toThrow(/seed must be an integer/);
    expect(() => createSandbox({ maxSessions: 0 })).toThrow(/maxSessions must be an integer >= 1/);
    expect(() => createSandbox({ clock: 5 as never })).toThrow(/clock must be a function/);
    expect(() => sandbox.control.failNext('POST /v1/nope', 500)).toThrow(/Unknown sandbox route/);
    const url = await sandbox.listen();
    expect(sandbox.url).toBe(url);
    await expect(sandbox.listen()).rejects.toThrow(/already listening/);
    await sandbox.close();
    expect(() => sandbox.url).toThrow();
  });

  it('keeps memory bounded: caps sessions and evicts expired ones after the grace period', async () => {
    const sandbox = createSandbox({ maxSessions: 5, lifetimeSeconds: 60 });
    const account = sandbox.state().seeded.accounts[0] ?? '';
    const create = () =>
      sandbox.fetch(new Request('http://localhost/v1/account_sessions', { method: 'POST', headers: auth, body: new URLSearchParams(createBody(account)) }));
    for (let i = 0; i < 12; i++) expect((await create()).status).toBe(200);
    expect(sandbox.state().liveSessions).toBe(5);
    expect(sandbox.state().sessionsCreated.account_session).toBe(12);
    sandbox.control.advanceClock(60 + 600 + 1);
    await create();
    expect(sandbox.state().liveSessions).toBe(1);
  });
});

describe('reset while a request is in flight', () => {
  /** A request whose body arrives only when `finish` is called: the handler is suspended reading it. */
  function slowRequest(url: string, headers: Record<string, string>, body: string) {
    let finish!: () => void;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        finish = () => {
          controller.enqueue(new TextEncoder().encode(body));
          controller.close();
        };
      },
    });
    const request = new Request(url, { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit);
    return { request, finish: () => finish() };
  }

  it('does not let a create that began before reset() land in the fresh world', async () => {
    const sandbox = createSandbox();
    const account = sandbox.state().seeded.accounts[0] ?? '';
    const create = slowRequest('http://localhost/v1/account_sessions', { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' }, createBody(account));
    const answer = sandbox.fetch(create.request);
    sandbox.reset();
    create.finish();
    const res = await answer;
    expect(res.status).toBe(409);
    // The SDK retries a 409; this one must not be retried into the new world.
    expect(res.headers.get('stripe-should-retry')).toBe('false');
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/reset while this request was in flight/);
    expect(sandbox.state()).toMatchObject({ sessionsCreated: { account_session: 0 }, liveSessions: 0 });

    const customer = slowRequest('http://localhost/v1/customers', { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' }, 'email=late@example.com');
    const late = sandbox.fetch(customer.request);
    sandbox.control.reset();
    customer.finish();
    expect((await late).status).toBe(409);
    const list = await sandbox.fetch(new Request('http://localhost/v1/customers?email=late%40example.com', { headers: auth }));
    expect(((await list.json()) as { data: unknown[] }).data).toEqual([]);

    // A request that starts after the reset is served as usual.
    const fresh = slowRequest('http://localhost/v1/account_sessions', { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' }, createBody(account));
    const ok = sandbox.fetch(fresh.request);
    fresh.finish();
    expect((await ok).status).toBe(200);
  });

  it('does not count a browser event that began before reset() in the fresh world', async () => {
    const sandbox = createSandbox();
    const event = slowRequest('http://localhost/sandbox/v1/events', { 'Content-Type': 'application/json' }, JSON.stringify({ type: 'fetch_client_secret' }));
    const answer = sandbox.fetch(event.request);
    sandbox.reset();
    event.finish();
    expect((await answer).status).toBe(409);
    expect(sandbox.state().events).toEqual({});
  });
});
