import type { SignedInUser } from '../example/server/SignedInUser';
import { dashboardPages } from './dashboardPages';
import { expect, openDashboard, test } from './fixtures';

// Every test already ends with the secrets check (the automatic `secretWatch` fixture). This one
// walks the whole app, with renewals, an account switch and bank linking, so that check sees
// every kind of secret at least once and cannot pass for want of secrets.
test('no client secret reaches storage, cookies, URLs, history or the console', async ({ page, sandbox, secretWatch, request }) => {
  test.setTimeout(90_000);
  await sandbox.lifetime(8);
  const user = (await (await request.get('/api/me')).json()) as SignedInUser;

  for (const { route, rendered } of dashboardPages) {
    await openDashboard(page, route);
    await rendered(page);
  }
  // A renewal of the pricing table's CustomerSession while we stay on its page.
  await expect.poll(async () => (await sandbox.state()).claims.customer_session, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);

  await page.getByLabel('Connected account').selectOption(user.accounts[1]!.id);
  await page.getByRole('link', { name: 'Link a bank account' }).click();
  await page.getByRole('button', { name: 'Link a bank account' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Sandbox Bank' }).click();
  await dialog.getByRole('button', { name: 'Link accounts' }).click();
  await expect(page.locator('#bank-status')).toHaveText('Linked 2 accounts.');

  const kinds = [...secretWatch.secrets].map((secret) => secret.slice(0, secret.indexOf('_')));
  expect(new Set(kinds)).toEqual(new Set(['accs', 'cuss', 'fcsess']));
  expect(secretWatch.secrets.size).toBeGreaterThanOrEqual(6);
  expect(await secretWatch.leaks()).toEqual([]);
});
