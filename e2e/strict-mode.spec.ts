import { bannerRendered } from './dashboardPages';
import { connectComponent, expect, openDashboard, test } from './fixtures';
import { servers, urlOf } from './ports';

// The example renders in <StrictMode>, but only development React mounts, unmounts and mounts
// again; a production build would make this test pass trivially. So it runs on the dev server.
test.use({ baseURL: urlOf(servers.dev.port), sandboxUrl: urlOf(servers.dev.sandboxPort) });

test('one AccountSession per page load, however many components', async ({ page, sandbox }) => {
  // Proof that StrictMode's double mount is really happening here: the example's own plain
  // fetch of /api/me (an effect with an AbortController) runs twice, the first one aborted.
  const signIns: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/me') signIns.push('sent');
  });
  page.on('requestfailed', (request) => {
    if (new URL(request.url()).pathname === '/api/me') signIns.push('aborted');
  });

  await openDashboard(page, 'payouts');
  expect(signIns.sort()).toEqual(['aborted', 'sent', 'sent']);
  await bannerRendered(page);
  await expect(connectComponent(page, 'Balances')).toContainText('Available');
  await expect(connectComponent(page, 'Payouts')).toContainText('Payouts');

  let state = await sandbox.state();
  expect(state.sessionsCreated.account_session).toBe(1);
  expect(state.claims.account_session).toBe(1);

  // Moving between pages keeps the session: the provider sits above the router.
  await page.getByRole('link', { name: 'Payments' }).click();
  await expect(connectComponent(page, 'Payments').getByRole('row').first()).toBeVisible();
  state = await sandbox.state();
  expect(state.sessionsCreated.account_session).toBe(1);

  await page.reload();
  await expect(connectComponent(page, 'Payments').getByRole('row').first()).toBeVisible();
  state = await sandbox.state();
  expect(state.sessionsCreated.account_session).toBe(2);
  expect(state.claimErrors).toEqual({});
});
