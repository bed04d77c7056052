import type { Page, Route } from '@playwright/test';
import { connectComponent, expect, openDashboard, test } from './fixtures';

/**
 * Answers the AccountSession endpoint with `broken` until `heal()`; afterwards the real backend
 * answers again. Counts what the browser asked for while broken.
 */
async function breakEndpoint(page: Page, broken: (route: Route) => Promise<void>) {
  let healed = false;
  let failedRequests = 0;
  await page.route('**/api/account_session', async (route) => {
    if (healed) return route.continue();
    failedRequests += 1;
    return broken(route);
  });
  return {
    heal: () => {
      healed = true;
    },
    failedRequests: () => failedRequests,
  };
}

async function expectErrorThenRecovery(page: Page, heal: () => void) {
  const alert = page.getByRole('alert').filter({ hasText: 'Your account could not be loaded.' });
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  // The rest of the dashboard stays usable while Connect is down.
  await expect(page.getByRole('navigation', { name: 'Dashboard' })).toBeVisible();

  heal();
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(connectComponent(page, 'Payments').getByRole('row').first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
}

test('the endpoint answering 500 shows an error with a retry that then works', async ({ page, sandbox }) => {
  const endpoint = await breakEndpoint(page, (route) =>
    route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal_error', message: 'Something broke.' } }) }),
  );
  await openDashboard(page, 'payments');
  await expectErrorThenRecovery(page, endpoint.heal);
  // 5xx is retried with backoff before the error shows: more than one attempt, then it stops.
  expect(endpoint.failedRequests()).toBeGreaterThan(1);
  expect((await sandbox.state()).sessionsCreated.account_session).toBe(1);
});

test('the endpoint answering bad JSON shows an error with a retry that then works', async ({ page }) => {
  const endpoint = await breakEndpoint(page, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"client_secret": ' }));
  await openDashboard(page, 'payments');
  await expect(page.getByRole('alert')).toContainText('/api/account_session');
  await expectErrorThenRecovery(page, endpoint.heal);
});

test('Stripe failing behind the endpoint (sandbox failure injection) shows an error with a retry that then works', async ({ page, sandbox }) => {
  // More failures than the backend's SDK retries and the kit's retries together: the error must show.
  await sandbox.failNext({ route: 'POST /v1/account_sessions', status: 500, count: 50 });
  await openDashboard(page, 'payments');
  const alert = page.getByRole('alert').filter({ hasText: 'Your account could not be loaded.' });
  await expect(alert).toBeVisible({ timeout: 20_000 });

  // Stripe recovers (reset clears the injected failures); the retry goes all the way through.
  await sandbox.reset();
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(connectComponent(page, 'Payments').getByRole('row').first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect((await sandbox.state()).sessionsCreated.account_session).toBe(1);
});
