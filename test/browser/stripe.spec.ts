import type { Page } from '@playwright/test';
import { test, expect } from '../../src/sandbox/playwright';
import { claimElsewhere, customerSecret, financialConnectionsSecret } from './sandboxStripe';

type Collect = 'collectAccounts' | 'collectBankAccountToken';

async function openStripe(page: Page) {
  await page.goto('/stripe.html');
  await page.waitForFunction(() => typeof window.stripeFixture === 'object');
}

/** Starts a Stripe.js collect call in the page; the result resolves once the modal is done. */
function collect(page: Page, method: Collect, clientSecret: unknown) {
  return page.evaluate(({ method, clientSecret }) => window.stripeFixture[method](clientSecret), { method, clientSecret }) as Promise<{
    financialConnectionsSession?: { id: string; accounts: { id: string; object: string }[] };
    token?: { id: string; object: string; bank_account?: unknown };
    error?: { type: string; code?: string; message: string };
  }>;
}

const dialog = (page: Page) => page.getByRole('dialog', { name: /Link/ });

test.describe('Financial Connections modal', () => {
  test('links the chosen accounts and resolves a plain-array accounts list', async ({ page, sandbox }) => {
    await openStripe(page);
    const result = collect(page, 'collectAccounts', await financialConnectionsSecret(sandbox));
    await expect(dialog(page)).toBeVisible();
    await dialog(page).getByRole('listitem').first().getByRole('button').click();
    const boxes = dialog(page).getByRole('checkbox');
    await expect(boxes.first()).toBeFocused();
    const chosen = await boxes.count();
    await dialog(page).getByRole('button', { name: 'Link accounts' }).click();
    const { financialConnectionsSession, error } = await result;
    expect(error).toBeUndefined();
    expect(Array.isArray(financialConnectionsSession?.accounts)).toBe(true);
    expect(financialConnectionsSession?.accounts).toHaveLength(chosen);
    expect(financialConnectionsSession?.id).toMatch(/^fcsess_/);
    await expect(dialog(page)).toHaveCount(0);
  });

  test('Escape cancels: empty accounts, focus returns to the page', async ({ page, sandbox }) => {
    await openStripe(page);
    await page.locator('#before-modal').focus();
    const result = collect(page, 'collectAccounts', await financialConnectionsSecret(sandbox));
    await expect(dialog(page)).toBeVisible();
    await page.keyboard.press('Escape');
    const { financialConnectionsSession, error } = await result;
    expect(error).toBeUndefined();
    expect(financialConnectionsSession?.accounts).toEqual([]);
    await expect(page.locator('#before-modal')).toBeFocused();
  });

  test('keeps focus inside the dialog while tabbing', async ({ page, sandbox }) => {
    await openStripe(page);
    const result = collect(page, 'collectAccounts', await financialConnectionsSecret(sandbox));
    await expect(dialog(page)).toBeVisible();
    await expect(dialog(page)).toHaveAttribute('aria-modal', 'true');
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
      const inside = await page.evaluate(() => {
        const host = document.querySelector('[data-embedkit-sandbox="financial-connections"]');
        return document.activeElement === host && !!host?.shadowRoot?.activeElement?.closest('dialog');
      });
      expect(inside).toBe(true);
    }
    await dialog(page).getByRole('button', { name: 'Cancel' }).click();
    expect((await result).financialConnectionsSession?.accounts).toEqual([]);
  });

  test('a reused, unknown or missing secret resolves { error } and opens no modal', async ({ page, sandbox }) => {
    await openStripe(page);
    const reused = await financialConnectionsSecret(sandbox);
    await claimElsewhere(sandbox, reused);
    expect((await collect(page, 'collectAccounts', reused)).error).toMatchObject({ type: 'invalid_request_error', code: 'session_already_claimed' });
    expect((await collect(page, 'collectAccounts', 'fcsess_unknown_secret_nope')).error).toMatchObject({ type: 'invalid_request_error', code: 'resource_missing' });
    expect((await collect(page, 'collectAccounts', undefined)).error).toMatchObject({ type: 'validation_error' });
    await expect(dialog(page)).toHaveCount(0);
  });

  test('collectBankAccountToken resolves a bank-account token with the session', async ({ page, sandbox }) => {
    await openStripe(page);
    const result = collect(page, 'collectBankAccountToken', await financialConnectionsSecret(sandbox));
    await dialog(page).getByRole('listitem').first().getByRole('button').click();
    await dialog(page).getByRole('button', { name: 'Link accounts' }).click();
    const { financialConnectionsSession, token, error } = await result;
    expect(error).toBeUndefined();
    expect(financialConnectionsSession?.accounts.length).toBeGreaterThan(0);
    expect(token).toMatchObject({ id: expect.stringMatching(/^tok_/), object: 'token', bank_account: expect.any(Object) });
  });
});

test('Payment Element lists saved cards, and elements.update with a new CustomerSession keeps the selection', async ({ page, sandbox }) => {
  await openStripe(page);
  await page.evaluate((secret) => window.stripeFixture.mountPaymentElement(secret), await customerSecret(sandbox));
  const cards = page.getByRole('group', { name: 'Saved cards' }).getByRole('radio');
  await expect(cards.first()).toBeVisible();
  const count = await cards.count();
  expect(count).toBeGreaterThan(1);
  const second = cards.nth(1);
  const label = await second.evaluate((input) => input.parentElement?.textContent ?? '');
  await second.check();
  await expect.poll(async () => (await page.evaluate(() => window.fixtureEvents.filter((event) => event.kind === 'change'))).length).toBe(1);

  await page.evaluate((secret) => window.stripeFixture.setCustomerSessionSecret(secret), await customerSecret(sandbox));
  await expect.poll(async () => (await sandbox.state()).claims.customer_session).toBe(2);
  await expect(page.getByRole('radio', { name: label.trim() })).toBeChecked();
  expect(await cards.count()).toBe(count);
  const events = await page.evaluate(() => window.fixtureEvents.map((event) => event.kind));
  expect(events.filter((kind) => kind === 'ready')).toHaveLength(1);
  expect(events.filter((kind) => kind === 'loaderStart')).toHaveLength(1);
  expect(events).not.toContain('loadError');
});

test('Payment Element with a reused CustomerSession secret shows an error and fires loaderror', async ({ page, sandbox }) => {
  await openStripe(page);
  const secret = await customerSecret(sandbox);
  await claimElsewhere(sandbox, secret);
  await page.evaluate((s) => window.stripeFixture.mountPaymentElement(s), secret);
  await expect(page.locator('[data-embedkit-sandbox="payment-element"]').getByRole('alert')).toContainText('session_already_claimed');
  await expect.poll(() => page.evaluate(() => window.fixtureEvents.filter((event) => event.kind === 'loadError').length)).toBe(1);
});
