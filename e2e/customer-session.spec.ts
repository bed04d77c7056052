import { expect, openDashboard, test } from './fixtures';

/** Short enough to see two renewals in a test, long enough for the kit's refresh margin. */
const LIFETIME_SECONDS = 10;

const customerSessionRow = (page: import('@playwright/test').Page) => page.locator('[data-session="customer-session"]');

test('a CustomerSession refresh keeps the selected saved card', async ({ page, sandbox }) => {
  test.setTimeout(60_000);
  await sandbox.lifetime(LIFETIME_SECONDS);
  await openDashboard(page, 'checkout');

  const mastercard = page.getByRole('radio', { name: /mastercard •••• 4444/ });
  await mastercard.check();
  const fetches = customerSessionRow(page).locator('[data-field="fetch-count"]');
  await expect(fetches).toHaveText('1');

  // The kit renews before expires_at; <Elements> hands the new secret to elements.update.
  await expect(fetches).toHaveText('2', { timeout: 20_000 });
  await expect.poll(async () => (await sandbox.state()).claims.customer_session).toBe(2);
  await expect(mastercard).toBeChecked();
  await expect(page.getByRole('radio', { name: /visa •••• 4242/ })).not.toBeChecked();

  const state = await sandbox.state();
  expect(state.sessionsCreated.customer_session).toBe(2);
  expect(state.claimErrors).toEqual({});
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the pricing table gets the renewed secret', async ({ page, sandbox }) => {
  test.setTimeout(60_000);
  await sandbox.lifetime(LIFETIME_SECONDS);
  await openDashboard(page, 'pricing');
  const table = page.getByRole('region', { name: 'Sandbox: Pricing table' });
  await expect(table).toContainText('Starter');
  await expect(table).toContainText('Signed-in customer: cus_');

  await expect(customerSessionRow(page).locator('[data-field="fetch-count"]')).toHaveText('2', { timeout: 20_000 });
  // Each new secret reached its element (as its attribute), which claimed it: no stale secret in
  // use. The page's buy button renews its own CustomerSession too, so both rows' fetches count.
  const fetches = async (panelId: string) => Number(await page.locator(`[data-session="${panelId}"] [data-field="fetch-count"]`).textContent());
  await expect
    .poll(async () => (await sandbox.state()).claims.customer_session - (await fetches('customer-session')) - (await fetches('buy-button-session')))
    .toBe(0);
  await expect(table).toContainText('Starter');
  await expect(table.getByRole('alert')).toHaveCount(0);
  expect((await sandbox.state()).claimErrors).toEqual({});
});
