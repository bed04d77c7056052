import fc from 'fast-check';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../src/sandbox';
import {
  createAccountSessionHandler,
  createCustomerSessionHandler,
  createFinancialConnectionsSessionHandler,
  ForbiddenError,
  type ServerEvent,
  type SessionHandler,
} from '../../src/server';

const APP = 'https://app.example.com';
let sandbox: Sandbox;
let handlers: { handler: SessionHandler; successKeys: string[] }[];
let events: ServerEvent[];
let seededAccounts: string[];

beforeAll(async () => {
  sandbox = createSandbox();
  await sandbox.listen();
  const stripe = new Stripe('sk_test_123', { ...sandbox.stripeConfig(), maxNetworkRetries: 0 });
  const { accounts, customers } = sandbox.state().seeded;
  seededAccounts = accounts;
  events = [];
  const onEvent = (event: ServerEvent) => events.push(event);
  // Signed out when the request says so; may act for the first seeded account only.
  const signedIn = (request: Request) => request.headers.get('x-signed-in') !== 'no';
  handlers = [
    {
      handler: createAccountSessionHandler({
        stripe,
        authorize: (request, { proposedAccount }) => {
          if (!signedIn(request)) return null;
          if (proposedAccount !== undefined && proposedAccount !== accounts[0]) throw new ForbiddenError();
          return { account: accounts[0]! };
        },
        components: { payments: { enabled: true } },
        onEvent,
      }),
      successKeys: ['client_secret', 'expires_at'],
    },
    {
      handler: createCustomerSessionHandler({
        stripe,
        authorize: (request) => (signedIn(request) ? { customer: customers[0]! } : null),
        components: { payment_element: { enabled: true } },
        onEvent,
      }),
      successKeys: ['client_secret', 'expires_at'],
    },
    {
      handler: createFinancialConnectionsSessionHandler({
        stripe,
        authorize: (request) => (signedIn(request) ? { accountHolder: { type: 'customer', customer: customers[0]! } } : null),
        permissions: ['payment_method'],
        onEvent,
      }),
      successKeys: ['client_secret'],
    },
  ];
});
afterAll(() => sandbox.close());

const printable = fc.string({ unit: 'grapheme-ascii', maxLength: 40 });
const jsonValue = fc.jsonValue({ maxDepth: 3 });
const bodyArbitrary = fc.oneof(
  fc.constant(undefined),
  fc.constant({}),
  fc.constant({ account: 'SEEDED' }),
  fc.constant(''),
  printable,
  jsonValue.map((value) => JSON.stringify(value)),
  fc
    .record({ account: fc.oneof(fc.constantFrom('acct_', 'acct_nope', 'cus_1', 'ACCOUNT'), printable, jsonValue, fc.constant('SEEDED')) }, { requiredKeys: [] })
    .chain((record) => fc.tuple(fc.constant(record), fc.dictionary(printable, jsonValue, { maxKeys: 3 })))
    .map(([record, extra]) => ({ ...extra, ...record })),
  fc.uint8Array({ maxLength: 64 }),
  fc.constant('x'.repeat(9000)),
);
const headerName = fc.stringMatching(/^x-[a-z0-9-]{1,12}$/);
/** `likely` most of the time, so most requests get far enough to reach authorize and Stripe. */
const mostly = <T, U>(likely: fc.Arbitrary<T>, other: fc.Arbitrary<U>) => fc.oneof({ arbitrary: likely, weight: 4 }, { arbitrary: other, weight: 1 });
const requestArbitrary = fc.record({
  which: fc.integer({ min: 0, max: 2 }),
  method: mostly(fc.constant('POST'), fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS')),
  origin: mostly(fc.constantFrom(APP, undefined), fc.oneof(fc.constantFrom('https://evil.example', 'null', 'http://app.example.com', `${APP}:444`), printable)),
  contentType: mostly(
    fc.constantFrom('application/json', 'application/json; charset=utf-8'),
    fc.oneof(fc.constantFrom(undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=z'), printable),
  ),
  headers: fc.dictionary(headerName, printable, { maxKeys: 4 }),
  signedOut: mostly(fc.constant(false), fc.constant(true)),
  body: bodyArbitrary,
});

type RandomRequest = typeof requestArbitrary extends fc.Arbitrary<infer T> ? T : never;

function toRequest(input: RandomRequest): Request {
  const headers = new Headers(input.headers);
  if (input.origin !== undefined) headers.set('origin', input.origin);
  if (input.contentType !== undefined) headers.set('content-type', input.contentType);
  if (input.signedOut) headers.set('x-signed-in', 'no');
  let body: BodyInit | undefined;
  if (input.body instanceof Uint8Array) body = new Blob([new Uint8Array(input.body)]);
  else if (typeof input.body === 'string') body = input.body;
  else if (input.body !== undefined) body = JSON.stringify(input.body).replace('"SEEDED"', JSON.stringify(seededAccounts[0]));
  return new Request(`${APP}/api/session`, { method: input.method, headers, ...(input.method === 'GET' || body === undefined ? {} : { body }) });
}

describe('random bodies and headers', () => {
  it('never produce a 5xx, a leaked secret or a success body with extra fields', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requestArbitrary, async (input) => {
        const { handler, successKeys } = handlers[input.which]!;
        events.length = 0;
        const response = await handler(toRequest(input));
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status).toBeLessThan(500);
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(JSON.stringify(events)).not.toMatch(/_secret_|sk_test/);
        if (response.status === 200) {
          expect(Object.keys(JSON.parse(text) as object).sort()).toEqual(successKeys);
        } else if (response.status !== 204) {
          expect(text).not.toMatch(/_secret_|sk_test/);
          expect(Object.keys((JSON.parse(text) as { error: object }).error).sort()).toEqual(['code', 'message']);
        }
      }),
      { numRuns: 400 },
    );
    // The inputs must reach every outcome, or the property says little: sessions get created and
    // each refusal is hit.
    for (const status of [200, 400, 401, 403, 405, 413, 415]) expect(statuses.get(status) ?? 0).toBeGreaterThan(0);
  });
});
