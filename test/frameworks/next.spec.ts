import { expect, test, type Page } from '@playwright/test';
import { sandboxControls } from '../../src/sandbox/playwright';
import { SecretWatch } from '../../e2e/SecretWatch';
import { watchPage } from './consoleWatch';
import { ports, urlOf } from './ports';

// The app's production build (`next build`, `next start`), browsed at 127.0.0.1: Next.js gives
// route handlers its own address (localhost) as request.url, so only this catches a same-origin
// check that compares the two.
const sandbox = sandboxControls(urlOf(ports.nextSandbox));
const SECRET_ROUTES = /^\/api\/(account|customer|financial-connections)-session$/;
const connectComponent = (page: Page, title: string) => page.getByRole('region', { name: `Sandbox: ${title}`, exact: true });

test('a Server Component page shows two Connect components from the stand-ins, with one AccountSession POST', async ({ page, context }) => {
  const watch = watchPage(page);
  const secrets = new SecretWatch(page, context, SECRET_ROUTES);
  const sessionPosts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/account-session') sessionPosts.push(request.url());
  });

  const response = await page.goto('/');
  expect(new URL(page.url()).hostname).toBe('127.0.0.1');
  const html = await response!.text();
  // <SandboxScripts> in the root layout; no Connect.js hint while the stand-ins are in use.
  expect(html).toContain('data-embedkit-sandbox="connect"');
  expect(html).not.toContain('connect-js.stripe.com');

  await expect(connectComponent(page, 'Payments').getByRole('row').first()).toBeVisible();
  await expect(connectComponent(page, 'Payouts')).toContainText('Payouts');
  expect(sessionPosts).toHaveLength(1);
  // For a person to look at (test-results/ is gitignored).
  await page.screenshot({ path: 'test-results/next-connect.png', fullPage: true });
  expect(watch.hydrationWarnings()).toEqual([]);
  expect(watch.errors()).toEqual([]);
  expect(watch.unusedPreloads()).toEqual([]);
  expect(watch.stripeRequests).toEqual([]);

  expect(secrets.secrets.size).toBe(1);
  expect(await secrets.leaks()).toEqual([]);
  const dom = await page.content();
  for (const secret of secrets.secrets) expect(dom.includes(secret.slice(-20)), 'the secret is in the DOM').toBe(false);
});

test('the bank-link page opens the stand-in Financial Connections modal with a Server Action as fetchSecret', async ({ page, context }) => {
  const watch = watchPage(page);
  const secrets = new SecretWatch(page, context, SECRET_ROUTES);
  // A Server Action answers in React's Flight format, not JSON: collect its secret by pattern.
  await page.route('/bank', async (route) => {
    if (route.request().method() !== 'POST' || !route.request().headers()['next-action']) return route.fallback();
    const response = await route.fetch();
    const body = await response.text();
    for (const [secret] of body.matchAll(/fcsess_[A-Za-z0-9]+_secret_[A-Za-z0-9]+/g)) secrets.secrets.add(secret);
    await route.fulfill({ response, body });
  });
  const created = (await sandbox.state()).sessionsCreated.financial_connections_session;

  await page.goto('/bank');
  await page.getByRole('button', { name: 'Link a bank account' }).click();
  const dialog = page.getByRole('dialog', { name: /Link your bank accounts/ });
  await dialog.getByRole('button', { name: 'Sandbox Bank' }).click();
  await dialog.getByRole('button', { name: 'Link accounts' }).click();
  await expect(page.getByRole('status')).toHaveText('Linked 2 account(s).');

  expect((await sandbox.state()).sessionsCreated.financial_connections_session).toBe(created + 1);
  expect(secrets.secrets.size).toBe(1);
  expect(await secrets.leaks()).toEqual([]);
  expect(watch.hydrationWarnings()).toEqual([]);
  expect(watch.errors()).toEqual([]);
  expect(watch.stripeRequests).toEqual([]);
});

test('each session route answers a same-origin POST from the page, and refuses a cross-site one', async ({ page, request }) => {
  await page.goto('/bank');
  for (const route of ['/api/account-session', '/api/customer-session', '/api/financial-connections-session']) {
    const answer = await page.evaluate(async (url) => {
      const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      const body = (await response.json()) as { client_secret?: unknown; error?: { code?: string } };
      // Only the shape leaves the page: the secret itself stays here.
      return { status: response.status, hasSecret: typeof body.client_secret === 'string', code: body.error?.code };
    }, route);
    expect(answer, route).toEqual({ status: 200, hasSecret: true, code: undefined });

    const crossSite = await request.post(route, { data: {}, headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' } });
    expect(crossSite.status(), route).toBe(403);
  }
});

test('an Edge-runtime route works beside instrumentation.ts, which imports embedkit/sandbox for both runtimes', async ({ request }) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.text()).toBe('ok');
});
