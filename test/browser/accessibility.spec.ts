import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from '../../src/sandbox/playwright';
import { openConnect, panel } from './connectPage';
import { customerSecret, financialConnectionsSecret } from './sandboxStripe';

/** Serious and critical axe violations inside the stand-ins' UI (axe reads open shadow roots). */
async function seriousViolations(page: Page, include: string) {
  const { violations } = await new AxeBuilder({ page }).include(include).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target) }));
}

test('Connect stand-in components have no serious accessibility violations', async ({ page, sandbox }) => {
  const tags = ['payments', 'payouts', 'account-onboarding', 'account-management', 'notification-banner', 'disputes-list', 'documents', 'tax-settings'];
  await openConnect(page, sandbox, { tags, props: { 'tax-settings': { hideProductTaxCodeSelector: true } } });
  for (const tag of tags) await expect(panel(page, tag).locator('.ek-body > *').first()).not.toHaveAttribute('aria-busy', 'true');
  expect(await seriousViolations(page, '#root')).toEqual([]);
});

// One test per stand-in: each axe scan of the larger Payment Element (saved cards, card fields,
// the test-card list) takes seconds on a loaded 2-core machine, and four in one test outgrew its budget.
test('the Payment Element stand-in has no serious accessibility violations', async ({ page, sandbox }) => {
  await page.goto('/stripe.html');
  await page.evaluate((secret) => window.stripeFixture.mountPaymentElement(secret), await customerSecret(sandbox));
  await expect(page.getByRole('radio').first()).toBeVisible();
  expect(await seriousViolations(page, '#root')).toEqual([]);
});

test('the Financial Connections modal has no serious accessibility violations', async ({ page, sandbox }) => {
  await page.goto('/stripe.html');
  const fcSecret = await financialConnectionsSecret(sandbox);
  const collecting = page.evaluate((secret) => window.stripeFixture.collectAccounts(secret), fcSecret);
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await seriousViolations(page, '[data-embedkit-sandbox="financial-connections"]')).toEqual([]);
  await page.getByRole('dialog').getByRole('listitem').first().getByRole('button').click();
  expect(await seriousViolations(page, '[data-embedkit-sandbox="financial-connections"]')).toEqual([]);
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await collecting;
});

test('the pricing table and buy button stand-ins have no serious accessibility violations', async ({ page, sandbox }) => {
  await page.goto('/pricing.html');
  await page.evaluate(async (secrets) => window.pricingFixture.show(secrets), { pricingTable: await customerSecret(sandbox), buyButton: await customerSecret(sandbox) });
  await expect(page.locator('stripe-buy-button').getByRole('button')).toBeVisible();
  await expect(page.locator('stripe-pricing-table').getByRole('button').first()).toBeVisible();
  expect(await seriousViolations(page, '#root')).toEqual([]);
});
