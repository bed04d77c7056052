import type { Page } from '@playwright/test';
import type { SignedInUser } from '../example/server/SignedInUser';
import { expect, openDashboard, test } from './fixtures';

// The whole checkout on the sandbox: the stand-in Payment Element, the example's PaymentIntent
// route (official `stripe` SDK), Stripe.js's confirm against the sandbox REST, and the events.

const paymentElement = (page: Page) => page.getByRole('region', { name: 'Sandbox: Payment Element' });
const payButton = (page: Page) => page.getByRole('button', { name: 'Pay $49.00' });
const paid = (page: Page) => page.getByRole('status').filter({ hasText: 'Payment succeeded: $49.00 paid.' });
const inlineError = (page: Page) => page.getByRole('form', { name: 'Payment' }).locator('p.alert[role="alert"]');

async function typeCard(page: Page, number: string): Promise<void> {
  const element = paymentElement(page);
  await element.getByRole('radio', { name: 'New card' }).check();
  await element.getByLabel('Card number').fill(number);
  await element.getByLabel('Expiration date').fill('12 / 34');
  await element.getByLabel('Security code').fill('123');
}

async function openCheckout(page: Page): Promise<void> {
  await openDashboard(page, 'checkout');
  await expect(paymentElement(page).getByRole('radio', { name: /visa •••• 4242/ })).toBeVisible();
}

test('pays with a saved card: the PaymentIntent is the signed-in customer’s and succeeds', async ({ page, sandbox, request }) => {
  const user = (await (await request.get('/api/me')).json()) as SignedInUser;
  await openCheckout(page);
  await paymentElement(page).getByRole('radio', { name: /mastercard •••• 4444/ }).check();
  await payButton(page).click();
  await expect(paid(page)).toBeVisible();
  const event = await sandbox.waitForEvent('payment_intent.succeeded');
  expect(event.data.object).toMatchObject({ amount: 4900, currency: 'usd', customer: user.customer, status: 'succeeded' });
  await expect(inlineError(page)).toHaveCount(0);
});

test('pays with a typed 4242 test card', async ({ page, sandbox }) => {
  await openCheckout(page);
  await typeCard(page, '4242 4242 4242 4242');
  await payButton(page).click();
  await expect(paid(page)).toBeVisible();
  const event = await sandbox.waitForEvent('payment_intent.succeeded');
  expect((await sandbox.state()).requests['POST /v1/payment_intents/:id/confirm']).toBe(1);
  expect(event.data.object.payment_method).toMatch(/^pm_/);
  // The loop closes: the backend heard the webhook, and the dashboard shows the order paid.
  await openDashboard(page, 'payments');
  await expect(page.getByRole('list', { name: 'Orders' }).locator(`[data-payment="${event.data.object.id}"]`)).toHaveAttribute('data-status', 'paid');
});

test('an incomplete card is a validation error at its field; nothing is created', async ({ page, sandbox }) => {
  await openCheckout(page);
  await typeCard(page, '4242 4242');
  await payButton(page).click();
  await expect(paymentElement(page).getByRole('alert')).toHaveText('Your card number is incomplete.');
  await expect(paymentElement(page).getByLabel('Card number')).toBeFocused();
  expect((await sandbox.state()).requests['POST /v1/payment_intents'] ?? 0).toBe(0);
});

test('a declined card (4000 0000 0000 0002) shows the decline inline; another card then pays the same PaymentIntent', async ({ page, sandbox }) => {
  await openCheckout(page);
  await typeCard(page, '4000 0000 0000 0002');
  await payButton(page).click();
  await expect(inlineError(page)).toHaveText('Your card was declined.');
  const failed = await sandbox.waitForEvent('payment_intent.payment_failed');
  expect(failed.data.object.last_payment_error).toMatchObject({ code: 'card_declined', decline_code: 'generic_decline' });
  await page.screenshot({ path: 'test-results/checkout-decline.png', fullPage: true });

  await paymentElement(page).getByLabel('Card number').fill('4242 4242 4242 4242');
  await payButton(page).click();
  await expect(paid(page)).toBeVisible();
  await expect(inlineError(page)).toHaveCount(0);
  const succeeded = await sandbox.waitForEvent('payment_intent.succeeded');
  expect(succeeded.data.object.id).toBe(failed.data.object.id);
  expect((await sandbox.state()).requests['POST /v1/payment_intents']).toBe(1);
});

test('insufficient funds (4000 0000 0000 9995) shows the card’s message', async ({ page, sandbox }) => {
  await openCheckout(page);
  await typeCard(page, '4000000000009995');
  await payButton(page).click();
  await expect(inlineError(page)).toHaveText('Your card has insufficient funds.');
  const failed = await sandbox.waitForEvent('payment_intent.payment_failed');
  expect(failed.data.object.last_payment_error?.decline_code).toBe('insufficient_funds');
});

test('an authentication card (4000 0025 0000 3155) opens the challenge; completing it pays', async ({ page, sandbox }) => {
  await openCheckout(page);
  await typeCard(page, '4000 0025 0000 3155');
  await payButton(page).click();
  const challenge = page.getByRole('dialog', { name: /3D Secure authentication/ });
  await expect(challenge).toContainText('Your bank asks you to confirm a payment of $49.00 with the card ending 3155.');
  await expect(challenge.getByRole('button', { name: 'Complete' })).toBeFocused();
  await sandbox.waitForEvent('payment_intent.requires_action');
  await page.screenshot({ path: 'test-results/checkout-challenge.png', fullPage: true });
  await challenge.getByRole('button', { name: 'Complete' }).click();
  await expect(challenge).toHaveCount(0);
  await expect(paid(page)).toBeVisible();
  await sandbox.waitForEvent('payment_intent.succeeded');
});

test('failing the challenge leaves the PaymentIntent unpaid and says so inline', async ({ page, sandbox }) => {
  await openCheckout(page);
  await typeCard(page, '4000002500003155');
  await payButton(page).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Fail' }).click();
  await expect(inlineError(page)).toHaveText('We could not authenticate your payment method. Choose another card or try again.');
  const failed = await sandbox.waitForEvent('payment_intent.payment_failed');
  expect(failed.data.object).toMatchObject({ status: 'requires_payment_method', last_payment_error: { code: 'payment_intent_authentication_failure' } });
  await expect(paid(page)).toHaveCount(0);
});
