import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSandbox } from '../../src/sandbox';
import { BROWSER_ROUTES, CONTROL_ROUTES, SCRIPT_ROUTES } from '../../src/sandbox/protocol';
import { startSandbox } from './startSandbox';

const EVIL = 'https://evil.example';

/** A raw request: fetch() would not let a test choose the Host header. */
function raw(url: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const { port } = new URL(url);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('sandbox control routes: only the developer’s own pages and tools', () => {
  it('refuses a reset from a foreign web page (a text/plain simple request) and changes nothing', async () => {
    const { sandbox, url } = await startSandbox();
    sandbox.control.lifetime(120);
    const res = await fetch(url + CONTROL_ROUTES.reset, { method: 'POST', headers: { Origin: EVIL, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('sandbox_origin_not_allowed');
    expect(error.message).toContain('allowedOrigins');
    expect(sandbox.state().lifetimeSeconds).toBe(120);
  });

  it('does not let a foreign page read the state, or pass a preflight', async () => {
    const { url } = await startSandbox();
    const state = await fetch(url + CONTROL_ROUTES.state, { headers: { Origin: EVIL } });
    expect(state.status).toBe(403);
    expect(state.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(url + CONTROL_ROUTES.fail, { method: 'OPTIONS', headers: { Origin: EVIL, 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    // `Origin: null` (a sandboxed iframe, a file:// page) is not the developer's page either.
    expect((await fetch(url + CONTROL_ROUTES.state, { headers: { Origin: 'null' } })).status).toBe(403);
    // No Origin, but the browser says the request comes from another site (a link, an <img>).
    expect((await fetch(url + CONTROL_ROUTES.state, { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
  });

  it('answers tools (no Origin) and loopback pages, reflecting the page origin instead of *', async () => {
    const { url } = await startSandbox();
    expect((await fetch(url + CONTROL_ROUTES.state)).status).toBe(200);
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:3000', 'http://[::1]:8080', 'https://app.localhost']) {
      const preflight = await fetch(url + CONTROL_ROUTES.reset, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      });
      expect(preflight.status, origin).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      expect(preflight.headers.get('vary')).toContain('Origin');
      const reset = await fetch(url + CONTROL_ROUTES.reset, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' }, body: '{}' });
      expect(reset.status, origin).toBe(200);
      expect(reset.headers.get('access-control-allow-origin')).toBe(origin);
    }
  });

  it('answers a dev page on another origin once it is allowed', async () => {
    const { url } = await startSandbox({ allowedOrigins: ['https://dev.example.test:8443/'] });
    const allowed = await fetch(url + CONTROL_ROUTES.state, { headers: { Origin: 'https://dev.example.test:8443' } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dev.example.test:8443');
    expect((await fetch(url + CONTROL_ROUTES.state, { headers: { Origin: 'https://dev.example.test' } })).status).toBe(403);
    expect(() => createSandbox({ allowedOrigins: ['dev.example.test'] })).toThrow(
      expect.objectContaining({ code: 'invalid_options', field: 'allowedOrigins', message: expect.stringMatching(/allowedOrigins.*https:\/\/dev\.example\.test/) }),
    );
  });

  it('refuses a foreign Host (DNS rebinding) on the control and REST routes', async () => {
    const { url } = await startSandbox();
    const port = new URL(url).port;
    const state = await raw(url, CONTROL_ROUTES.state, { headers: { Host: `evil.example:${port}` } });
    expect(state.status).toBe(403);
    expect(JSON.parse(state.body).error).toMatchObject({ code: 'sandbox_host_not_allowed' });
    expect(JSON.parse(state.body).error.message).toContain('allowedHosts');
    const reset = await raw(url, CONTROL_ROUTES.reset, { method: 'POST', headers: { Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` } });
    expect(reset.status).toBe(403);
    const rest = await raw(url, '/v1/accounts', { headers: { Host: `evil.example:${port}`, Authorization: 'Bearer sk_test_1' } });
    expect(rest.status).toBe(403);
    // Loopback names and IP addresses cannot be rebound.
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `sandbox.localhost:${port}`, `192.168.1.20:${port}`]) {
      expect((await raw(url, CONTROL_ROUTES.state, { headers: { Host: host } })).status, host).toBe(200);
      expect((await raw(url, '/v1/accounts', { headers: { Host: host, Authorization: 'Bearer sk_test_1' } })).status, host).toBe(200);
    }
  });

  it('answers the hosts it is told to allow (a docker-compose service name, a subdomain pattern)', async () => {
    const { url } = await startSandbox({ allowedHosts: ['sandbox', '.dev.example.test'] });
    const port = new URL(url).port;
    for (const host of [`sandbox:${port}`, `dev.example.test:${port}`, `a.dev.example.test:${port}`]) {
      expect((await raw(url, '/v1/accounts', { headers: { Host: host, Authorization: 'Bearer sk_test_1' } })).status, host).toBe(200);
    }
    expect((await raw(url, '/v1/accounts', { headers: { Host: `evil.example:${port}`, Authorization: 'Bearer sk_test_1' } })).status).toBe(403);
    const open = await startSandbox({ allowedHosts: true });
    expect((await raw(open.url, '/v1/accounts', { headers: { Host: 'anything.example', Authorization: 'Bearer sk_test_1' } })).status).toBe(200);
  });

  it('keeps the stand-ins working: browser routes and scripts stay open to any origin and host', async () => {
    const { url } = await startSandbox();
    const preflight = await fetch(url + BROWSER_ROUTES.claim, { method: 'OPTIONS', headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const claim = await fetch(url + BROWSER_ROUTES.claim, { method: 'POST', headers: { Origin: 'https://shop.example', 'Content-Type': 'application/json' }, body: JSON.stringify({ client_secret: 'accs_secret__unknown0000' }) });
    expect(claim.status).toBe(404);
    expect(claim.headers.get('access-control-allow-origin')).toBe('*');
    const script = await raw(url, SCRIPT_ROUTES.connect, { headers: { Host: 'app.example.test', Origin: 'https://shop.example' } });
    expect(script.status).toBe(200);
  });
});

describe('sandbox control routes: a reset always works', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuses to fail or delay a control route, in code and over HTTP', async () => {
    const { sandbox, post } = await startSandbox();
    expect(() => sandbox.control.failNext('POST /sandbox/control/reset', 500, 1_000_000)).toThrow(/always answer/);
    expect(() => sandbox.control.failNext(CONTROL_ROUTES.reset, 500)).toThrow(/always answer/);
    expect(() => sandbox.control.dropNext(CONTROL_ROUTES.state)).toThrow(/always answer/);
    expect(() => sandbox.control.latency(60_000, 'POST /sandbox/control/reset')).toThrow(/always answer/);
    const overHttp = await post(CONTROL_ROUTES.fail, { route: 'POST /sandbox/control/reset', status: 500, count: 1_000_000 });
    expect(overHttp.status).toBe(400);
    expect(overHttp.body.error.message).toMatch(/always answer/);
    expect((await post(CONTROL_ROUTES.reset, {})).status).toBe(200);
  });

  it('answers control routes at once under global latency', async () => {
    vi.useFakeTimers();
    const sandbox = createSandbox({ latencyMs: 60_000 });
    let settled = false;
    const reset = sandbox.fetch(new Request(`http://localhost${CONTROL_ROUTES.reset}`, { method: 'POST' })).then((res) => {
      settled = true;
      return res;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(true);
    expect((await reset).status).toBe(200);
  });
});
