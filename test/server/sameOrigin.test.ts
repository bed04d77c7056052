import Stripe from 'stripe';
import { describe, expect, it, vi } from 'vitest';
import { EmbedkitError } from '../../src/core/EmbedkitError';
import { createAccountSessionHandler, type AccountSessionHandlerOptions } from '../../src/server';

// Every request here stops at authorize (null → 401) or earlier, so Stripe is never reached:
// 401 means "the origin and host checks let it through".
const unreachableStripe = new Stripe('sk_test_123', { host: '127.0.0.1', port: 9, protocol: 'http', maxNetworkRetries: 0 });

function handler(overrides: Partial<AccountSessionHandlerOptions> = {}) {
  return createAccountSessionHandler({ stripe: unreachableStripe, authorize: () => null, components: { payments: { enabled: true } }, ...overrides });
}

/** A request as a Next.js route handler sees it: `request.url` is the server's own address, whatever the browser used. */
function nextRequest(headers: Record<string, string>, { method = 'POST', url = 'http://localhost:3000/api/x' } = {}) {
  return new Request(url, { method, headers });
}

async function codeOf(response: Response) {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe('same-origin check where request.url is the server, not the browser (Next.js)', () => {
  it.each([
    ['next start, browser at 127.0.0.1', 'http://localhost:3000/api/x', 'http://127.0.0.1:3000', '127.0.0.1:3000'],
    ['standalone / Edge, browser at a real domain', 'http://0.0.0.0:3000/api/x', 'https://app.example.com', 'app.example.com'],
    ['next dev, browser at localhost', 'http://localhost:3000/api/x', 'http://localhost:3000', 'localhost:3000'],
  ])('%s: a same-origin POST (Sec-Fetch-Site: same-origin) gets through', async (_name, url, origin, host) => {
    const response = await handler()(nextRequest({ origin, host, 'sec-fetch-site': 'same-origin' }, { url }));
    expect(response.status).toBe(401);
  });

  it.each(['cross-site', 'same-site'])('Sec-Fetch-Site: %s from a foreign origin → 403 origin_not_allowed', async (site) => {
    const response = await handler()(nextRequest({ origin: 'https://evil.example', host: '127.0.0.1:3000', 'sec-fetch-site': site }));
    expect(response.status).toBe(403);
    expect(await codeOf(response)).toBe('origin_not_allowed');
  });

  it('cross-site without Origin → 403; a cross-site origin in allowedOrigins → through, with CORS', async () => {
    expect((await handler()(nextRequest({ 'sec-fetch-site': 'cross-site' }))).status).toBe(403);
    const allowed = await handler({ allowedOrigins: ['https://admin.example.com'] })(
      nextRequest({ origin: 'https://admin.example.com', 'sec-fetch-site': 'cross-site' }),
    );
    expect(allowed.status).toBe(401);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
  });

  it('a same-site sibling (another subdomain) is refused unless allowed', async () => {
    const request = () => nextRequest({ origin: 'https://blog.example.com', 'sec-fetch-site': 'same-site' }, { url: 'https://app.example.com/api/x' });
    expect((await handler()(request())).status).toBe(403);
    expect((await handler({ allowedOrigins: ['https://blog.example.com'] })(request())).status).toBe(401);
  });

  describe('without Sec-Fetch-Site (older browsers)', () => {
    it("compares Origin with request.url's origin; Host is not believed on its own", async () => {
      expect((await handler()(nextRequest({ origin: 'http://localhost:3000' }))).status).toBe(401);
      // A forged Host cannot make a foreign Origin look same-origin.
      expect((await handler()(nextRequest({ origin: 'https://evil.example', host: 'evil.example' }))).status).toBe(403);
      expect((await handler()(nextRequest({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }))).status).toBe(403);
    });

    it('with trustProxy, the own origin is X-Forwarded-Proto + X-Forwarded-Host (or Host)', async () => {
      const trusting = handler({ trustProxy: true });
      const viaProxy = { origin: 'https://app.example.com', host: 'localhost:3000', 'x-forwarded-host': 'app.example.com', 'x-forwarded-proto': 'https' };
      expect((await trusting(nextRequest(viaProxy))).status).toBe(401);
      expect((await handler()(nextRequest(viaProxy))).status).toBe(403);
      // No forwarded headers: Host, with request.url's scheme.
      expect((await trusting(nextRequest({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }))).status).toBe(401);
      expect((await trusting(nextRequest({ ...viaProxy, origin: 'https://evil.example' }))).status).toBe(403);
    });

    it("a proxy that appends: the rightmost entry is the proxy's own, the leftmost is the client's", async () => {
      const trusting = handler({ trustProxy: true });
      const response = await trusting(
        nextRequest({ origin: 'https://evil.example', 'x-forwarded-host': 'evil.example, app.example.com', 'x-forwarded-proto': 'https, https' }),
      );
      expect(response.status).toBe(403);
    });

    it("refuses Origin 'null' and keeps passing a request without Origin (not a browser page)", async () => {
      expect((await handler()(nextRequest({ origin: 'null' }))).status).toBe(403);
      // A forwarded scheme with an opaque origin must not make 'null' the request's own origin.
      expect((await handler({ trustProxy: true })(nextRequest({ origin: 'null', 'x-forwarded-proto': 'gopher' }))).status).toBe(403);
      expect((await handler()(nextRequest({}))).status).toBe(401);
    });
  });

  it('start-up: trustProxy must be a boolean', () => {
    expect(() => handler({ trustProxy: 'yes' as never })).toThrow(/trustProxy must be true or false/);
  });
});

describe('allowedHosts (DNS rebinding)', () => {
  const rebinding = { host: 'evil.example', origin: 'http://evil.example', 'sec-fetch-site': 'same-origin' };

  it('without allowedHosts any Host is served (documented: public deployments set it)', async () => {
    expect((await handler()(nextRequest(rebinding, { url: 'http://evil.example/api/x' }))).status).toBe(401);
  });

  it('refuses a Host outside allowedHosts with 403 host_not_allowed, before authorize runs', async () => {
    const authorize = vi.fn(() => null);
    const guarded = handler({ allowedHosts: ['app.example.com', 'localhost'], authorize });
    const response = await guarded(nextRequest(rebinding, { url: 'http://evil.example/api/x' }));
    expect(response.status).toBe(403);
    expect(await codeOf(response)).toBe('host_not_allowed');
    expect(authorize).not.toHaveBeenCalled();
    // Any port, any case, a trailing dot: the name is what DNS rebinding changes.
    for (const host of ['app.example.com', 'APP.example.com:8443', 'app.example.com.', 'localhost:3000']) {
      expect((await guarded(nextRequest({ host, 'sec-fetch-site': 'same-origin' }))).status).toBe(401);
    }
    expect((await guarded(nextRequest({ host: 'app.example.com.evil.example' }))).status).toBe(403);
  });

  it('a leading dot allows the domain and its subdomains', async () => {
    const guarded = handler({ allowedHosts: ['.example.com'] });
    for (const host of ['example.com', 'app.example.com', 'a.b.example.com']) expect((await guarded(nextRequest({ host }))).status).toBe(401);
    for (const host of ['evilexample.com', 'example.com.evil.example']) expect((await guarded(nextRequest({ host }))).status).toBe(403);
  });

  it("without a Host header, request.url's host is checked", async () => {
    const guarded = handler({ allowedHosts: ['app.example.com'] });
    expect((await guarded(nextRequest({}, { url: 'https://app.example.com/api/x' }))).status).toBe(401);
    expect((await guarded(nextRequest({}, { url: 'https://evil.example/api/x' }))).status).toBe(403);
  });

  it('behind a trusted proxy the forwarded host is checked, and only then', async () => {
    const headers = { host: 'app.example.com', 'x-forwarded-host': 'evil.example' };
    expect((await handler({ allowedHosts: ['app.example.com'], trustProxy: true })(nextRequest(headers))).status).toBe(403);
    expect((await handler({ allowedHosts: ['app.example.com'] })(nextRequest(headers))).status).toBe(401);
    const inverse = { host: 'internal:3000', 'x-forwarded-host': 'app.example.com' };
    expect((await handler({ allowedHosts: ['app.example.com'], trustProxy: true })(nextRequest(inverse))).status).toBe(401);
  });

  it('applies to preflights too', async () => {
    const guarded = handler({ allowedHosts: ['app.example.com'], allowedOrigins: ['https://admin.example.com'] });
    const preflight = (host: string) =>
      nextRequest(
        { host, origin: 'https://admin.example.com', 'sec-fetch-site': 'cross-site', 'access-control-request-method': 'POST' },
        { method: 'OPTIONS' },
      );
    expect((await guarded(preflight('evil.example'))).status).toBe(403);
    expect((await guarded(preflight('app.example.com'))).status).toBe(204);
  });

  it.each([
    ['a string', 'app.example.com', /allowedHosts must be an array of host names/],
    ['a URL', ['https://app.example.com'], /allowedHosts entry "https:\/\/app.example.com" is not a host name/],
    ['a host with a port', ['app.example.com:443'], /is not a host name/],
    ['an empty entry', [''], /is not a host name/],
  ])('start-up: %s → an invalid_options EmbedkitError naming the fix', (_name, allowedHosts, message) => {
    expect(() => handler({ allowedHosts: allowedHosts as never })).toThrow(EmbedkitError);
    expect(() => handler({ allowedHosts: allowedHosts as never })).toThrow(expect.objectContaining({ code: 'invalid_options' }));
    expect(() => handler({ allowedHosts: allowedHosts as never })).toThrow(message);
  });
});

describe('OPTIONS, exported as OPTIONS in Next', () => {
  const OPTIONS = handler({ allowedOrigins: ['https://admin.example.com'] });

  it("answers an allowed origin's preflight with 204 and CORS headers, keyed on what it echoes", async () => {
    const response = await OPTIONS(
      nextRequest(
        {
          origin: 'https://admin.example.com',
          'sec-fetch-site': 'cross-site',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
        { method: 'OPTIONS' },
      ),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-methods')).toBe('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type');
    expect(response.headers.get('vary')).toBe('Origin, Access-Control-Request-Method, Access-Control-Request-Headers');
    expect(await response.text()).toBe('');
  });

  it('refuses a foreign preflight (403) and answers a plain OPTIONS with 405 Allow: POST', async () => {
    const foreign = await OPTIONS(
      nextRequest({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'access-control-request-method': 'POST' }, { method: 'OPTIONS' }),
    );
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const plain = await OPTIONS(nextRequest({}, { method: 'OPTIONS' }));
    expect(plain.status).toBe(405);
    expect(plain.headers.get('allow')).toBe('POST');
  });
});
