import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { createAccountSessionHandler, toNodeHandler } from '../../src/server';
import { rateLimitWith } from './docExamples/rateLimitWith';

// The examples in docs/server.md are these files, verbatim: what is tested here is what is documented.
const docs = readFileSync(new URL('../../docs/server.md', import.meta.url), 'utf8');
const example = (name: string) => readFileSync(new URL(`./docExamples/${name}`, import.meta.url), 'utf8').trim();

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

async function serve(limiter: RateLimiterMemory, trustProxy = false): Promise<string> {
  const handler = createAccountSessionHandler({
    stripe: new Stripe('sk_test_123', { host: '127.0.0.1', port: 9, protocol: 'http', maxNetworkRetries: 0 }),
    authorize: () => null,
    components: { payments: { enabled: true } },
    rateLimit: rateLimitWith(limiter),
  });
  const server = createServer(toNodeHandler(handler, { trustProxy }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('rateLimit backed by rate-limiter-flexible (the documented example, on its memory store)', () => {
  it.each(['rateLimitWith.ts', 'sharedRateLimit.ts'])('docs/server.md shows %s verbatim', (name) => {
    expect(docs).toContain(example(name));
  });

  it('5 per client: of 20 requests with 20 spoofed X-Forwarded-For values, 15 are refused with 429 and Retry-After', async () => {
    const base = await serve(new RateLimiterMemory({ points: 5, duration: 60 }));
    const responses = [];
    for (let i = 0; i < 20; i += 1) {
      responses.push(await fetch(base, { method: 'POST', headers: { origin: base, 'x-forwarded-for': `198.51.100.${i}` } }));
    }
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
    const refused = responses.find((response) => response.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('behind a trusted proxy, each client address the proxy reports has its own budget', async () => {
    const base = await serve(new RateLimiterMemory({ points: 1, duration: 60 }), true);
    const send = (forwardedFor: string) => fetch(base, { method: 'POST', headers: { origin: base, 'x-forwarded-for': forwardedFor } });
    expect((await send('203.0.113.1')).status).toBe(401);
    expect((await send('203.0.113.1')).status).toBe(429);
    // The client's own claim on the left does not buy a new budget.
    expect((await send('1.2.3.4, 203.0.113.1')).status).toBe(429);
    expect((await send('203.0.113.2')).status).toBe(401);
  });
});
