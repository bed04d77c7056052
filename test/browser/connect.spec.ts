import { test, expect } from '../../src/sandbox/playwright';
import { fixtureEvents, openConnect, panel } from './connectPage';
import { GA_TAGS, accountSecret, claimElsewhere } from './sandboxStripe';

test('every GA tag mounts through the official loader and fires onLoaderStart, on one AccountSession', async ({ page, sandbox }) => {
  // The loader throws (unhandled) if an element lacks setConnector or a set…InternalOnly method.
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
  await openConnect(page, sandbox, { tags: [...GA_TAGS] });
  for (const tag of GA_TAGS) await expect(panel(page, tag)).toContainText('Sandbox');
  await expect.poll(async () => (await fixtureEvents(page, 'loaderStart')).map((event) => event.tag).sort()).toEqual([...GA_TAGS].sort());
  const state = await sandbox.state();
  expect(state.sessionsCreated.account_session).toBe(1);
  expect(state.claims.account_session).toBe(1);
  expect(await fixtureEvents(page, 'loadError')).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('setters take effect: filters, selected object, collection options, listeners, plain configuration', async ({ page, sandbox }) => {
  await openConnect(page, sandbox, {
    tags: ['payments', 'payment-details', 'account-onboarding', 'notification-banner', 'tax-settings'],
    props: {
      payments: { defaultFilters: { status: ['successful'] } },
      'payment-details': { payment: 'py_not_in_sandbox' },
      'tax-settings': { hideProductTaxCodeSelector: true, displayHeadOfficeCountries: ['US', 'FR'] },
    },
  });
  const payments = panel(page, 'payments');
  await expect(payments.getByTestId('filters')).toHaveText('Filters: status: successful');
  const statuses = await payments.locator('tbody tr td:nth-child(2)').allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(['succeeded']));

  await page.evaluate(() => window.connectFixture.setProps('payments', { defaultFilters: { status: ['refunded', 'failed'] } }));
  await expect(payments.getByTestId('filters')).toHaveText('Filters: status: refunded, failed');

  await expect(panel(page, 'payment-details').getByRole('alert')).toHaveText('No such payment: py_not_in_sandbox');
  await panel(page, 'payment-details').getByRole('button', { name: 'Close' }).click();
  expect(await fixtureEvents(page, 'close')).toHaveLength(1);

  const taxSettings = panel(page, 'tax-settings');
  await expect(taxSettings).toContainText('setHideProductTaxCodeSelector');
  await expect(taxSettings).toContainText('["US","FR"]');

  const onboarding = panel(page, 'account-onboarding');
  await expect(onboarding.getByTestId('step')).toContainText('business_type');
  await onboarding.getByRole('button', { name: 'Next' }).click();
  await expect(onboarding.getByTestId('step')).toContainText('business_details');
  for (let i = 0; i < 2; i++) await onboarding.getByRole('button', { name: 'Next' }).click();
  await onboarding.getByRole('button', { name: 'Finish' }).click();
  expect((await fixtureEvents(page, 'stepChange')).map((event) => event.payload)).toEqual([
    { step: 'business_type' },
    { step: 'business_details' },
    { step: 'external_account' },
    { step: 'summary' },
  ]);
  // Finish submits the onboarding first (the account's requirements clear), then calls onExit.
  await expect(onboarding.getByTestId('submitted')).toContainText('Nothing more is due');
  expect(await fixtureEvents(page, 'exit')).toHaveLength(1);

  const [notifications] = await fixtureEvents(page, 'notificationsChange');
  expect(notifications?.payload).toEqual({ total: expect.any(Number), actionRequired: expect.any(Number) });
  await expect(panel(page, 'notification-banner').getByRole('status')).toContainText('notifications');
});

test('a reused AccountSession secret gives onLoadError (authentication_error) and a visible error', async ({ page, sandbox }) => {
  const secret = await accountSecret(sandbox);
  await claimElsewhere(sandbox, secret);
  await openConnect(page, sandbox, { tags: ['payments', 'balances'] }, async () => secret);
  for (const tag of ['payments', 'balances']) {
    await expect(panel(page, tag).getByRole('alert')).toContainText('Could not load');
  }
  await expect.poll(async () => (await fixtureEvents(page, 'loadError')).length).toBe(2);
  for (const event of await fixtureEvents(page, 'loadError')) {
    expect(event.payload).toEqual({
      elementTagName: `stripe-connect-${event.tag}`,
      error: { type: 'authentication_error', message: expect.stringContaining('session_already_claimed') },
    });
  }
  expect((await sandbox.state()).claimErrors).toEqual({ session_already_claimed: 1 });
});

test('a failing fetchClientSecret gives onLoadError (account_session_create_error)', async ({ page, sandbox }) => {
  await openConnect(page, sandbox, { tags: ['payouts'] }, async () => {
    throw new Error('backend down');
  });
  await expect(panel(page, 'payouts').getByRole('alert')).toBeVisible();
  await expect.poll(() => fixtureEvents(page, 'loadError')).toEqual([
    { kind: 'loadError', tag: 'payouts', payload: { elementTagName: 'stripe-connect-payouts', error: { type: 'account_session_create_error', message: expect.any(String) } } },
  ]);
});

test('near expiry, exactly one fetchClientSecret call and one claim per expiry, shared by all components', async ({ page, sandbox }) => {
  // Both clocks move together: the sandbox's (expires_at) and the page's (the stand-in's timers).
  await page.clock.install();
  await sandbox.lifetime(600);
  await openConnect(page, sandbox, { tags: ['payments', 'balances', 'documents'] });
  await expect(panel(page, 'payments').getByRole('table')).toBeVisible();
  const advance = async (seconds: number) => {
    await sandbox.clock({ advanceSeconds: seconds });
    await page.clock.fastForward(seconds * 1000);
  };
  const counts = async () => {
    const state = await sandbox.state();
    return { refreshes: state.events.fetch_client_secret ?? 0, claims: state.claims.account_session, created: state.sessionsCreated.account_session };
  };
  expect(await counts()).toEqual({ refreshes: 0, claims: 1, created: 1 });

  // Rule: refresh at min(60 s, lifetime / 4) before expires_at, i.e. 540 s into a 600 s session.
  await advance(500);
  expect(await counts()).toEqual({ refreshes: 0, claims: 1, created: 1 });
  await advance(45);
  await expect.poll(counts).toEqual({ refreshes: 1, claims: 2, created: 2 });
  await advance(30);
  expect(await counts()).toEqual({ refreshes: 1, claims: 2, created: 2 });

  await advance(515);
  await expect.poll(counts).toEqual({ refreshes: 2, claims: 3, created: 3 });
  expect((await fixtureEvents(page, 'fetchClientSecret')).length).toBe(3);
  expect(await fixtureEvents(page, 'loadError')).toEqual([]);
  await expect(panel(page, 'payments').getByRole('table')).toBeVisible();
});

test('update({ appearance, locale }) changes what is shown without a new session', async ({ page, sandbox }) => {
  await openConnect(page, sandbox, { tags: ['payments'] });
  const payments = panel(page, 'payments');
  await expect(payments.getByRole('table')).toBeVisible();
  await page.evaluate(() =>
    window.connectFixture.update({
      appearance: { variables: { colorPrimary: '#ff0000', colorBackground: '#101010', colorText: '#fafafa', fontFamily: 'Georgia, serif', borderRadius: '0px' } },
      locale: 'fr-FR',
    }),
  );
  await expect(payments).toHaveAttribute('lang', 'fr-FR');
  await expect(payments.locator('.ek-badge')).toHaveText('Bac à sable');
  await expect(payments).toHaveCSS('border-top-color', 'rgb(255, 0, 0)');
  await expect(payments).toHaveCSS('background-color', 'rgb(16, 16, 16)');
  await expect(payments).toHaveCSS('color', 'rgb(250, 250, 250)');
  await expect(payments).toHaveCSS('font-family', 'Georgia, serif');
  await expect(payments).toHaveCSS('border-top-left-radius', '0px');
  // Intl formatting follows the locale: French puts the currency sign after the amount.
  await expect(payments.locator('tbody tr').first().locator('td').first()).toHaveText(/\d\s?\$US|\d\s?€|\d\s?\$/);
  expect((await sandbox.state()).sessionsCreated.account_session).toBe(1);
});

test('logout() ends the session at the sandbox and every component shows a logged-out state', async ({ page, sandbox }) => {
  await openConnect(page, sandbox, { tags: ['payments', 'account-management'] });
  await expect(panel(page, 'payments').getByRole('table')).toBeVisible();
  await page.evaluate(() => window.connectFixture.logout());
  for (const tag of ['payments', 'account-management']) {
    await expect(panel(page, tag).getByTestId('logged-out')).toHaveText('Signed out: this session has ended.');
  }
  expect((await sandbox.state()).requests['POST /sandbox/v1/logout']).toBe(1);
});

test('a sandbox failure while claiming gives onLoadError (api_error), injected with the fixture control', async ({ page, sandbox }) => {
  await sandbox.failNext({ route: 'POST /sandbox/v1/claim', status: 500 });
  await openConnect(page, sandbox, { tags: ['balances'] });
  await expect(panel(page, 'balances').getByRole('alert')).toBeVisible();
  await expect.poll(async () => (await fixtureEvents(page, 'loadError')).map((event) => (event.payload as { error: { type: string } }).error.type)).toEqual(['api_error']);
});
