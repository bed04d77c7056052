import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { BROWSER_ROUTES } from '../../src/sandbox/protocol';
import { expectStripeShape } from './fixtureShape';
import { startSandbox } from './startSandbox';

/**
 * Issue 15, item 3: what the user does in the embedded UIs shows up where Stripe puts it, read
 * back through the official SDK as a platform's server would.
 */
describe('onboarding finished in the embedded component updates the account', () => {
  async function onboardingSession(components: Stripe.AccountSessionCreateParams.Components = { account_onboarding: { enabled: true } }) {
    const started = await startSandbox();
    const pending = started.otherAccount;
    const session = await started.stripe.accountSessions.create({ account: pending, components });
    const { body } = await started.post(BROWSER_ROUTES.claim, { client_secret: session.client_secret });
    return { ...started, pending, token: body.token as string };
  }

  it('clears the requirements, enables charges and payouts, and emits account.updated on the account', async () => {
    const { stripe, sandbox, post, get, pending, token } = await onboardingSession();
    const before = await stripe.accounts.retrieve(pending);
    expect(before).toMatchObject({ details_submitted: false, charges_enabled: false });
    expect(before.requirements?.currently_due).not.toEqual([]);

    const finished = await post(BROWSER_ROUTES.completeOnboarding, {}, token);
    expect(finished.status).toBe(200);
    expect(finished.body).toMatchObject({ requirements: { currently_due: [], eventually_due: [] } });

    const after = await stripe.accounts.retrieve(pending);
    expect(after).toMatchObject({ details_submitted: true, charges_enabled: true, payouts_enabled: true, requirements: { currently_due: [], past_due: [], disabled_reason: null } });
    expectStripeShape(after, 'account');
    const event = await sandbox.control.waitForEvent('account.updated', { objectId: pending });
    expect(event).toMatchObject({ account: pending, data: { object: { id: pending, details_submitted: true }, previous_attributes: { details_submitted: false } } });
    expect((await stripe.events.list({ type: 'account.updated' }, { stripeAccount: pending })).data.map((e) => e.id)).toEqual([event.id]);
    // The notification banner and the onboarding component read the profile: nothing is due any more.
    expect((await get(BROWSER_ROUTES.account, token)).body).toMatchObject({ requirements: { currently_due: [] }, notifications: { actionRequired: 0 } });

    // Finishing again changes nothing and emits nothing more.
    expect((await post(BROWSER_ROUTES.completeOnboarding, {}, token)).status).toBe(200);
    expect(sandbox.state().webhooks.events).toBe(1);
  });

  it('needs a claimed AccountSession with account_onboarding enabled', async () => {
    const { post, token, stripe, pending } = await onboardingSession({ payments: { enabled: true } });
    const refused = await post(BROWSER_ROUTES.completeOnboarding, {}, token);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'component_not_enabled' });
    expect(refused.body.error.message).toContain('account_onboarding');
    expect((await post(BROWSER_ROUTES.completeOnboarding, {})).body.error.code).toBe('claim_token_missing');
    expect((await stripe.accounts.retrieve(pending)).details_submitted).toBe(false);
  });
});

describe('a bank linked in Financial Connections shows up where Stripe puts it', () => {
  it('lists the account by holder and on the session, and emits financial_connections.account.created', async () => {
    const { stripe, sandbox, customer, post } = await startSandbox();
    const session = await stripe.financialConnections.sessions.create({ account_holder: { type: 'customer', customer }, permissions: ['payment_method', 'balances'] });
    const { body: claim } = await post(BROWSER_ROUTES.claim, { client_secret: session.client_secret });
    await post(BROWSER_ROUTES.fcComplete, { institution: 'inst_sandbox_bank', accounts: ['inst_sandbox_bank_checking'] }, claim.token);

    const byHolder = await stripe.financialConnections.accounts.list({ account_holder: { customer } });
    expect(byHolder.data).toHaveLength(1);
    const [linked] = byHolder.data;
    expect(linked).toMatchObject({ object: 'financial_connections.account', account_holder: { type: 'customer', customer }, institution_name: 'Sandbox Bank', last4: '6789', subcategory: 'checking', status: 'active' });
    expectStripeShape(linked, 'financial_connections.account');
    expect((await stripe.financialConnections.sessions.retrieve(session.id)).accounts.data).toEqual([linked]);
    expect(await stripe.financialConnections.accounts.retrieve(linked?.id ?? '')).toEqual(linked);
    const event = await sandbox.control.waitForEvent('financial_connections.account.created', { objectId: linked?.id ?? '' });
    expect(event.data.object).toEqual(linked);
    expect(event).not.toHaveProperty('account');
    // Another holder's list stays empty.
    expect((await stripe.financialConnections.accounts.list({ account_holder: { account: sandbox.state().seeded.accounts[0] ?? '' } })).data).toEqual([]);
  });
});
