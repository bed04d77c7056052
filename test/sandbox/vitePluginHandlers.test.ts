import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServer, preview, type PreviewServer, type ViteDevServer } from 'vite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Stripe from 'stripe';
import { createAccountSessionHandler } from '../../src/server/index';
import { embedkitSandbox, type EmbedkitSandboxPluginOptions, type SandboxHandlerFactory } from '../../src/sandbox/vite';

// The app's endpoint as it runs in production: only the `stripe` client differs.
const accountSession: SandboxHandlerFactory = ({ stripe, sandbox }) =>
  createAccountSessionHandler({
    stripe,
    authorize: () => {
      const account = sandbox?.state().seeded.accounts[0];
      return account ? { account } : null;
    },
    components: { payments: { enabled: true } },
  });

const open: Array<ViteDevServer | PreviewServer> = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A bare Vite root with one page, and its "built" output for `vite preview`. */
function appRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'embedkit-vite-handlers-'));
  dirs.push(root);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html><title>built</title>');
  return root;
}

async function start(kind: 'dev' | 'preview', options: EmbedkitSandboxPluginOptions) {
  const plugin = embedkitSandbox(options);
  const config = { configFile: false as const, root: appRoot(), logLevel: 'silent' as const, plugins: [plugin] };
  let server: ViteDevServer | PreviewServer;
  if (kind === 'dev') {
    const dev = await createServer({ ...config, server: { port: 0, host: '127.0.0.1' }, optimizeDeps: { noDiscovery: true } });
    open.push(dev);
    server = await dev.listen();
  } else {
    server = await preview({ ...config, preview: { port: 0, host: '127.0.0.1' } });
    open.push(server);
  }
  const { port } = server.httpServer!.address() as AddressInfo;
  const post = (path: string) =>
    fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  return { plugin, post };
}

describe('embedkitSandbox({ handlers })', () => {
  it.each(['dev', 'preview'] as const)('mounts the app’s handlers in %s, with a stripe client on the sandbox', async (kind) => {
    const { plugin, post } = await start(kind, { handlers: { '/api/account-session': accountSession } });
    const response = await post('/api/account-session');
    expect(response.status, await response.clone().text()).toBe(200);
    const body = (await response.json()) as { client_secret: string; expires_at: number };
    expect(body.client_secret).toMatch(/^accs_secret_/);
    expect(body.expires_at).toBeGreaterThan(Date.now() / 1000);
    expect(plugin.api.sandbox?.state().sessionsCreated.account_session).toBe(1);
    // Other paths are left to Vite.
    expect((await post('/api/other')).status).toBe(404);
  });

  it('makes each handler once, and again after a factory failed (answered as a 500 that names the path)', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    let calls = 0;
    const flaky: SandboxHandlerFactory = (context) => {
      calls += 1;
      if (calls === 1) throw new Error('not yet');
      return accountSession(context);
    };
    const { post } = await start('dev', { handlers: { '/api/account-session': flaky } });
    const failed = await post('/api/account-session');
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error: { code: 'handler_failed', message: expect.stringContaining('/api/account-session') } });
    expect(errors).toHaveBeenCalledOnce();
    expect((await post('/api/account-session')).status).toBe(200);
    expect((await post('/api/account-session')).status).toBe(200);
    expect(calls).toBe(2);
  });

  it.each([
    ['dev', 'the terminal running `vite`'],
    ['preview', 'the terminal running `vite preview`'],
  ] as const)('in %s, a handler refused for a wrong option is logged once and answered 500 without being made again', async (kind, log) => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    let calls = 0;
    const misconfigured: SandboxHandlerFactory = ({ stripe }) => {
      calls += 1;
      return createAccountSessionHandler({ stripe, authorize: () => null, components: 'payments' as never });
    };
    const { post } = await start(kind, { handlers: { '/api/account-session': misconfigured } });
    // The browser retries a 500 (three attempts by default): each gets the same answer.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const failed = await post('/api/account-session');
      expect(failed.status).toBe(500);
      const { error } = (await failed.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('handler_failed');
      expect(error.message).toContain(log);
      expect(error.message).not.toContain('dev server');
    }
    expect(calls).toBe(1);
    expect(errors).toHaveBeenCalledOnce();
  });

  it('with a secretKey: the sandbox is off and the handlers get a client for Stripe made with that key', async () => {
    let host: unknown;
    const { plugin, post } = await start('dev', {
      secretKey: 'sk_test_real',
      handlers: {
        '/api/probe': ({ stripe, sandbox }) => {
          host = (stripe as unknown as { getApiField(name: string): unknown }).getApiField('host');
          return async () => Response.json({ sandbox: sandbox === undefined });
        },
      },
    });
    expect(await (await post('/api/probe')).json()).toEqual({ sandbox: true });
    expect(host).toBe('api.stripe.com');
    expect(plugin.api.sandbox).toBeUndefined();
  });

  it('refuses handlers it cannot serve, naming the fix', () => {
    expect(() => embedkitSandbox({ enabled: false, handlers: { '/api/x': accountSession } })).toThrow(expect.objectContaining({ code: 'invalid_options', message: expect.stringMatching(/pass secretKey/) }));
    expect(() => embedkitSandbox({ handlers: { 'api/x': accountSession } })).toThrow(/starting with "\/"/);
    expect(() => embedkitSandbox({ handlers: { '/api/x': 'createAccountSessionHandler' as never } })).toThrow(/mapped to a function/);
  });
});

describe('embedkitSandbox({ webhooks: { forwardTo: path } })', () => {
  it.each(['dev', 'preview'] as const)('forwards every event, signed, to that path of the %s server once it listens', async (kind) => {
    let resolveDelivery: (value: { body: string; signature: string }) => void = () => {};
    const delivered = new Promise<{ body: string; signature: string }>((resolve) => (resolveDelivery = resolve));
    const { plugin, post } = await start(kind, {
      webhooks: { forwardTo: '/api/webhooks' },
      handlers: {
        '/api/webhooks': () => async (request) => {
          resolveDelivery({ body: await request.text(), signature: request.headers.get('stripe-signature') ?? '' });
          return new Response(null, { status: 204 });
        },
        '/api/pay': ({ stripe }) => async () => Response.json(await stripe.paymentIntents.create({ amount: 500, currency: 'usd' })),
      },
    });
    const sandbox = plugin.api.sandbox;
    expect(sandbox?.webhooks.forwardTo).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/webhooks$/);
    const intent = (await (await post('/api/pay')).json()) as { id: string };
    const { body, signature } = await delivered;
    const event = new Stripe('sk_test_123').webhooks.constructEvent(body, signature, sandbox?.webhooks.forwardSecret ?? '');
    expect(event).toMatchObject({ type: 'payment_intent.created', data: { object: { id: intent.id } } });
  });

  it('refuses a forwardTo that is neither a path nor a URL on this machine', () => {
    expect(() => embedkitSandbox({ webhooks: { forwardTo: 'api/webhooks' } })).toThrow(expect.objectContaining({ code: 'invalid_options', message: expect.stringMatching(/forwardTo: '\/api\/webhooks'/) }));
  });
});
