import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { startSandbox, stripeError } from './startSandbox';

/** Five customers created under `stripeAccount` (or the platform), oldest first. */
async function createCustomers(stripe: Awaited<ReturnType<typeof startSandbox>>['stripe'], stripeAccount?: string) {
  const specs: Stripe.CustomerCreateParams[] = [
    { email: 'ada@example.com', name: 'Ada Lovelace', metadata: { user_id: 'u_1', plan: 'pro' } },
    { email: 'grace@example.com', name: 'Grace Hopper', metadata: { user_id: 'u_2', plan: 'free' } },
    { email: 'Ada@Example.com', name: 'Ada Twin', metadata: { user_id: 'u_3', plan: 'pro' } },
    { email: 'linus@example.org', name: 'Linus', metadata: { user_id: 'u_4', "it's": 'quoted "value"' } },
    { email: 'ada@example.com', name: 'Ada Again', metadata: { user_id: 'u_5' } },
  ];
  const created = [];
  for (const spec of specs) created.push(await stripe.customers.create(spec, stripeAccount ? { stripeAccount } : {}));
  return created;
}

describe('sandbox REST: GET /v1/customers', () => {
  it('lists customers newest first in the list envelope, filtered by exact email, with cursors', async () => {
    const { stripe, customer } = await startSandbox();
    const [ada, grace, adaTwin, linus, adaAgain] = await createCustomers(stripe);
    const all = await stripe.customers.list();
    expect(all).toMatchObject({ object: 'list', has_more: false, url: '/v1/customers' });
    expect(all.data.map((c) => c.id)).toEqual([adaAgain!.id, linus!.id, adaTwin!.id, grace!.id, ada!.id, customer]);

    // Stripe's email filter is exact and case-sensitive.
    const byEmail = await stripe.customers.list({ email: 'ada@example.com' });
    expect(byEmail.data.map((c) => c.id)).toEqual([adaAgain!.id, ada!.id]);
    expect((await stripe.customers.list({ email: 'nobody@example.com' })).data).toEqual([]);

    const page = await stripe.customers.list({ limit: 2 });
    expect(page.data.map((c) => c.id)).toEqual([adaAgain!.id, linus!.id]);
    expect(page.has_more).toBe(true);
    const next = await stripe.customers.list({ limit: 2, starting_after: linus!.id });
    expect(next.data.map((c) => c.id)).toEqual([adaTwin!.id, grace!.id]);
    const before = await stripe.customers.list({ limit: 2, ending_before: grace!.id });
    expect(before.data.map((c) => c.id)).toEqual([linus!.id, adaTwin!.id]);
    expect(before.has_more).toBe(true);
  });

  it('auto-paginates through the SDK, forwards and backwards', async () => {
    const { stripe, customer } = await startSandbox();
    const created = await createCustomers(stripe);
    const ids: string[] = [];
    for await (const c of stripe.customers.list({ limit: 2 })) ids.push(c.id);
    expect(ids).toEqual([...created.map((c) => c.id).reverse(), customer]);
    const backwards = await stripe.customers.list({ limit: 2, ending_before: created[0]!.id }).autoPagingToArray({ limit: 10 });
    expect(backwards.map((c) => c.id)).toEqual(created.slice(1).map((c) => c.id));
  });

  it('lists only the customers of the Stripe-Account in use', async () => {
    const { stripe, account, customer } = await startSandbox();
    const onAccount = await stripe.customers.create({ email: 'ada@example.com' }, { stripeAccount: account });
    expect((await stripe.customers.list({}, { stripeAccount: account })).data.map((c) => c.id)).toEqual([onAccount.id]);
    expect((await stripe.customers.list()).data.map((c) => c.id)).toEqual([customer]);
    expect((await stripe.customers.list({ email: 'ada@example.com' })).data).toEqual([]);
  });

  it('answers bad list params as Stripe does', async () => {
    const { stripe } = await startSandbox();
    expect(await stripeError(stripe.customers.list({ starting_after: 'cus_nope' }))).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'starting_after' });
    expect(await stripeError(stripe.customers.list({ limit: 101 }))).toMatchObject({ statusCode: 400, param: 'limit' });
    expect(await stripeError(stripe.customers.list({ emial: 'x' } as never))).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'emial' });
    // The sandbox has no test clocks, so any id names one that does not exist.
    expect(await stripeError(stripe.customers.list({ test_clock: 'clock_1' }))).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'test_clock' });
  });

  it('filters by created, as a timestamp or a range', async () => {
    const { stripe, sandbox, customer } = await startSandbox();
    sandbox.control.advanceClock(100);
    const later = await stripe.customers.create({ email: 'later@example.com' });
    const now = sandbox.state().now;
    expect((await stripe.customers.list({ created: { gte: now } })).data.map((c) => c.id)).toEqual([later.id]);
    expect((await stripe.customers.list({ created: { lt: now } })).data.map((c) => c.id)).toEqual([customer]);
    expect((await stripe.customers.list({ created: now })).data.map((c) => c.id)).toEqual([later.id]);
  });
});

describe('sandbox REST: GET /v1/customers/search', () => {
  it("finds customers by email:'…' (case-insensitive) and metadata['…']:'…', in the search_result shape", async () => {
    const { stripe } = await startSandbox();
    const [ada, grace, adaTwin, linus, adaAgain] = await createCustomers(stripe);
    const byEmail = await stripe.customers.search({ query: "email:'ada@example.com'" });
    expect(byEmail).toMatchObject({ object: 'search_result', url: '/v1/customers/search', has_more: false, next_page: null });
    expect(byEmail.data.map((c) => c.id)).toEqual([adaAgain!.id, adaTwin!.id, ada!.id]);
    expect((await stripe.customers.search({ query: 'email:"grace@example.com"' })).data.map((c) => c.id)).toEqual([grace!.id]);
    expect((await stripe.customers.search({ query: "metadata['user_id']:'u_2'" })).data.map((c) => c.id)).toEqual([grace!.id]);
    expect((await stripe.customers.search({ query: 'metadata["plan"]:"pro"' })).data.map((c) => c.id)).toEqual([adaTwin!.id, ada!.id]);
    // Metadata values are tokens: exact and case-sensitive.
    expect((await stripe.customers.search({ query: "metadata['plan']:'PRO'" })).data).toEqual([]);
    // Escaped quotes inside a quoted value, a quote in a metadata key.
    expect((await stripe.customers.search({ query: `metadata["it's"]:"quoted \\"value\\""` })).data.map((c) => c.id)).toEqual([linus!.id]);
  });

  it('combines clauses with AND (also a space) or OR, negates with -, and matches substrings with ~', async () => {
    const { stripe } = await startSandbox();
    const [ada, grace, adaTwin, linus, adaAgain] = await createCustomers(stripe);
    const ids = async (query: string) => (await stripe.customers.search({ query })).data.map((c) => c.id);
    expect(await ids("email:'ada@example.com' AND metadata['plan']:'pro'")).toEqual([adaTwin!.id, ada!.id]);
    expect(await ids("email:'ada@example.com' metadata['plan']:'pro'")).toEqual([adaTwin!.id, ada!.id]);
    expect(await ids("email:'grace@example.com' or email:'linus@example.org'")).toEqual([linus!.id, grace!.id]);
    expect(await ids("email:'ada@example.com' AND -metadata['plan']:'pro'")).toEqual([adaAgain!.id]);
    expect(await ids("name~'hopp'")).toEqual([grace!.id]);
    expect(await ids("email~'example.org'")).toEqual([linus!.id]);
    expect(await ids("name:'ada twin'")).toEqual([adaTwin!.id]);
  });

  it('pages with next_page, and the SDK auto-paginates search results', async () => {
    const { stripe, customer } = await startSandbox();
    const created = await createCustomers(stripe);
    const first = await stripe.customers.search({ query: "email~'example'", limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.has_more).toBe(true);
    expect(first.next_page).toEqual(expect.any(String));
    const second = await stripe.customers.search({ query: "email~'example'", limit: 2, page: first.next_page! });
    expect(second.data.map((c) => c.id)).toEqual([created[2]!.id, created[1]!.id]);
    const all = await stripe.customers.search({ query: "email~'example'", limit: 2 }).autoPagingToArray({ limit: 20 });
    // The seeded customer (jenny.rosen@example.com) matches too.
    expect(all.map((c) => c.id)).toEqual([...created.map((c) => c.id).reverse(), customer]);
    const counted = await stripe.customers.search({ query: "email:'ada@example.com'", expand: ['total_count'] });
    expect(counted.total_count).toBe(3);
  });

  it('answers invalid queries as Stripe does: 400 invalid_request_error naming the query', async () => {
    const { stripe } = await startSandbox();
    const invalid = [
      '',
      'email',
      'email:ada@example.com',
      "email:'unterminated",
      "shoe_size:'42'",
      "email:'a@example.com' AND name:'x' OR phone:'1'",
      "email:'a@example.com' AND",
      "metadata['k]:'v'",
      "metadata['k']~'value'",
      "email~'ab'",
      "created>'yesterday'",
      Array.from({ length: 11 }, (_, i) => `metadata['k${i}']:'v'`).join(' AND '),
    ];
    for (const query of invalid) {
      const error = await stripeError(stripe.customers.search({ query }));
      expect(error, query).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400, param: 'query' });
      expect(error.message.length, query).toBeGreaterThan(10);
    }
    expect(await stripeError(stripe.customers.search({ query: "email:'a@example.com'", page: 'garbage' }))).toMatchObject({ statusCode: 400, param: 'page' });
    expect(await stripeError(stripe.customers.search({} as never))).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'query' });
  });

  it('searches the Stripe-Account in use, and by created', async () => {
    const { stripe, account, sandbox } = await startSandbox();
    const onAccount = await stripe.customers.create({ email: 'ada@example.com' }, { stripeAccount: account });
    expect((await stripe.customers.search({ query: "email:'ada@example.com'" }, { stripeAccount: account })).data.map((c) => c.id)).toEqual([onAccount.id]);
    expect((await stripe.customers.search({ query: "email:'ada@example.com'" })).data).toEqual([]);
    const now = sandbox.state().now;
    expect((await stripe.customers.search({ query: `created>=${now}` }, { stripeAccount: account })).data.map((c) => c.id)).toEqual([onAccount.id]);
    expect((await stripe.customers.search({ query: `created<${now}` }, { stripeAccount: account })).data).toEqual([]);
  });
});
