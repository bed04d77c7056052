import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmbedkitError } from '../../src/core/EmbedkitError';
import { requestSecret } from '../../src/core/requestSecret';
import type { SessionKind } from '../../src/core/types';
import { createAccountSessionHandler, ForbiddenError, toNodeHandler, type AccountSessionHandlerOptions } from '../../src/server';

// The browser side of a refusal, against the real embedkit/server handler on node:http: the
// EmbedkitError carries the server's error.code (and its message, which embedkit's own JSON error
// shape holds) so the developer is sent to the right place, not to their auth code.
const unreachableStripe = new Stripe('sk_test_123', { host: '127.0.0.1', port: 9, protocol: 'http', maxNetworkRetries: 0 });

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function serve(listener: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/account-session`;
}

function embedkitEndpoint(authorize: AccountSessionHandlerOptions['authorize']) {
  return serve(toNodeHandler(createAccountSessionHandler({ stripe: unreachableStripe, authorize, components: { payments: { enabled: true } } })));
}

async function refusal(url: string, headers: Record<string, string>, kind: SessionKind = 'account_session'): Promise<EmbedkitError> {
  const error = await requestSecret({ url, headers }, kind, { retry: { attempts: 1 } }).then(
    () => null,
    (thrown: EmbedkitError) => thrown,
  );
  if (!error) throw new Error('expected the request to be refused');
  return error;
}

describe("a refused secret request carries the server's reason", () => {
  it('403 origin_not_allowed: the code, the server message and a hint about origins, not about signing in', async () => {
    const url = await embedkitEndpoint(() => ({ account: 'acct_1' }));
    const error = await refusal(url, { origin: 'https://elsewhere.example' });
    expect(error).toMatchObject({ code: 'http', status: 403, serverCode: 'origin_not_allowed', retryable: false });
    expect(error.message).toContain('HTTP 403 origin_not_allowed');
    expect(error.message).toMatch(/allowedOrigins/);
    expect(error.message).not.toMatch(/signed in/);
  });

  it('401 unauthorized and 403 forbidden name the sign-in and the authorize decision', async () => {
    const signedOut = await refusal(await embedkitEndpoint(() => null), {});
    expect(signedOut).toMatchObject({ status: 401, serverCode: 'unauthorized' });
    expect(signedOut.message).toMatch(/Sign in first/);
    const forbidden = await refusal(
      await embedkitEndpoint(() => {
        throw new ForbiddenError();
      }),
      {},
    );
    expect(forbidden).toMatchObject({ status: 403, serverCode: 'forbidden' });
    expect(forbidden.message).toMatch(/may not create this session/);
  });

  it('an error body that is not embedkit-shaped gives the code at most, never its text; a secret-looking message is not repeated', async () => {
    const secret = 'accs_secret_TOPSECRET123';
    const url = await serve((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'origin_not_allowed', message: `nope ${secret}`, extra: secret } }));
    });
    const error = await refusal(url, {});
    expect(error.serverCode).toBe('origin_not_allowed');
    expect(error.message).not.toContain('TOPSECRET');
    expect(error.message).not.toContain('nope');
  });

  it('a long or odd code is dropped and a long message is capped', async () => {
    const url = await serve((req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      const odd = req.url?.includes('odd');
      res.end(JSON.stringify({ error: odd ? { code: 'x'.repeat(500), message: 'm' } : { code: 'forbidden', message: `${'long '.repeat(400)}accs_secret_TOPSECRET` } }));
    });
    const odd = await refusal(`${url}?odd`, {});
    expect(odd.serverCode).toBeUndefined();
    expect(odd.message).toMatch(/answered HTTP 403\./);
    const long = await refusal(url, {});
    expect(long.serverCode).toBe('forbidden');
    expect(long.message.length).toBeLessThan(900);
    expect(long.message).not.toContain('TOPSECRET');
  });

  it('an HTML error page keeps the generic hint', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html>Not found</html>');
    });
    const error = await refusal(url, {});
    expect(error.serverCode).toBeUndefined();
    expect(error.message).toMatch(/answered HTTP 404\. Check the endpoint URL/);
  });
});
