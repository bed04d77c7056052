import type { SignedInUser } from '../example/server/SignedInUser';
import { connectComponent, expect, openDashboard, test } from './fixtures';

test('switching account logs out, creates one new session and shows the other account', async ({ page, sandbox, request }) => {
  const user = (await (await request.get('/api/me')).json()) as SignedInUser;
  const [first, second] = user.accounts;
  expect(second, 'the stand-in user owns two connected accounts').toBeDefined();

  await openDashboard(page, 'account');
  const management = connectComponent(page, 'Account management');
  await expect(management).toContainText(`Business: ${first!.name}`);
  expect((await sandbox.state()).sessionsCreated.account_session).toBe(1);

  // The browser proposes the account in the POST body; the server checks the user owns it.
  const proposal = page.waitForRequest((r) => r.url().endsWith('/api/account_session') && r.method() === 'POST');
  await page.getByLabel('Connected account').selectOption(second!.id);
  expect((await proposal).postDataJSON()).toMatchObject({ account: second!.id });

  await expect(management).toContainText(`Business: ${second!.name}`);
  await expect(management).not.toContainText(first!.name);
  // Logout is fire-and-forget in Connect.js: wait for it rather than race it.
  await expect.poll(async () => (await sandbox.state()).requests['POST /sandbox/v1/logout'], { message: 'the old instance logged out' }).toBe(1);
  const state = await sandbox.state();
  expect(state.sessionsCreated.account_session).toBe(2);
  expect(state.claims.account_session).toBe(2);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the server refuses an account the user does not own', async ({ request }) => {
  const response = await request.post('/api/account_session', { data: { account: 'acct_1NotTheUsers0000' } });
  expect(response.status()).toBe(403);
  expect(await response.json()).not.toHaveProperty('client_secret');
});
