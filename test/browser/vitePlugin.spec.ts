import { test, expect } from '@playwright/test';
import react from '@vitejs/plugin-react';
import Stripe from 'stripe';
import { createServer, preview, type PreviewServer, type ViteDevServer } from 'vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { embedkitSandbox } from '../../src/sandbox/vite';
import { STRIPE_SCRIPT_URLS } from '../../src/sandbox/protocol';

// Plain Playwright on purpose: no `sandbox` fixture and no routes. The plugin alone must make the
// unmodified fixture page (official loaders) run on the sandbox.
let server: ViteDevServer;
let plugin: ReturnType<typeof embedkitSandbox>;
const fixturesRoot = fileURLToPath(new URL('./fixtures', import.meta.url));

test.describe('dev server', () => {
  test.beforeAll(async () => {
    plugin = embedkitSandbox({ lifetimeSeconds: 900 });
    server = await createServer({
      configFile: false,
      root: fixturesRoot,
      cacheDir: fileURLToPath(new URL('../../node_modules/.cache/embedkit-vite-plugin-test', import.meta.url)),
      logLevel: 'warn',
      plugins: [react(), plugin],
      server: { port: 0, host: '127.0.0.1' },
      optimizeDeps: { include: ['react', 'react-dom/client', 'react/jsx-runtime', '@stripe/connect-js', '@stripe/react-connect-js'] },
    });
    await server.listen();
  });

  test.afterAll(async () => {
    await server?.close();
    // Closing the dev server stops the sandbox and withdraws its URL.
    expect(plugin.api.sandbox).toBeUndefined();
    expect(process.env.EMBEDKIT_SANDBOX_URL).toBeUndefined();
  });

  test('the Vite plugin runs the sandbox and loads the stand-ins before app code, with no Stripe request', async ({ page }) => {
    const sandboxUrl = plugin.api.url;
    expect(sandboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(process.env.EMBEDKIT_SANDBOX_URL).toBe(sandboxUrl);
    expect(plugin.api.sandbox?.state().lifetimeSeconds).toBe(900);

    const stripeRequests: string[] = [];
    page.on('request', (request) => {
      if (Object.values(STRIPE_SCRIPT_URLS).some((url) => request.url().startsWith(url.split('/').slice(0, 3).join('/')))) stripeRequests.push(request.url());
    });
    // The app's backend would do this with the same SDK, pointed at process.env.EMBEDKIT_SANDBOX_URL.
    const stripe = new Stripe('sk_test_viteplugin', { ...plugin.api.sandbox!.stripeConfig(), maxNetworkRetries: 0 });
    await page.exposeFunction('fetchAccountSecret', async () => {
      const { seeded } = plugin.api.sandbox!.state();
      const session = await stripe.accountSessions.create({ account: seeded.accounts[0]!, components: { payments: { enabled: true } } });
      return session.client_secret;
    });
    const address = server.httpServer!.address() as { port: number };
    await page.goto(`http://127.0.0.1:${address.port}/connect.html`);
    await expect(page.locator('head script[data-embedkit-sandbox]')).toHaveCount(4);
    // The page's Connect.js preload hint is gone: the stand-in replaces what it would fetch.
    await expect(page.locator('link[rel="preload"]')).toHaveCount(0);
    await page.evaluate(() => window.connectFixture.start({ tags: ['payments'] }));
    await expect(page.locator('stripe-connect-payments').getByRole('table')).toBeVisible();
    expect(stripeRequests).toEqual([]);
    expect(plugin.api.sandbox?.state().claims.account_session).toBe(1);
  });
});

const builtFixtures = fileURLToPath(new URL('../../node_modules/.cache/embedkit-browser-fixtures', import.meta.url));

test.describe('preview server', () => {
  let previewServer: PreviewServer;
  let previewPlugin: ReturnType<typeof embedkitSandbox>;

  test.beforeAll(async () => {
    previewPlugin = embedkitSandbox();
    previewServer = await preview({
      configFile: false,
      root: fixturesRoot,
      logLevel: 'warn',
      // The fixture pages as built by playwright.config.ts's webServer: production output, no stand-ins in it.
      build: { outDir: builtFixtures },
      plugins: [previewPlugin],
      preview: { port: 0, host: '127.0.0.1' },
    });
  });

  test.afterAll(async () => {
    await previewServer?.close();
  });

  test('vite preview serves the built page with the stand-ins injected on the way out', async ({ page }) => {
    expect(readFileSync(`${builtFixtures}/stripe.html`, 'utf8')).not.toContain('data-embedkit-sandbox');
    const address = previewServer.httpServer.address() as { port: number };
    await page.goto(`http://127.0.0.1:${address.port}/stripe.html`);
    await expect(page.locator('head script[data-embedkit-sandbox]')).toHaveCount(4);
    expect(await page.evaluate(() => (window as unknown as { Stripe?: { version?: string } }).Stripe?.version)).toBe('endive');
    expect(await page.evaluate(() => customElements.get('stripe-connect-payments') !== undefined)).toBe(true);
  });
});
