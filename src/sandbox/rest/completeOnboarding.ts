import type Stripe from 'stripe';
import { findAccount } from './accountRoutes.js';
import type { SandboxStore } from '../engine/SandboxStore.js';

/**
 * What Stripe does when a connected account finishes onboarding: nothing is due any more, charges
 * and payouts are enabled, details are submitted, and `account.updated` tells the platform (with
 * `previous_attributes`). The onboarding stand-in shows the account as complete from then on.
 */
export function completeOnboarding(store: SandboxStore, accountId: string): Stripe.Account {
  const account = findAccount(store.accounts, accountId, 'account');
  const requirements = account.requirements;
  if (!requirements || (requirements.currently_due?.length === 0 && requirements.eventually_due?.length === 0 && account.details_submitted)) return account;
  const previous = {
    charges_enabled: account.charges_enabled,
    details_submitted: account.details_submitted,
    payouts_enabled: account.payouts_enabled,
    requirements: { currently_due: requirements.currently_due, disabled_reason: requirements.disabled_reason, eventually_due: requirements.eventually_due },
  };
  account.requirements = { ...requirements, currently_due: [], eventually_due: [], past_due: [], disabled_reason: null };
  account.charges_enabled = true;
  account.details_submitted = true;
  account.payouts_enabled = true;
  const profile = store.accountData.get(account.id)?.profile;
  if (profile) {
    profile.requirements = { currently_due: [], eventually_due: [] };
    profile.notifications = { total: 0, actionRequired: 0 };
  }
  // account.updated reaches the platform's Connect endpoints: it happens on the connected account.
  store.webhooks.emit('account.updated', account, { account: account.id, previousAttributes: previous });
  return account;
}
