import { bannerRendered, dashboardPages } from './dashboardPages';
import { artifactPath, connectComponent, expect, openDashboard, test } from './fixtures';

test.describe('every page renders its components with sandbox data', () => {
  for (const { route, title, connect, rendered } of dashboardPages) {
    test(title, async ({ page }) => {
      await openDashboard(page, route);
      await expect(page.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
      if (connect) await bannerRendered(page);
      await rendered(page);
      await expect(page.getByRole('alert')).toHaveCount(0);
      await page.screenshot({ path: artifactPath(`${route}.png`), fullPage: true });
    });
  }

  test('payment details opens the payment picked from the list', async ({ page }) => {
    // The payment ids are what the Payments stand-in itself loaded from the sandbox.
    const payments = page.waitForResponse((response) => response.url().endsWith('/sandbox/v1/account/payments'));
    await openDashboard(page, 'payments');
    const { data } = (await (await payments).json()) as { data: { id: string; description: string }[] };
    const first = data[0]!;
    await page.getByLabel('Payment ID').fill(first.id);
    await page.getByRole('button', { name: 'Show details' }).click();
    const details = connectComponent(page, 'Payment details');
    await expect(details).toContainText(first.id);
    await details.getByRole('button', { name: 'Close' }).click();
    await expect(details).toHaveCount(0);
  });
});
