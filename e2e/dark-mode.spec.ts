import { artifactPath, connectComponent, expect, openDashboard, test } from './fixtures';

test('the dark-mode toggle restyles components without a new session', async ({ page, sandbox }) => {
  await openDashboard(page, 'payments');
  const payments = connectComponent(page, 'Payments');
  await expect(payments.getByRole('row').first()).toBeVisible();
  const background = () => payments.evaluate((root) => getComputedStyle(root).getPropertyValue('--ek-background').trim());
  expect(await background()).toBe('#ffffff');

  const toggle = page.getByRole('button', { name: 'Dark mode' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(background).toBe('#111827');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: artifactPath('payments-dark.png'), fullPage: true });

  await toggle.click();
  await expect.poll(background).toBe('#ffffff');

  const state = await sandbox.state();
  expect(state.sessionsCreated.account_session).toBe(1);
  expect(state.claims.account_session).toBe(1);
});
