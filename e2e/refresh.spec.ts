import { connectComponent, expect, openDashboard, test } from './fixtures';

/**
 * A few seconds, on real clocks (neither the page's nor the sandbox's is faked): the stand-in makes
 * Connect.js' refresh call with `min(60 s, lifetime / 4)` left, the kit warms its spare with
 * `min(90 s, lifetime / 3)` left and counts a secret as fresh down to `min(30 s, lifetime / 3)`, so
 * the spare gets a head start of about lifetime / 12 (half a second), plenty on loopback.
 */
const LIFETIME_SECONDS = 6;

test('Connect refreshes an expiring session from the warm secret', async ({ page, sandbox }, testInfo) => {
  test.setTimeout(60_000);
  await sandbox.lifetime(LIFETIME_SECONDS);

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
  // Claims the sandbox has answered, so a state read after them counts them.
  let claimsAnswered = 0;
  page.on('requestfinished', (request) => {
    if (new URL(request.url()).pathname === '/sandbox/v1/claim') claimsAnswered += 1;
  });
  const connectErrors: string[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith('[dashboard] Connect error')) connectErrors.push(message.text());
  });

  await openDashboard(page, 'payments');
  await expect(connectComponent(page, 'Payments').getByRole('row').first()).toBeVisible();

  // Real clocks keep refreshing, so read the sandbox between a refresh's claim and the next
  // refresh: once three refreshes each got their claim answered, and none started during the read.
  const refreshCount = () => log.filter((entry) => entry.what === 'refresh').length;
  let state = await sandbox.state();
  let logged = log.slice();
  await expect
    .poll(
      async () => {
        const before = refreshCount();
        if (before < 3 || claimsAnswered < 1 + before) return false;
        logged = log.slice();
        state = await sandbox.state();
        return refreshCount() === before;
      },
      { message: 'Connect refreshed three times within five lifetimes', timeout: 5 * LIFETIME_SECONDS * 1000, intervals: [100] },
    )
    .toBe(true);

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
  logged.forEach((entry, index) => {
    if (entry.what !== 'refresh') return;
    const rest = logged.slice(index + 1);
    const claim = rest.findIndex((next) => next.what === 'claim');
    expect(claim, 'every refresh was followed by a claim').toBeGreaterThanOrEqual(0);
    expect(rest.slice(0, claim).some((next) => next.what === 'secret'), 'a refresh waited for a secret request').toBe(false);
    waits.push(rest[claim]!.at - entry.at);
  });
  expect(waits).toHaveLength(refreshed);
  testInfo.annotations.push({ type: 'refresh → claim (ms, wall clock, from the refresh report to the claim request)', description: waits.join(', ') });

  await expect(connectComponent(page, 'Payments').getByRole('row').first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
