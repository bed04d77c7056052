/**
 * The runtime matrix (issue 11): the same requests to the three handlers on Node (toNodeHandler),
 * workerd (miniflare), Vercel's edge-runtime, Bun and Deno must get identical status codes,
 * headers that matter, and JSON; Node's answers are the reference. Run with `npm run test:runtimes`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../dist/sandbox/index.js';
import { uploadStream } from '../uploadStream.js';
import { IMPATIENT_PATH, PATHS, USER_TOKEN, type AppConfig } from './app.js';
import { bundleApp } from './bundle.js';
import { PORTS, startBun, startDeno, startEdge, startNode, startWorkerd, type RunningRuntime } from './runtimes.js';

const TWO_MB = 2 * 1024 * 1024;
const STRIPE_ROUTES: Record<keyof typeof PATHS, string> = {
  account: 'POST /v1/account_sessions',
  customer: 'POST /v1/customer_sessions',
  fc: 'POST /v1/financial_connections/sessions',
};

interface Case {
  name: string;
  /** Node's answer must have this status and code; the other runtimes must then match Node's answer exactly. */
  expected: { status: number; code?: string };
  request(url: string): RequestInit;
  arrange?(sandbox: Sandbox, kind: keyof typeof PATHS): void;
}

const json = (url: string, extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', origin: new URL(url).origin, authorization: USER_TOKEN, ...extra });

const CASES: Case[] = [
  { name: 'a valid same-origin POST', expected: { status: 200 }, request: (url) => ({ method: 'POST', headers: json(url), body: '{}' }) },
  {
    name: 'a cross-site POST',
    expected: { status: 403, code: 'origin_not_allowed' },
    request: (url) => ({ method: 'POST', headers: json(url, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }), body: '{}' }),
  },
  { name: 'a GET', expected: { status: 405, code: 'method_not_allowed' }, request: (url) => ({ method: 'GET', headers: { origin: new URL(url).origin, authorization: USER_TOKEN } }) },
  { name: 'an unauthenticated POST', expected: { status: 401, code: 'unauthorized' }, request: (url) => ({ method: 'POST', headers: json(url, { authorization: 'Bearer nobody' }), body: '{}' }) },
  { name: '2 MB with Content-Length', expected: { status: 413, code: 'body_too_large' }, request: (url) => ({ method: 'POST', headers: json(url), body: new Uint8Array(TWO_MB).fill(0x20) }) },
  { name: '2 MB chunked', expected: { status: 413, code: 'body_too_large' }, request: (url) => ({ method: 'POST', headers: json(url), body: uploadStream(TWO_MB), duplex: 'half' }) as RequestInit },
  {
    name: 'a form body',
    expected: { status: 415, code: 'unsupported_media_type' },
    request: (url) => ({ method: 'POST', headers: { ...json(url), 'content-type': 'application/x-www-form-urlencoded' }, body: 'account=acct_1' }),
  },
  {
    name: 'Stripe answering 500',
    expected: { status: 502, code: 'stripe_unavailable' },
    request: (url) => ({ method: 'POST', headers: json(url), body: '{}' }),
    arrange: (sandbox, kind) => sandbox.control.failNext(STRIPE_ROUTES[kind], 500),
  },
];

/** What must match across runtimes: status, the headers that matter, the JSON (secrets and times as placeholders). */
async function answerOf(url: string, init: RequestInit) {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { failed: `${(error as Error).message}: ${cause?.code ?? cause?.message ?? ''}` };
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text, (key, value: unknown) => {
      if (key === 'client_secret' && typeof value === 'string' && value.includes('_secret_')) return '<client_secret>';
      if (key === 'expires_at' && typeof value === 'number') return '<unix time>';
      if (key === 'request_id' && typeof value === 'string' && value.startsWith('req_')) return '<request id>';
      return value;
    });
  } catch {
    /* not JSON: compared as text */
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    cacheControl: response.headers.get('cache-control'),
    nosniff: response.headers.get('x-content-type-options'),
    body,
  };
}

let sandbox: Sandbox;
const runtimes = new Map<string, RunningRuntime>();
const starters: Record<string, (bundle: string, config: AppConfig) => Promise<RunningRuntime>> = {
  workerd: startWorkerd,
  'edge-runtime': startEdge,
  bun: startBun,
  deno: startDeno,
};

beforeAll(async () => {
  sandbox = createSandbox();
  await sandbox.listen(PORTS.sandbox, '127.0.0.1');
  const { accounts, customers } = sandbox.state().seeded;
  const config: AppConfig = { stripe: sandbox.stripeConfig(), account: accounts[0]!, customer: customers[0]! };
  const bundle = await bundleApp();
  const started = await Promise.all([
    startNode(config).then((running) => ['node', running] as const),
    ...Object.entries(starters).map(([name, start]) => start(bundle, config).then((running) => [name, running] as const)),
  ]);
  for (const [name, running] of started) runtimes.set(name, running);
}, 120_000);

afterAll(async () => {
  await Promise.all([...runtimes.values()].map((running) => running.stop()));
  await sandbox?.close();
}, 60_000);

const reference = new Map<string, Awaited<ReturnType<typeof answerOf>>>();

describe.each(['node', ...Object.keys(starters)])('%s', (runtime) => {
  describe.each(Object.keys(PATHS) as (keyof typeof PATHS)[])('%s handler', (kind) => {
    it.each(CASES)('$name', async ({ name, expected, request, arrange }) => {
      const url = `${runtimes.get(runtime)!.url}${PATHS[kind]}`;
      arrange?.(sandbox, kind);
      const answer = await answerOf(url, request(url));
      const key = `${kind} ${name}`;
      if (runtime === 'node') {
        const error = expected.code === undefined ? undefined : { error: expect.objectContaining({ code: expected.code }) };
        expect(answer).toMatchObject({ status: expected.status, contentType: 'application/json; charset=utf-8', cacheControl: 'no-store', nosniff: 'nosniff', ...(error && { body: error }) });
        reference.set(key, answer);
      } else {
        expect(answer).toEqual(reference.get(key));
      }
    });
  });

  it('a stalled upload (2 bytes, then nothing) gets 408 body_timeout', async () => {
    const url = `${runtimes.get(runtime)!.url}${IMPATIENT_PATH}`;
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"'));
      },
    });
    const answer = await answerOf(url, { method: 'POST', headers: json(url), body: stalled, duplex: 'half' } as RequestInit);
    expect(answer).toMatchObject({ status: 408, body: { error: { code: 'body_timeout' } } });
  });
});
