import Stripe from 'stripe';
import { connectComponent, expect, openDashboard, test } from './fixtures';
import { servers } from './ports';

/** The platform's server-side client, on the sandbox behind the example (as the example backend has it). */
const stripe = new Stripe('sk_test_e2e', { host: '127.0.0.1', port: servers.preview.sandboxPort, protocol: 'http' });
const badge = (page: import('@playwright/test').Page) => page.getByTestId('onboarding-badge');

test.describe('the loop: what happens in the embedded UIs reaches the backend through signed webhooks', () => {
  test('finishing onboarding clears the account at Stripe and turns the badge complete', async ({ page, sandbox }) => {
    const [, pending = ''] = (await sandbox.state()).seeded.accounts;
    await openDashboard(page, 'onboarding');
    await page.getByLabel('Connected account').selectOption(pending);
    await expect(badge(page)).toHaveText('Onboarding pending');
    const onboarding = connectComponent(page, 'Account onboarding');
    await expect(onboarding).toContainText('external_account');
    await page.screenshot({ path: 'test-results/onboarding-badge-before.png' });

    for (let step = 0; step < 3; step++) await onboarding.getByRole('button', { name: 'Next' }).click();
    await onboarding.getByRole('button', { name: 'Finish' }).click();
    await expect(onboarding.getByTestId('submitted')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Onboarding closed' })).toBeVisible();

    const event = await sandbox.waitForEvent('account.updated', { objectId: pending });
    expect(event.account).toBe(pending);
    expect(await stripe.accounts.retrieve(pending)).toMatchObject({ details_submitted: true, charges_enabled: true, payouts_enabled: true, requirements: { currently_due: [] } });
    // No reload: the backend heard account.updated and the dashboard's next poll shows it.
    await expect(badge(page)).toHaveText('Onboarding complete');
    await expect(connectComponent(page, 'Notifications')).toContainText('0 need action');
    await page.screenshot({ path: 'test-results/onboarding-badge-after.png' });
  });

  test('a linked bank is listed at Stripe and appears from its webhook', async ({ page, sandbox }) => {
    const customer = (await sandbox.state()).seeded.customers[0] ?? '';
    await openDashboard(page, 'bank');
    await expect(page.getByText('No bank account linked.')).toBeVisible();
    await page.getByRole('button', { name: 'Link a bank account' }).click();
    const dialog = page.getByRole('dialog', { name: /Link your bank accounts/ });
    await dialog.getByRole('button', { name: 'Sandbox Bank' }).click();
    await dialog.getByRole('button', { name: 'Link accounts' }).click();
    await expect(page.locator('#bank-status')).toHaveText('Linked 2 accounts.');

    await sandbox.waitForEvent('financial_connections.account.created');
    const { data: linked } = await stripe.financialConnections.accounts.list({ account_holder: { customer } });
    expect(linked.map((account) => account.display_name).sort()).toEqual(['Sandbox Bank Checking', 'Sandbox Bank Savings']);
    const onFile = page.getByRole('list', { name: 'Bank accounts on file' });
    for (const account of linked) await expect(onFile.locator(`[data-bank-account="${account.id}"]`)).toContainText(`•••• ${account.last4}`);
  });

  test('a payment is marked paid once payment_intent.succeeded arrives', async ({ page, sandbox }) => {
    const customer = (await sandbox.state()).seeded.customers[0] ?? '';
    await openDashboard(page, 'payments');
    await expect(page.getByText('No orders yet.')).toBeVisible();
    // The checkout page creates its PaymentIntents the same way: on the platform, for the signed-in customer.
    const intent = await stripe.paymentIntents.create({ amount: 4900, currency: 'usd', customer, payment_method: 'pm_card_visa', confirm: true, description: 'Annual seller plan' });
    await sandbox.waitForEvent('payment_intent.succeeded', { objectId: intent.id });
    const order = page.getByRole('list', { name: 'Orders' }).locator(`[data-payment="${intent.id}"]`);
    await expect(order).toHaveAttribute('data-status', 'paid');
    await expect(order).toContainText('Annual seller plan: $49.00 · Paid');
  });

  test('the backend refuses a forged webhook: 400, and nothing changes', async ({ page, request }) => {
    await openDashboard(page, 'payments');
    await expect(page.getByText('No orders yet.')).toBeVisible();
    const payload = JSON.stringify({ id: 'evt_forged', object: 'event', type: 'payment_intent.succeeded', data: { object: { id: 'pi_forged', object: 'payment_intent' } } });
    const forged = await request.post('/api/webhooks', {
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_guessed' }) },
      data: payload,
    });
    expect(forged.status()).toBe(400);
    expect(await forged.json()).toMatchObject({ error: { code: 'signature_invalid' } });
    expect((await (await request.get('/api/activity')).json()).payments).toEqual([]);
  });

  test('the pricing page offers a buy button with its own CustomerSession', async ({ page, sandbox }) => {
    await openDashboard(page, 'pricing');
    await expect(page.getByRole('region', { name: 'Sandbox: Pricing table' })).toContainText('Starter');
    await expect(page.getByRole('region', { name: 'Sandbox: Buy button' }).getByRole('button', { name: /^Buy Starter/ })).toBeVisible();
    // One single-use secret per element: the pricing table's and the buy button's.
    await expect.poll(async () => (await sandbox.state()).claims.customer_session).toBe(2);
    await expect(page.locator('[data-session="buy-button-session"] [data-field="status"]')).toHaveText('success');
  });
});
