import { expect, test } from '@playwright/test';
import { watchPage } from './consoleWatch';

// React Router v7 framework mode under its dev server: the server renders the HTML, so the Vite
// plugin's HTML hook never sees it; <SandboxScripts> in the root Layout loads the stand-ins.
test('the dev server renders a Connect component from the sandbox stand-ins', async ({ page, request }) => {
  const html = await (await request.get('/')).text();
  expect(html).toContain('data-embedkit-sandbox="connect"');
  // The dev server runs the sandbox (EMBEDKIT_SANDBOX_URL), so the provider emits no Connect.js hint.
  expect(html).not.toContain('connect-js.stripe.com');

  const watch = watchPage(page);
  await page.goto('/');
  // A cold dev server pre-bundles the page's dependencies on this first visit, then reloads it.
  const payments = page.getByRole('region', { name: 'Sandbox: Payments', exact: true });
  await expect(payments.getByRole('row').first()).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: 'test-results/react-router-connect.png', fullPage: true });
  expect(watch.stripeRequests).toEqual([]);
  expect(watch.hydrationWarnings()).toEqual([]);
  expect(watch.errors()).toEqual([]);
});

test('the resource route answers the CORS preflight of an allowed origin through its loader', async ({ request }) => {
  const preflight = await request.fetch('/api/account-session', {
    method: 'OPTIONS',
    headers: { Origin: 'https://admin.example.com', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()['access-control-allow-origin']).toBe('https://admin.example.com');
});
