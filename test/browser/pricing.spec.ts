import type { Page } from '@playwright/test';
import { test, expect } from '../../src/sandbox/playwright';
import { claimElsewhere, customerSecret } from './sandboxStripe';

async function show(page: Page, secrets: { pricingTable?: string; buyButton?: string }) {
  await page.evaluate((next) => window.pricingFixture.show(next), secrets);
}

test('pricing table and buy button show plans for the CustomerSession, and re-claim when the attribute changes', async ({ page, sandbox }) => {
  await page.goto('/pricing.html');
  await show(page, { pricingTable: await customerSecret(sandbox), buyButton: await customerSecret(sandbox) });
  const table = page.locator('stripe-pricing-table');
  await expect(table.getByRole('button', { name: /^Subscribe to / }).first()).toBeVisible();
  await expect(table).toContainText('Signed-in customer: cus_');
  await expect(page.locator('stripe-buy-button').getByRole('button', { name: /^Buy / })).toBeVisible();
  expect((await sandbox.state()).claims.customer_session).toBe(2);

  await show(page, { pricingTable: await customerSecret(sandbox) });
  await expect.poll(async () => (await sandbox.state()).claims.customer_session).toBe(3);
  await expect(table.getByRole('button', { name: /^Subscribe to / }).first()).toBeVisible();
});

test('an expired CustomerSession secret makes the pricing table fail visibly', async ({ page, sandbox }) => {
  await sandbox.lifetime(60);
  const secret = await customerSecret(sandbox);
  await sandbox.clock({ advanceSeconds: 61 });
  await page.goto('/pricing.html');
  await show(page, { pricingTable: secret });
  const alert = page.locator('stripe-pricing-table').getByRole('alert');
  await expect(alert).toContainText('Pricing table unavailable');
  await expect(alert).toHaveAttribute('data-error-code', 'session_expired');
});

test('a reused CustomerSession secret makes the buy button fail visibly', async ({ page, sandbox }) => {
  const secret = await customerSecret(sandbox);
  await claimElsewhere(sandbox, secret);
  await page.goto('/pricing.html');
  await show(page, { buyButton: secret });
  await expect(page.locator('stripe-buy-button').getByRole('alert')).toHaveAttribute('data-error-code', 'session_already_claimed');
});

test('a live publishable key makes the pricing table fail visibly, naming the pk_test_ fix, and leaves the secret unclaimed', async ({ page, sandbox }) => {
  await page.goto('/pricing.html');
  await page.locator('stripe-pricing-table').evaluate((table) => table.setAttribute('publishable-key', 'pk_live_123456789012'));
  await show(page, { pricingTable: await customerSecret(sandbox) });
  const alert = page.locator('stripe-pricing-table').getByRole('alert');
  await expect(alert).toContainText('The sandbox is test mode: use a pk_test_ publishable key');
  expect((await sandbox.state()).claims.customer_session ?? 0).toBe(0);
});
