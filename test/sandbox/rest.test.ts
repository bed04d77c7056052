import { describe, expect, it } from 'vitest';
import { ACCOUNT_SESSION_COMPONENTS } from '../../src/sandbox/rest/accountSessionComponents';
import { startSandbox, stripeError } from './startSandbox';

describe('sandbox REST: accounts and customers', () => {
  it('lists the seeded connected accounts, newest first, and paginates', async () => {
    const { stripe, account, otherAccount } = await startSandbox();
    const all = await stripe.accounts.list();
    expect(all).toMatchObject({ object: 'list', has_more: false, url: '/v1/accounts' });
    expect(all.data.map((a) => a.id)).toEqual([otherAccount, account]);
    const first = await stripe.accounts.list({ limit: 1 });
    expect(first.data.map((a) => a.id)).toEqual([otherAccount]);
    expect(first.has_more).toBe(true);
    const next = await stripe.accounts.list({ limit: 1, starting_after: otherAccount });
    expect(next.data.map((a) => a.id)).toEqual([account]);
    expect(next.has_more).toBe(false);
    const before = await stripe.accounts.list({ ending_before: account });
    expect(before.data.map((a) => a.id)).toEqual([otherAccount]);
  });

  it('creates and retrieves an account shaped like Stripe, with onboarding still due', async () => {
    const { stripe } = await startSandbox();
    const created = await stripe.accounts.create({ type: 'express', email: 'a@example.com', business_profile: { name: 'Acme' }, metadata: { plan: 'gold' } });
    expect(created.id).toMatch(/^acct_[A-Za-z0-9]{16}$/);
    expect(created).toMatchObject({ object: 'account', type: 'express', email: 'a@example.com', charges_enabled: false, metadata: { plan: 'gold' } });
    expect(created.requirements?.currently_due).toContain('external_account');
    expect(await stripe.accounts.retrieve(created.id)).toEqual(JSON.parse(JSON.stringify(created)));
    const list = await stripe.accounts.list();
    expect(list.data[0]?.id).toBe(created.id);
  });

  it('answers unknown accounts and list cursors with resource_missing', async () => {
    const { stripe } = await startSandbox();
    const missing = await stripeError(stripe.accounts.retrieve('acct_doesnotexist00'));
    expect(missing).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 404, code: 'resource_missing', message: "No such account: 'acct_doesnotexist00'" });
    expect(missing.raw).toMatchObject({ doc_url: 'https://stripe.com/docs/error-codes/resource-missing' });
    const cursor = await stripeError(stripe.accounts.list({ starting_after: 'acct_nope' }));
    expect(cursor).toMatchObject({ statusCode: 404, param: 'starting_after' });
    const typeless = await stripeError(stripe.accounts.create({ email: 'x@example.com' }));
    expect(typeless).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'type' });
  });

  it('creates customers and scopes them to the Stripe-Account they were created under', async () => {
    const { stripe, customer, account } = await startSandbox();
    const seeded = await stripe.customers.retrieve(customer);
    expect(seeded).toMatchObject({ id: customer, object: 'customer', name: 'Jenny Rosen', livemode: false });

    const onAccount = await stripe.customers.create({ email: 'c@example.com', name: 'Connected' }, { stripeAccount: account });
    expect(onAccount.id).toMatch(/^cus_[A-Za-z0-9]{14}$/);
    expect(await stripe.customers.retrieve(onAccount.id, {}, { stripeAccount: account })).toMatchObject({ id: onAccount.id });
    expect(await stripeError(stripe.customers.retrieve(onAccount.id))).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    expect(await stripeError(stripe.customers.retrieve(customer, {}, { stripeAccount: account }))).toMatchObject({ statusCode: 404 });
  });

  it('treats the platform naming itself in Stripe-Account as no header, and refuses an account that does not exist', async () => {
    const { stripe, sandbox, customer } = await startSandbox();
    const platform = sandbox.state().seeded.platform;
    expect(await stripe.customers.retrieve(customer, {}, { stripeAccount: platform })).toMatchObject({ id: customer });
    const error = await stripeError(stripe.customers.create({}, { stripeAccount: 'acct_unknown000000' }));
    expect(error).toMatchObject({ statusCode: 403, code: 'account_invalid' });
    expect(error.message).toContain('acct_unknown000000');
  });
});

describe('sandbox REST: POST /v1/account_sessions', () => {
  it('answers every component key with its features filled in, and the secret shaped like Stripe', async () => {
    const { stripe, account, sandbox } = await startSandbox();
    const session = await stripe.accountSessions.create({
      account,
      components: {
        payments: { enabled: true, features: { refund_management: false, dispute_management: false } },
        account_onboarding: { enabled: true, features: { external_account_collection: false } },
      },
    });
    expect(session).toMatchObject({ object: 'account_session', account, livemode: false });
    expect(session.client_secret).toMatch(/^accs_secret__[A-Za-z0-9]{47}$/);
    expect(session.expires_at).toBe(sandbox.state().now + 1800);
    expect(Object.keys(session.components).sort()).toEqual(Object.keys(ACCOUNT_SESSION_COMPONENTS).sort());
    expect(session.components.payments).toEqual({
      enabled: true,
      features: {
        capture_payments: true,
        destination_on_behalf_of_charge_management: false,
        dispute_management: false,
        refund_management: false,
        // Defaults to dispute_management.
        smart_disputes_management: false,
      },
    });
    // disable_stripe_user_authentication defaults to the opposite of external_account_collection.
    expect(session.components.account_onboarding.features).toEqual({ disable_stripe_user_authentication: true, external_account_collection: false });
    expect(session.components.balances).toEqual({
      enabled: false,
      features: { disable_stripe_user_authentication: false, edit_payout_schedule: false, external_account_collection: true, instant_payouts: true, standard_payouts: false },
    });
    expect(session.components.documents).toEqual({ enabled: false, features: {} });
    expect(session.lastResponse.requestId).toMatch(/^req_/);
    expect(sandbox.state().sessionsCreated.account_session).toBe(1);
  });

  it.each([
    ['no account', { components: { payments: { enabled: true } } }, 400, 'parameter_missing', 'account'],
    ['no components', { account: '$account' }, 400, 'parameter_missing', 'components'],
    ['an unknown account', { account: 'acct_missing00000000', components: { payments: { enabled: true } } }, 404, 'resource_missing', 'account'],
    ['no enabled component', { account: '$account', components: { payments: { enabled: false } } }, 400, undefined, 'components'],
    ['an unknown component', { account: '$account', components: { payment: { enabled: true } } }, 400, 'parameter_unknown', 'components[payment]'],
    ['an unknown feature', { account: '$account', components: { payments: { enabled: true, features: { instant_payouts: true } } } }, 400, 'parameter_unknown', 'components[payments][features][instant_payouts]'],
    ['a feature on a featureless component', { account: '$account', components: { documents: { enabled: true, features: { x: true } } } }, 400, 'parameter_unknown', 'components[documents][features][x]'],
    ['enabled=maybe', { account: '$account', components: { payments: { enabled: 'maybe' } } }, 400, undefined, 'components[payments][enabled]'],
    ['components as a string', { account: '$account', components: 'payments' }, 400, undefined, 'components'],
    ['a missing enabled', { account: '$account', components: { payments: { features: { refund_management: true } } } }, 400, 'parameter_missing', 'components[payments][enabled]'],
    ['an unknown top-level parameter', { account: '$account', components: { payments: { enabled: true } }, colour: 'blue' }, 400, 'parameter_unknown', 'colour'],
  ])('rejects %s like Stripe', async (_, params, status, code, param) => {
    const { stripe, account, sandbox } = await startSandbox();
    const body = JSON.parse(JSON.stringify(params).replace('$account', account));
    const error = await stripeError(stripe.accountSessions.create(body));
    expect(error).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: status, param });
    expect(error.code).toBe(code);
    if (code === 'parameter_unknown') expect(error.message).toBe(`Received unknown parameter: ${param}`);
    if (param === 'components[payments][enabled]' && code === undefined) expect(error.message).toBe('Invalid boolean: maybe');
    expect(sandbox.state().sessionsCreated.account_session).toBe(0);
  });
});

describe('sandbox REST: POST /v1/customer_sessions', () => {
  it('creates a CustomerSession for a known customer, expanding it on request', async () => {
    const { stripe, customer, sandbox } = await startSandbox({ lifetimeSeconds: 600 });
    const session = await stripe.customerSessions.create({
      customer,
      components: { payment_element: { enabled: true, features: { payment_method_redisplay: 'enabled' } }, pricing_table: { enabled: true } },
      expand: ['customer'],
    });
    expect(session.client_secret).toMatch(/^cuss_secret_[A-Za-z0-9]{47}$/);
    expect(session).toMatchObject({ object: 'customer_session', customer_account: null, livemode: false, created: sandbox.state().now });
    expect(session.expires_at).toBe(session.created + 600);
    expect(session.customer).toMatchObject({ id: customer, object: 'customer' });
    expect(session.components?.payment_element).toEqual({
      enabled: true,
      features: {
        payment_method_allow_redisplay_filters: ['always'],
        payment_method_redisplay: 'enabled',
        payment_method_redisplay_limit: null,
        payment_method_remove: 'disabled',
        payment_method_save: 'disabled',
        payment_method_save_usage: null,
      },
    });
    expect(session.components?.buy_button).toEqual({ enabled: false });
    const plain = await stripe.customerSessions.create({ customer, components: { buy_button: { enabled: true } } });
    expect(plain.customer).toBe(customer);
  });

  it.each([
    ['no customer', { components: { pricing_table: { enabled: true } } }, 400, 'parameter_missing', 'customer'],
    ['an unknown customer', { customer: 'cus_missing0000000', components: { pricing_table: { enabled: true } } }, 404, 'resource_missing', 'customer'],
    ['no enabled component', { customer: '$customer', components: { pricing_table: { enabled: false } } }, 400, undefined, 'components'],
    ['an unknown component', { customer: '$customer', components: { checkout: { enabled: true } } }, 400, 'parameter_unknown', 'components[checkout]'],
    ['a bad enum', { customer: '$customer', components: { payment_element: { enabled: true, features: { payment_method_save: 'on' } } } }, 400, undefined, 'components[payment_element][features][payment_method_save]'],
    ['a redisplay limit out of range', { customer: '$customer', components: { payment_element: { enabled: true, features: { payment_method_redisplay_limit: 11 } } } }, 400, undefined, 'components[payment_element][features][payment_method_redisplay_limit]'],
  ])('rejects %s', async (_, params, status, code, param) => {
    const { stripe, customer } = await startSandbox();
    const body = JSON.parse(JSON.stringify(params).replace('$customer', customer));
    const error = await stripeError(stripe.customerSessions.create(body));
    expect(error).toMatchObject({ statusCode: status, param });
    expect(error.code).toBe(code);
  });
});

describe('sandbox REST: Financial Connections', () => {
  it('creates and retrieves a session; accounts appear once the flow completes', async () => {
    const { stripe, customer, post } = await startSandbox();
    const session = await stripe.financialConnections.sessions.create({
      account_holder: { type: 'customer', customer },
      permissions: ['balances', 'payment_method'],
      filters: { countries: ['US'] } as never,
      limits: { accounts: 2 },
    });
    expect(session.id).toMatch(/^fcsess_[A-Za-z0-9]{24}$/);
    expect(session.client_secret).toMatch(new RegExp(`^${session.id}_secret_[A-Za-z0-9]{24}$`));
    expect(session).toMatchObject({
      object: 'financial_connections.session',
      account_holder: { type: 'customer', customer },
      accounts: { object: 'list', data: [], has_more: false, url: '/v1/financial_connections/accounts' },
      filters: { country: 'US', account_subcategories: null },
      limits: { accounts: 2 },
      permissions: ['balances', 'payment_method'],
      prefetch: [],
      livemode: false,
    });
    expect(session).not.toHaveProperty('expires_at');

    const { body: claim } = await post('/sandbox/v1/claim', { client_secret: session.client_secret });
    await post('/sandbox/v1/financial_connections/complete', { institution: 'inst_sandbox_bank', accounts: ['inst_sandbox_bank_checking', 'inst_sandbox_bank_savings'] }, claim.token);

    const fetched = await stripe.financialConnections.sessions.retrieve(session.id);
    expect(fetched.accounts.data.map((a) => a.subcategory).sort()).toEqual(['checking', 'savings']);
    const listed = await stripe.financialConnections.accounts.list({ session: session.id });
    expect(listed.data).toHaveLength(2);
    const [one] = listed.data;
    expect(one?.id).toMatch(/^fca_[A-Za-z0-9]{24}$/);
    expect(one).toMatchObject({ object: 'financial_connections.account', account_holder: { type: 'customer', customer }, institution_name: 'Sandbox Bank', status: 'active', supported_payment_method_types: ['us_bank_account'] });
    expect(one?.balance?.current.usd).toBeGreaterThan(0);
    expect(await stripe.financialConnections.accounts.retrieve(one?.id ?? '')).toEqual(JSON.parse(JSON.stringify(one)));
    expect((await stripe.financialConnections.accounts.list({ account_holder: { customer } })).data).toHaveLength(2);
    expect((await stripe.financialConnections.accounts.list({ account_holder: { customer }, limit: 1 })).has_more).toBe(true);
    expect((await stripe.financialConnections.accounts.list({ account_holder: { account: 'acct_other' } })).data).toHaveLength(0);
  });

  it.each([
    ['no account_holder', { permissions: ['balances'] }, 400, 'parameter_missing', 'account_holder'],
    ['no permissions', { account_holder: { type: 'customer', customer: '$customer' } }, 400, 'parameter_missing', 'permissions'],
    ['an unknown permission', { account_holder: { type: 'customer', customer: '$customer' }, permissions: ['everything'] }, 400, undefined, 'permissions[0]'],
    ['a holder without its customer', { account_holder: { type: 'customer' }, permissions: ['balances'] }, 400, 'parameter_missing', 'account_holder[customer]'],
    ['an unknown holder account', { account_holder: { type: 'account', account: 'acct_missing00000000' }, permissions: ['balances'] }, 404, 'resource_missing', 'account_holder[account]'],
    ['a bad holder type', { account_holder: { type: 'person' }, permissions: ['balances'] }, 400, undefined, 'account_holder[type]'],
  ])('rejects a session with %s', async (_, params, status, code, param) => {
    const { stripe, customer } = await startSandbox();
    const body = JSON.parse(JSON.stringify(params).replace('$customer', customer));
    const error = await stripeError(stripe.financialConnections.sessions.create(body));
    expect(error).toMatchObject({ statusCode: status, param });
    expect(error.code).toBe(code);
  });

  it('answers unknown sessions and accounts with 404, and refuses both holder filters at once', async () => {
    const { stripe, customer, account } = await startSandbox();
    expect(await stripeError(stripe.financialConnections.sessions.retrieve('fcsess_nope'))).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    expect(await stripeError(stripe.financialConnections.accounts.retrieve('fca_nope'))).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    expect(await stripeError(stripe.financialConnections.accounts.list({ account_holder: { customer, account } }))).toMatchObject({ statusCode: 400, code: 'parameters_exclusive' });
  });
});
