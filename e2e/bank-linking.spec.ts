import { expect, openDashboard, test } from './fixtures';

const dialog = (page: import('@playwright/test').Page) => page.getByRole('dialog', { name: /Link your bank accounts/ });

test.describe('bank linking', () => {
  test('linked: the chosen accounts come back', async ({ page, sandbox }) => {
    await openDashboard(page, 'bank');
    await page.getByRole('button', { name: 'Link a bank account' }).click();
    await dialog(page).getByRole('button', { name: 'Sandbox Bank' }).click();
    await dialog(page).getByRole('button', { name: 'Link accounts' }).click();

    await expect(page.locator('#bank-status')).toHaveText('Linked 2 accounts.');
    const linked = page.getByRole('list', { name: 'Linked accounts' });
    await expect(linked.getByRole('listitem')).toHaveCount(2);
    await expect(linked).toContainText('Sandbox Bank Checking');
    expect((await sandbox.state()).sessionsCreated.financial_connections_session).toBe(1);
  });

  test('cancelled: nothing is linked and the flow can start again with a fresh session', async ({ page, sandbox }) => {
    await openDashboard(page, 'bank');
    const link = page.getByRole('button', { name: 'Link a bank account' });
    await link.click();
    await dialog(page).getByRole('button', { name: 'Cancel' }).click();
    await expect(page.locator('#bank-status')).toHaveText('Bank linking was cancelled. Nothing was linked.');

    // Escape closes the modal the way Stripe's does: also a cancel.
    await link.click();
    await expect(dialog(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toHaveCount(0);
    await expect(page.locator('#bank-status')).toHaveText('Bank linking was cancelled. Nothing was linked.');
    // A Financial Connections secret is single use: one session per open.
    expect((await sandbox.state()).sessionsCreated.financial_connections_session).toBe(2);
  });

  test('an expired secret fails with a clear error, and the next attempt works', async ({ page, sandbox, request }) => {
    await openDashboard(page, 'bank');
    // The dashboard's AccountSession is claimed first, so the clock jump below only ages the bank session.
    await expect.poll(async () => (await sandbox.state()).claims.account_session).toBe(1);
    // Let the secret go stale between the server creating it and Stripe.js using it. Stripe gives
    // these sessions no expires_at; the sandbox keeps them a day (its documented choice) and
    // drops older ones when the next session is created.
    let staled = false;
    await page.route('**/api/financial_connections_session', async (route) => {
      const response = await route.fetch();
      if (!staled) {
        staled = true;
        await sandbox.clock({ advanceSeconds: 2 * 86_400 });
        expect((await request.post('/api/customer_session', { data: {} })).ok()).toBe(true);
      }
      await route.fulfill({ response });
    });
    const link = page.getByRole('button', { name: 'Link a bank account' });
    await link.click();
    await expect(page.locator('#bank-status')).toContainText('Bank linking failed:');
    expect((await sandbox.state()).claimErrors).toEqual({ resource_missing: 1 });
    await expect(dialog(page)).toHaveCount(0);

    await link.click();
    await dialog(page).getByRole('button', { name: 'Sandbox Bank' }).click();
    await dialog(page).getByRole('button', { name: 'Link accounts' }).click();
    await expect(page.locator('#bank-status')).toHaveText('Linked 2 accounts.');
  });
});
