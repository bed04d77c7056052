import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox';
import { ACCOUNT_SESSION_COMPONENTS } from '../../src/sandbox/rest/accountSessionComponents';

const auth = { Authorization: 'Bearer sk_test_fuzz', 'Content-Type': 'application/x-www-form-urlencoded' };
const ROUTES = ['/v1/account_sessions', '/v1/customer_sessions', '/v1/financial_connections/sessions', '/v1/accounts', '/v1/customers', '/v1/payment_intents', '/v1/webhook_endpoints'];
const PAYMENT_WORDS = ['amount', 'currency', 'payment_method', 'confirm', 'automatic_payment_methods', 'allowed_payment_method_types', 'setup_future_usage', 'return_url', 'url', 'enabled_events', 'connect', 'metadata'];

// Keys that look like real params, so the fuzz reaches the validators and not only "unknown parameter".
const word = fc.constantFrom('account', 'customer', 'components', 'enabled', 'features', 'permissions', 'account_holder', 'type', 'expand', ...PAYMENT_WORDS, ...Object.keys(ACCOUNT_SESSION_COMPONENTS));
const segment = fc.oneof(word, fc.constant(''), fc.nat(3).map(String), fc.string({ maxLength: 4 }));
const key = fc.tuple(word, fc.array(segment, { maxLength: 10 })).map(([root, rest]) => root + rest.map((s) => `[${s}]`).join(''));
const value = fc.oneof(
  fc.constantFrom('true', 'false', 'maybe', '', '%', '%zz', 'acct_x', '[]', '&', '=', '1000', 'usd', 'pm_card_visa', 'pm_card_chargeDeclined', '*', 'off_session'),
  fc.string({ maxLength: 8 }),
);
const body = fc.oneof(
  fc.array(fc.tuple(key, value), { maxLength: 12 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
  fc.string({ maxLength: 200 }),
);

describe('sandbox under random input', () => {
  it('answers any body on any route with a Stripe error or a success, never a 500', async () => {
    const sandbox = createSandbox();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), body, async (route, text) => {
        const res = await sandbox.fetch(new Request(`http://localhost${route}`, { method: 'POST', headers: auth, body: text }));
        // 402: a random body can pay with a declining test card.
        expect([200, 400, 402, 404]).toContain(res.status);
        const json = (await res.json()) as { error?: { type: string; message: string } };
        if (res.status !== 200) {
          expect(json.error?.type).toBe(res.status === 402 ? 'card_error' : 'invalid_request_error');
          expect(json.error?.message).not.toMatch(/\n\s+at /);
        }
      }),
      { numRuns: 600 },
    );
  });
});

describe('sandbox metadata', () => {
  it('keeps a __proto__ metadata key as plain data', async () => {
    const sandbox = createSandbox();
    const res = await sandbox.fetch(new Request('http://localhost/v1/customers', { method: 'POST', headers: auth, body: 'metadata[__proto__]=x&metadata[plan]=gold' }));
    const customer = (await res.json()) as { metadata: Record<string, string> };
    expect(res.status).toBe(200);
    expect(customer.metadata).toEqual(JSON.parse('{"__proto__":"x","plan":"gold"}'));
  });
});

describe('sandbox keys that come from a request', () => {
  it('counts an event named like a prototype member as plain data, under the distinct-type cap', async () => {
    const sandbox = createSandbox();
    const event = (type: string) =>
      sandbox.fetch(new Request('http://localhost/sandbox/v1/events', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ type }) }));
    for (const type of ['constructor', 'constructor', 'fetch_client_secret']) expect((await event(type)).status).toBe(200);
    expect(sandbox.state().events).toEqual({ constructor: 2, fetch_client_secret: 1 });
    for (let i = 0; i < 98; i++) await event(`type_${i}`);
    expect(Object.keys(sandbox.state().events)).toHaveLength(100);
    // A prototype member is not "already counted": it is a new type, refused by the cap.
    const sandbox2 = createSandbox();
    for (let i = 0; i < 100; i++) await sandbox2.fetch(new Request('http://localhost/sandbox/v1/events', { method: 'POST', body: JSON.stringify({ type: `type_${i}` }) }));
    const over = await sandbox2.fetch(new Request('http://localhost/sandbox/v1/events', { method: 'POST', body: JSON.stringify({ type: 'constructor' }) }));
    expect(over.status).toBe(400);
    expect(Object.hasOwn(sandbox2.state().events, 'constructor')).toBe(false);
  });
});

describe('sandbox customer search under random queries', () => {
  it('answers any query with results or a 400 on query, never a 500', async () => {
    const sandbox = createSandbox();
    const piece = fc.constantFrom('email', 'name', 'phone', 'created', 'metadata', "['k']", '["k"]', ':', '~', '>=', '<', "'", '"', '\\', ' ', 'AND', 'or', '-', '42', "'ada'", 'x');
    const query = fc.oneof(fc.array(piece, { maxLength: 14 }).map((parts) => parts.join('')), fc.string({ maxLength: 40 }));
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const res = await sandbox.fetch(new Request(`http://localhost/v1/customers/search?${new URLSearchParams({ query: q })}`, { headers: auth }));
        expect([200, 400]).toContain(res.status);
        const json = (await res.json()) as { object?: string; error?: { param?: string } };
        if (res.status === 200) expect(json.object).toBe('search_result');
        else expect(json.error?.param).toBe('query');
      }),
      { numRuns: 400 },
    );
  });
});
