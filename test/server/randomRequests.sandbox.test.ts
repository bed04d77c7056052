import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_ROUTES, createSandbox, type ClaimResponse, type Sandbox } from '../../src/sandbox';
import {
  createAccountSessionHandler,
  createCustomerSessionHandler,
  createFinancialConnectionsSessionHandler,
  ForbiddenError,
  type BaseHandlerOptions,
  type ServerEvent,
  type SessionHandler,
} from '../../src/server';

/**
 * The handlers against random requests, app behaviours and Stripe answers, with three invariants:
 * 1. every answer other than 200/204 is a (status, code) pair documented in docs/server.md, and a
 *    5xx only ever comes from a fault of the app (its authorize) or of Stripe;
 * 2. no client secret, API key or Stripe message in any answer (beyond the 200's secret) or event;
 * 3. no session for anything authorize did not return: Stripe is only ever asked for the id
 *    authorize's answer gave on its first read, and each 200's secret claims to exactly that.
 */

const API_KEY = 'sk_test_123';
const APP = 'https://app.example.com';
const ADMIN = 'https://admin.example.com';

// ---- What the documentation promises -----------------------------------------------------------

const docs = readFileSync(new URL('../../docs/server.md', import.meta.url), 'utf8');
const answersTable = docs.slice(docs.indexOf('## Answers'));
const documented = new Set([...answersTable.matchAll(/^\|[^\n]*\|\s*(\d{3})\s*\|\s*`([a-z_]+)`\s*\|/gm)].map(([, status, code]) => `${status} ${code}`));

// ---- The app: authorize behaviours -------------------------------------------------------------

const behaviours = ['user', 'signed-out', 'forbidden', 'throws', 'unusable', 'getter-throws', 'getter-shifts'] as const;
type Behaviour = (typeof behaviours)[number];
/** Behaviours that are the app's own bug: the only ones (with Stripe's faults) that may end in a 5xx. */
const appFaults: ReadonlySet<Behaviour> = new Set(['throws', 'unusable', 'getter-throws']);

type Kind = 'account' | 'customer' | 'holder';
let ids: { own: string; other: string }[];
/** What the current request's authorize gave on its first read of the id (undefined: nothing usable). */
let returnedId: string | undefined;
let behaviour: Behaviour = 'user';

/** authorize's answer for `kind`, as the current behaviour shapes it. */
function answerFor(kind: Kind): unknown {
  const { own, other } = ids[kind === 'account' ? 0 : 1]!;
  const wrap = (id: unknown) => (kind === 'account' ? { account: id } : kind === 'customer' ? { customer: id } : { accountHolder: { type: 'customer', customer: id } });
  switch (behaviour) {
    case 'user':
      returnedId = own;
      return wrap(own);
    case 'signed-out':
      return null;
    case 'forbidden':
      throw new ForbiddenError(`user may not use ${other}`);
    case 'throws':
      throw new Error(`database down, password ${API_KEY}`);
    case 'unusable':
      return wrap(`${own} `);
    case 'getter-throws':
      return Object.defineProperty({}, kind === 'holder' ? 'accountHolder' : kind, {
        get() {
          throw new Error(`getter failed with ${API_KEY}`);
        },
      });
    case 'getter-shifts': {
      // The first read answers `own`, every later read `other`: only the first may be used.
      let reads = 0;
      const shifting = () => (reads++ === 0 ? ((returnedId = own), own) : other);
      if (kind === 'holder') {
        return { accountHolder: Object.defineProperty({ type: 'customer' }, 'customer', { get: shifting, enumerable: true }) };
      }
      return Object.defineProperty({}, kind, { get: shifting, enumerable: true });
    }
  }
}

// ---- Stripe: the sandbox, or a chosen faulty answer ------------------------------------------------

const stripeAnswers = ['sandbox', 'no-secret', 'server-error', 'rate-limited', 'invalid-request'] as const;
type StripeAnswer = (typeof stripeAnswers)[number];
let stripeAnswer: StripeAnswer = 'sandbox';
/** The ids the handlers asked Stripe to create sessions for. */
const askedFor: string[] = [];
let sandbox: Sandbox;

function stripeFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const form = new URLSearchParams(typeof init?.body === 'string' ? init.body : '');
  askedFor.push(form.get('account') ?? form.get('customer') ?? form.get('account_holder[customer]') ?? form.get('account_holder[account]') ?? '?');
  const json = (status: number, body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'request-id': 'req_random1' } }));
  // Stripe's own messages can echo ids and key fragments: they must never get through.
  const echo = `No such thing: ${form.toString()} (key ${API_KEY.slice(0, 8)}****)`;
  switch (stripeAnswer) {
    case 'sandbox':
      return fetch(input, init);
    case 'no-secret':
      return json(200, { object: 'account_session', expires_at: 1 });
    case 'server-error':
      return json(500, { error: { type: 'api_error', message: echo } });
    case 'rate-limited':
      return json(429, { error: { type: 'invalid_request_error', code: 'rate_limit', message: echo } });
    case 'invalid-request':
      return json(400, { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'account', message: echo } });
  }
}

// ---- The handlers: three kinds × three configurations ------------------------------------------

const configs: Pick<BaseHandlerOptions, 'allowedOrigins' | 'allowedHosts' | 'trustProxy'>[] = [
  {},
  { allowedOrigins: [ADMIN], allowedHosts: ['app.example.com', 'localhost'] },
  { allowedOrigins: [ADMIN], allowedHosts: ['.example.com'], trustProxy: true },
];
let handlers: { kind: Kind; handler: SessionHandler; successKeys: string[] }[][];
const events: ServerEvent[] = [];

beforeAll(async () => {
  sandbox = createSandbox();
  await sandbox.listen();
  const { accounts, customers } = sandbox.state().seeded;
  ids = [
    { own: accounts[0]!, other: accounts[1]! },
    { own: customers[0]!, other: customers[1]! },
  ];
  const stripe = new Stripe(API_KEY, { ...sandbox.stripeConfig(), httpClient: Stripe.createFetchHttpClient(stripeFetch as typeof fetch), maxNetworkRetries: 0 });
  const onEvent = (event: ServerEvent) => events.push(event);
  handlers = configs.map((config) => [
    {
      kind: 'account',
      handler: createAccountSessionHandler({ stripe, authorize: () => answerFor('account') as never, components: { payments: { enabled: true } }, onEvent, ...config }),
      successKeys: ['client_secret', 'expires_at'],
    },
    {
      kind: 'customer',
      handler: createCustomerSessionHandler({ stripe, authorize: () => answerFor('customer') as never, components: { payment_element: { enabled: true } }, onEvent, ...config }),
      successKeys: ['client_secret', 'expires_at'],
    },
    {
      kind: 'holder',
      handler: createFinancialConnectionsSessionHandler({ stripe, authorize: () => answerFor('holder') as never, permissions: ['payment_method'], onEvent, ...config }),
      successKeys: ['client_secret'],
    },
  ]);
});
afterAll(() => sandbox.close());

// ---- Random requests ------------------------------------------------------------------------------

const printable = fc.string({ unit: 'grapheme-ascii', maxLength: 40 });
const jsonValue = fc.jsonValue({ maxDepth: 3 });
const bodyArbitrary = fc.oneof(
  fc.constant(undefined),
  fc.constant({}),
  fc.constant({ account: 'OWN' }),
  fc.constant(''),
  printable,
  jsonValue.map((value) => JSON.stringify(value)),
  fc
    .record({ account: fc.oneof(fc.constantFrom('acct_', 'acct_nope', 'cus_1', 'ACCOUNT'), printable, jsonValue, fc.constant('OWN')) }, { requiredKeys: [] })
    .chain((record) => fc.tuple(fc.constant(record), fc.dictionary(printable, jsonValue, { maxKeys: 3 })))
    .map(([record, extra]) => ({ ...extra, ...record })),
  fc.uint8Array({ maxLength: 64 }),
  fc.constant('x'.repeat(9000)),
);
/** `likely` most of the time, so most requests get far enough to reach authorize and Stripe. */
const mostly = <T, U>(likely: fc.Arbitrary<T>, other: fc.Arbitrary<U>) => fc.oneof({ arbitrary: likely, weight: 4 }, { arbitrary: other, weight: 1 });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const requestArbitrary = fc.record({
  which: fc.integer({ min: 0, max: 2 }),
  config: fc.integer({ min: 0, max: configs.length - 1 }),
  // request.url as frameworks build it: the browser's address, or the server's own (Next.js).
  url: fc.constantFrom(`${APP}/api/session`, 'http://localhost:3000/api/session', 'http://0.0.0.0:3000/api/session'),
  method: fc.oneof(
    { arbitrary: fc.constant('POST'), weight: 6 },
    { arbitrary: fc.constant('OPTIONS'), weight: 1 },
    { arbitrary: fc.constantFrom('GET', 'HEAD', 'PUT', 'DELETE', 'PATCH'), weight: 1 },
  ),
  origin: mostly(fc.constantFrom(APP, undefined, ADMIN), fc.oneof(fc.constantFrom('https://evil.example', 'null', 'http://app.example.com', `${APP}:444`), printable)),
  secFetchSite: mostly(fc.constantFrom('same-origin', undefined), fc.oneof(fc.constantFrom('cross-site', 'same-site', 'none'), printable)),
  host: mostly(fc.constantFrom('app.example.com', undefined), fc.oneof(fc.constantFrom('evil.example', 'localhost:3000', 'API.example.com:8443', '[::1]:3000', 'app.example.com.'), printable)),
  forwarded: fc.record(
    {
      'x-forwarded-host': fc.oneof(fc.constantFrom('app.example.com', 'evil.example', 'evil.example, app.example.com'), printable),
      'x-forwarded-proto': fc.oneof(fc.constantFrom('https', 'http', 'gopher'), printable),
      'x-forwarded-for': fc.oneof(fc.ipV4(), printable),
    },
    { requiredKeys: [] },
  ),
  preflightMethod: mostly(fc.constant('POST'), fc.constantFrom(undefined, 'PUT')),
  contentType: mostly(
    fc.constantFrom('application/json', 'application/json; charset=utf-8'),
    fc.oneof(fc.constantFrom(undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=z'), printable),
  ),
  headers: fc.dictionary(fc.stringMatching(/^x-[a-z0-9-]{1,12}$/), printable, { maxKeys: 3 }),
  clientAddress: maybe(fc.oneof(fc.ipV4(), fc.ipV6())),
  behaviour: mostly(fc.constant<Behaviour>('user'), fc.constantFrom(...behaviours)),
  stripeAnswer: mostly(fc.constant<StripeAnswer>('sandbox'), fc.constantFrom(...stripeAnswers)),
  body: bodyArbitrary,
});
type RandomRequest = typeof requestArbitrary extends fc.Arbitrary<infer T> ? T : never;

function toRequest(input: RandomRequest): Request {
  const headers = new Headers(input.headers);
  const set = (name: string, value: string | undefined) => {
    // A header value Headers refuses (control characters) is simply not sent, as a client could not send it.
    if (value !== undefined && /^[\t\x20-\x7e]*$/.test(value)) headers.set(name, value);
  };
  set('origin', input.origin);
  set('sec-fetch-site', input.secFetchSite);
  set('host', input.host);
  for (const [name, value] of Object.entries(input.forwarded)) set(name, value);
  set('access-control-request-method', input.method === 'OPTIONS' ? input.preflightMethod : undefined);
  set('content-type', input.contentType);
  let body: BodyInit | undefined;
  if (input.body instanceof Uint8Array) body = new Blob([new Uint8Array(input.body)]);
  else if (typeof input.body === 'string') body = input.body;
  else if (input.body !== undefined) body = JSON.stringify(input.body).replace('"OWN"', JSON.stringify(ids[0]!.own));
  const withBody = input.method !== 'GET' && input.method !== 'HEAD' && body !== undefined;
  return new Request(input.url, { method: input.method, headers, ...(withBody ? { body } : {}) });
}

async function claim(clientSecret: string): Promise<ClaimResponse> {
  const response = await sandbox.fetch(
    new Request(new URL(BROWSER_ROUTES.claim, sandbox.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_secret: clientSecret }) }),
  );
  return (await response.json()) as ClaimResponse;
}

const SECRET_OR_KEY = /_secret_|sk_test|sk_live|\*\*\*\*|No such thing|password/;

describe('random requests, app behaviours and Stripe answers', () => {
  it('the documented answers table is where the invariant reads from', () => {
    for (const pair of ['403 host_not_allowed', '502 stripe_answer_invalid', '500 internal_error', '413 body_too_large']) expect(documented).toContain(pair);
  });

  it('answer only documented codes, leak no secret, and create sessions only for what authorize returned', async () => {
    const seen = new Map<string, number>();
    let sessionsAnswered = 0;
    const created = () => Object.values(sandbox.state().sessionsCreated).reduce((sum, count) => sum + count, 0);
    const createdBefore = created();
    await fc.assert(
      fc.asyncProperty(requestArbitrary, async (input) => {
        const { handler, successKeys, kind } = handlers[input.config]![input.which]!;
        behaviour = input.behaviour;
        stripeAnswer = input.stripeAnswer;
        returnedId = undefined;
        events.length = 0;
        askedFor.length = 0;
        const response = await handler(toRequest(input), input.clientAddress === undefined ? undefined : { clientAddress: input.clientAddress });
        const text = await response.text();
        const { status } = response;

        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(JSON.stringify(events)).not.toMatch(SECRET_OR_KEY);
        // Invariant 3: Stripe is asked only for what authorize returned, on its first read.
        for (const id of askedFor) expect(id).toBe(returnedId);

        if (status === 200) {
          const body = JSON.parse(text) as Record<string, unknown>;
          expect(Object.keys(body).sort()).toEqual(successKeys);
          sessionsAnswered += 1;
          if (kind !== 'holder') {
            const claimed = await claim(body.client_secret as string);
            expect(claimed[kind]).toBe(returnedId);
          }
          seen.set('200', (seen.get('200') ?? 0) + 1);
          return;
        }
        if (status === 204) {
          expect(input.method).toBe('OPTIONS');
          expect(text).toBe('');
          seen.set('204', (seen.get('204') ?? 0) + 1);
          return;
        }
        // Invariants 1 and 2.
        expect(text).not.toMatch(SECRET_OR_KEY);
        const { error } = JSON.parse(text) as { error: { code: string; message: string; request_id?: string } };
        expect(Object.keys(error).sort()).toEqual(error.request_id === undefined ? ['code', 'message'] : ['code', 'message', 'request_id']);
        expect(documented).toContain(`${status} ${error.code}`);
        if (status >= 500) expect(appFaults.has(input.behaviour) || input.stripeAnswer !== 'sandbox').toBe(true);
        seen.set(`${status} ${error.code}`, (seen.get(`${status} ${error.code}`) ?? 0) + 1);
      }),
      // A fixed seed: the coverage check below asks that these inputs reach every outcome, and
      // with a fresh seed each run a rare outcome (401 on a signed-out request that passed every
      // earlier check) was missed once in a fresh-clone CI run. fast-check prints the seed and
      // path of any failure, so a counterexample stays reproducible.
      { numRuns: 700, seed: 20261202 },
    );
    // Every session the sandbox created was answered as a 200, and no other.
    expect(created() - createdBefore).toBe(sessionsAnswered);
    // The inputs must reach every outcome, or the property says little.
    for (const outcome of [
      '200',
      '204',
      '400 invalid_body',
      '401 unauthorized',
      '403 forbidden',
      '403 origin_not_allowed',
      '403 host_not_allowed',
      '405 method_not_allowed',
      '413 body_too_large',
      '415 unsupported_media_type',
      '500 internal_error',
      '500 invalid_authorization',
      '500 stripe_invalid_request',
      '429 stripe_rate_limited',
      '502 stripe_unavailable',
      '502 stripe_answer_invalid',
    ]) {
      expect.soft(seen.get(outcome) ?? 0, outcome).toBeGreaterThan(0);
    }
    // A budget against hangs, not a speed check: the run takes a few seconds.
  }, 60_000);
});
