import type { Page } from '@playwright/test';
import { connectComponent, expect } from './fixtures';

/**
 * Each dashboard page and what proves its embedded components rendered with sandbox data. Shared
 * by the rendering, accessibility and secrets specs so they all walk the same pages.
 */
export const dashboardPages: { route: string; title: string; connect: boolean; rendered: (page: Page) => Promise<void> }[] = [
  {
    route: 'onboarding',
    connect: true,
    title: 'Onboarding',
    rendered: async (page) => {
      await expect(connectComponent(page, 'Account onboarding')).toContainText('Step 1 of 4');
    },
  },
  {
    route: 'payments',
    connect: true,
    title: 'Payments',
    rendered: async (page) => {
      await expect(connectComponent(page, 'Payments').getByRole('row')).toHaveCount(9);
    },
  },
  {
    route: 'payouts',
    connect: true,
    title: 'Payouts & balances',
    rendered: async (page) => {
      await expect(connectComponent(page, 'Balances')).toContainText('Available');
      await expect(connectComponent(page, 'Payouts').getByRole('row')).toHaveCount(6);
    },
  },
  {
    route: 'account',
    connect: true,
    title: 'Account management',
    rendered: async (page) => {
      await expect(connectComponent(page, 'Account management')).toContainText('Business:');
    },
  },
  {
    route: 'bank',
    connect: false,
    title: 'Link a bank account',
    rendered: async (page) => {
      await expect(page.getByRole('button', { name: 'Link a bank account' })).toBeEnabled();
    },
  },
  {
    route: 'checkout',
    connect: false,
    title: 'Checkout',
    rendered: async (page) => {
      await expect(page.getByRole('radio', { name: /visa •••• 4242/ })).toBeVisible();
    },
  },
  {
    route: 'pricing',
    connect: false,
    title: 'Pricing',
    rendered: async (page) => {
      await expect(page.getByRole('region', { name: 'Sandbox: Pricing table' })).toContainText('Starter');
    },
  },
];

/** The notification banner sits above every Connect page. */
export async function bannerRendered(page: Page): Promise<void> {
  await expect(connectComponent(page, 'Notifications')).toContainText('notifications');
}
