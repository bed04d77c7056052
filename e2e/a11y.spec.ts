import AxeBuilder from '@axe-core/playwright';
import { dashboardPages } from './dashboardPages';
import type { Page } from '@playwright/test';
import { expect, openDashboard, test } from './fixtures';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.map((node) => node.target.join(' ')) }));
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`no serious accessibility violations (${theme})`, () => {
    for (const { route, title, rendered } of dashboardPages) {
      test(title, async ({ page }) => {
        await openDashboard(page, route);
        await rendered(page);
        if (theme === 'dark') await page.getByRole('button', { name: 'Dark mode' }).click();
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  });
}

test('no serious accessibility violations with the bank-linking dialog open', async ({ page }) => {
  await openDashboard(page, 'bank');
  await page.getByRole('button', { name: 'Link a bank account' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('no serious accessibility violations when an error is shown', async ({ page }) => {
  await page.route('**/api/account_session', (route) => route.fulfill({ status: 403, contentType: 'application/json', body: '{"error":{"code":"forbidden","message":"No."}}' }));
  await openDashboard(page, 'payments');
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

/** Checkout with a test card chosen from the sandbox Payment Element's own list, then Pay. */
async function payWithTestCard(page: Page, number: string) {
  await openDashboard(page, 'checkout');
  await page.getByRole('radio', { name: 'New card' }).check();
  await page.getByText('Sandbox test cards').click();
  await page.getByRole('button', { name: `Use test card ${number}` }).click();
  await page.getByRole('button', { name: 'Pay $49.00' }).click();
}

test('no serious accessibility violations with a declined card at checkout', async ({ page }) => {
  await payWithTestCard(page, '4000 0000 0000 0002');
  await expect(page.getByRole('alert').filter({ hasText: 'Your card was declined.' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('no serious accessibility violations with the 3D Secure challenge open', async ({ page }) => {
  await payWithTestCard(page, '4000 0025 0000 3155');
  await expect(page.getByRole('dialog', { name: /3D Secure authentication/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
