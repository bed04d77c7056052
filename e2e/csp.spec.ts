import { dashboardPages } from './dashboardPages';
import { expect, openDashboard, test } from './fixtures';

test('the built app runs under its Content-Security-Policy with no violation', async ({ page }) => {
  // Recorded from the first script on, so a violation before the app starts is seen too.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const response = await page.goto('/');
  const policy = response?.headers()['content-security-policy'] ?? '';
  const scriptSrc = policy.split('; ').find((directive) => directive.startsWith('script-src ')) ?? '';
  expect(scriptSrc).toContain("'self'");
  expect(scriptSrc, 'the production build needs no inline script').not.toContain("'unsafe-inline'");
  expect(policy).toContain("frame-ancestors 'none'");

  for (const { route, rendered } of dashboardPages) {
    await openDashboard(page, route);
    await rendered(page);
  }
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
});
