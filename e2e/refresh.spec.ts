import { connectComponent, expect, openDashboard, test } from './fixtures';

/**
 * Short enough to expire three times in a test under a fast-forwarded clock. Not literally a few
 * seconds: the kit counts a secret with under 30 s left as expired (clock-skew margin), so with a
 * lifetime that short every secret is "expired" on arrival and there is no warm path to test.
 */
const LIFETIME_SECONDS = 100;
const STEP_SECONDS = 5;

test('Connect refreshes an expiring session from the warm secret', async ({ page, sandbox }, testInfo) => {
  test.setTimeout(90_000);
  await sandbox.lifetime(LIFETIME_SECONDS);
  // The page's clock (the kit's and the stand-in's timers) and the sandbox's clock move together.
  await page.clock.install();

  // The order of what the browser asks for: Connect's refresh call (the stand-in reports it),
  // the kit's secret requests, and the claims that use the answers.
  const log: { what: 'refresh' | 'secret' | 'claim'; at: number }[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path === '/api/account_session') log.push({ what: 'secret', at: Date.now() });
    else if (path === '/sandbox/v1/claim') log.push({ what: 'claim', at: Date.now() });
    else if (path === '/sandbox/v1/events' && (request.postDataJSON() as { type?: string } | null)?.type === 'fetch_client_secret') {
      log.push({ what: 'refresh', at: Date.now() });
    }
  });
  const connectErrors: string[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith('[dashboard] Connect error')) connectErrors.push(message.text());
  });

  await openDashboard(page, 'payments');
  await expect(connectComponent(page, 'Payments').getByRole('row').first()).toBeVisible();

  const refreshes = async () => (await sandbox.state()).events.fetch_client_secret ?? 0;
  for (let elapsed = 0; (await refreshes()) < 3; elapsed += STEP_SECONDS) {
    expect(elapsed, 'Connect refreshed three times within five lifetimes').toBeLessThan(5 * LIFETIME_SECONDS);
    await sandbox.clock({ advanceSeconds: STEP_SECONDS });
    await page.clock.fastForward(STEP_SECONDS * 1000);
    // Let the requests that the timers started settle before the next jump.
    await page.waitForLoadState('networkidle');
  }
  await page.waitForLoadState('networkidle');

  const state = await sandbox.state();
  const refreshed = state.events.fetch_client_secret ?? 0;
  expect(state.events.load_error ?? 0, 'no onLoadError').toBe(0);
  expect(connectErrors).toEqual([]);
  // One session for the page load, one per refresh, and at most one warm spare.
  expect(state.sessionsCreated.account_session).toBeLessThanOrEqual(1 + refreshed + 1);
  expect(state.claims.account_session).toBe(1 + refreshed);
  expect(state.claimErrors).toEqual({});

  // Warm means the secret was already in memory: between Connect asking and the claim that uses
  // the answer, the kit made no request. (How long that takes is measured by bench/, not asserted.)
  const waits: number[] = [];
  log.forEach((entry, index) => {
    if (entry.what !== 'refresh') return;
    const rest = log.slice(index + 1);
    const claim = rest.findIndex((next) => next.what === 'claim');
    expect(claim, 'every refresh was followed by a claim').toBeGreaterThanOrEqual(0);
    expect(rest.slice(0, claim).some((next) => next.what === 'secret'), 'a refresh waited for a secret request').toBe(false);
    waits.push(rest[claim]!.at - entry.at);
  });
  expect(waits).toHaveLength(refreshed);
  testInfo.annotations.push({ type: 'refresh → claim (ms, wall clock, incl. two local HTTP hops)', description: waits.join(', ') });

  await expect(connectComponent(page, 'Payments').getByRole('row').first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
