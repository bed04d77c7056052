import AxeBuilder from '@axe-core/playwright';
import { dashboardPages } from './dashboardPages';
import { expect, openDashboard, test } from './fixtures';

for (const theme of ['light', 'dark'] as const) {
  test.describe(`no serious accessibility violations (${theme})`, () => {
    for (const { route, title, rendered } of dashboardPages) {
      test(title, async ({ page }) => {
        await openDashboard(page, route);
        await rendered(page);
        if (theme === 'dark') await page.getByRole('button', { name: 'Dark mode' }).click();
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
        const serious = results.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.map((node) => node.target.join(' ')) }));
        expect(serious).toEqual([]);
      });
    }
  });
}
