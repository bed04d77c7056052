import type Stripe from 'stripe';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkOptions, is, type OptionRule } from '../../core/checkOptions.js';
import { accountRoutes } from '../rest/accountRoutes.js';
import { accountSessionRoutes } from '../rest/accountSessionRoutes.js';
import { controlRoutes } from './controlRoutes.js';
import { customerRoutes } from '../rest/customerRoutes.js';
import { customerSessionRoutes } from '../rest/customerSessionRoutes.js';
import { browserRoutes } from '../browser/browserRoutes.js';
import { FaultPlan } from './FaultPlan.js';
import { financialConnectionsRoutes } from '../rest/financialConnectionsRoutes.js';
import { IdempotencyCache } from '../rest/IdempotencyCache.js';
import { LocalAccess, type AccessOptions } from './localAccess.js';
import { SCRIPT_ROUTES, type SandboxStateSnapshot } from '../protocol.js';
import { Router } from './Router.js';
import { createSandboxHandler } from './sandboxHandler.js';
import { SandboxStore } from './SandboxStore.js';
import { readStandinScript, type StandinName } from '../browser/standinScripts.js';
import { toNodeListener } from './toNodeListener.js';
import { completeOnboarding } from '../rest/completeOnboarding.js';
import { paymentBrowserRoutes, paymentIntentRoutes } from '../rest/paymentIntentRoutes.js';
import { paymentMethodRoutes } from '../rest/paymentMethodRoutes.js';
import type { WebhookOptions } from '../webhooks/WebhookHub.js';
import { webhookRoutes } from '../webhooks/webhookRoutes.js';

/**
 * Options of {@link createSandbox}. Every one is optional; the defaults suit a test run.
 * `allowedHosts` / `allowedOrigins` widen who may reach it beyond this machine's loopback names,
 * IP addresses and loopback pages (see docs/sandbox-and-testing.md, "What the sandbox checks").
 */
export interface SandboxOptions extends AccessOptions {
  /** Lifetime of new AccountSessions and CustomerSessions. Default 1800 (30 min, a sandbox choice). */
  lifetimeSeconds?: number;
  /** Latency added to every request, in ms. Default 0. */
  latencyMs?: number;
  /** Wall clock in epoch milliseconds. Default `Date.now`. The test clock offsets it. */
  clock?: () => number;
  /** Seed of the demo data (ids, payments, payouts…). Default 42. */
  seed?: number;
  /** Cap on sessions (and on runtime-created accounts, customers, FC accounts) kept in memory. Default 10 000. */
  maxSessions?: number;
  /**
   * Webhook delivery: `forwardTo` a local URL (like `stripe listen --forward-to`), hosts besides
   * loopback that endpoints may name, and the retry schedule (`sleep` lets a test skip the waits).
   */
  webhooks?: WebhookOptions;
}

/** Test controls; each mirrors a route under `/sandbox/control/`. */
export interface SandboxControl {
  /** Adds `ms` of latency to every route, or to one route key (`POST /v1/account_sessions`). */
  latency(ms: number, route?: string): void;
  /** Answers the next `count` requests to `route` with `status` (Stripe's error JSON, `code` if given). */
  failNext(route: string, status: number, count?: number, code?: string): void;
  /** Runs the next `count` requests to `route`, then cuts the connection before answering (a lost response). */
  dropNext(route: string, count?: number): void;
  /** Lifetime of sessions created from now on. */
  lifetime(seconds: number): void;
  /** Moves the test clock forward (`expires_at` checks use it). */
  advanceClock(seconds: number): void;
  /** Sets the test clock to a unix time in seconds. */
  setTime(unixSeconds: number): void;
  /** Back to the seeded world: objects, sessions, counters, latency, failures, lifetime and clock. */
  reset(): void;
  /**
   * Resolves with the first Stripe event of `type` since the last reset (about `objectId`, if
   * given), or with the next one as soon as it is emitted. Rejects after `timeoutMs` (default 10 s).
   */
  waitForEvent<T extends Stripe.Event.Type>(type: T, options?: { objectId?: string; timeoutMs?: number }): Promise<Extract<Stripe.Event, { type: T }>>;
  /**
   * Completes a connected account's onboarding as Stripe would once the user finishes it:
   * requirements cleared, charges and payouts enabled, `account.updated` emitted.
   */
  completeOnboarding(account: string): Stripe.Account;
}

/**
 * A running (or ready to run) offline Stripe. One object serves the REST API the `stripe` SDK calls,
 * the browser routes the stand-ins call, and the test controls.
 */
export interface Sandbox {
  /** The base URL once listening (`http://127.0.0.1:PORT`). Reading it before `listen()` throws. */
  readonly url: string;
  /** The sandbox as a web-standard handler: mount it anywhere that speaks `Request`/`Response`. */
  fetch(request: Request): Promise<Response>;
  /** Starts a `node:http` server (port 0 = any free port) and resolves to its URL. */
  listen(port?: number, host?: string): Promise<string>;
  /**
   * Stops the HTTP server, cutting open keep-alive connections so it resolves at once. Safe to call
   * when not listening; `listen()` may be called again afterwards.
   */
  close(): Promise<void>;
  /** A copy of the counters tests assert on (sessions created, claims, requests, …). */
  state(): SandboxStateSnapshot;
  /** Same as `control.reset()`: back to the seeded world, with the options given at creation. */
  reset(): void;
  /** Latency, failures, session lifetime and the test clock; each also a route under `/sandbox/control/`. */
  control: SandboxControl;
  /** `new Stripe('sk_test_…', sandbox.stripeConfig())` points the official SDK at this sandbox. */
  stripeConfig(): { host: string; port: number; protocol: 'http' };
  /** Webhook forwarding and delivery (see docs/sandbox-and-testing.md, "Webhooks and forwarding"). */
  readonly webhooks: {
    /** Where every event is forwarded (the `webhooks.forwardTo` option, or the last `forward()`), or null. */
    readonly forwardTo: string | null;
    /**
     * Forwards every event from now on to `url`, signed with `forwardSecret`, like `stripe listen
     * --forward-to` (for a receiver that starts after the sandbox); `null` stops forwarding. The URL
     * must be on this machine or on a host in `webhooks.allowedHosts` (a TypeError says so otherwise).
     */
    forward(url: string | null): void;
    /** The `whsec_…` secret forwarded events are signed with. */
    readonly forwardSecret: string;
    /** Resolves once every webhook delivery started so far succeeded or gave up (retries included). */
    settled(): Promise<void>;
  };
}

const isPositive = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;
const integerFrom = (min: number): OptionRule => ({ accepts: (value) => Number.isInteger(value) && (value as number) >= min, expected: `an integer >= ${min}` });

/** What each {@link SandboxOptions} must be; the Vite plugin checks its own copies of these too. */
export const SANDBOX_OPTION_RULES = {
  lifetimeSeconds: { accepts: isPositive, expected: 'a positive number of seconds' },
  latencyMs: { accepts: (value) => typeof value === 'number' && Number.isFinite(value) && value >= 0, expected: 'a number of milliseconds, 0 or more' },
  clock: { ...is.func, fix: 'Pass a function returning epoch milliseconds, like Date.now.' },
  seed: integerFrom(0),
  maxSessions: integerFrom(1),
} satisfies Record<string, OptionRule>;

/** Control misuse stays a TypeError: the control routes answer it with a 400. */
const positive = (name: string, value: number) => {
  if (!isPositive(value)) throw new TypeError(`createSandbox: ${name} must be a positive number, received ${String(value)}.`);
  return value;
};

const SCRIPT_NAMES = new Map<string, StandinName>(Object.entries(SCRIPT_ROUTES).map(([name, path]) => [path, name as StandinName]));

/**
 * An offline, in-memory Stripe for the endpoints embedkit uses. Synchronous: use `fetch` directly,
 * or `await sandbox.listen()` for a real HTTP server that the official `stripe` SDK can talk to.
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  checkOptions('embedkit/sandbox createSandbox', options, SANDBOX_OPTION_RULES);
  const lifetimeSeconds = options.lifetimeSeconds ?? 1800;
  const store = new SandboxStore({
    seed: options.seed ?? 42,
    lifetimeSeconds,
    maxSessions: options.maxSessions ?? 10_000,
    clock: options.clock ?? Date.now,
    ...(options.webhooks && { webhooks: options.webhooks }),
  });
  const access = new LocalAccess(options);
  const router = new Router();
  const faults = new FaultPlan(() => router.keys);
  const idempotency = new IdempotencyCache(Math.min(2000, store.options.maxSessions), () => store.now());
  const initialLatency = options.latencyMs ?? 0;
  faults.setLatency(initialLatency);

  const control: SandboxControl = {
    latency: (ms, route) => faults.setLatency(ms, route),
    failNext: (route, status, count, code) => faults.failNext({ route, status, ...(count !== undefined && { count }), ...(code && { code }) }),
    dropNext: (route, count) => faults.failNext({ route, drop: true, ...(count !== undefined && { count }) }),
    lifetime: (seconds) => {
      store.lifetimeSeconds = positive('lifetime', seconds);
    },
    advanceClock: (seconds) => {
      if (!Number.isFinite(seconds)) throw new TypeError(`advanceClock: expected seconds, received ${String(seconds)}.`);
      store.clockOffsetSeconds += Math.round(seconds);
    },
    setTime: (unixSeconds) => {
      if (!Number.isFinite(unixSeconds)) throw new TypeError(`setTime: expected unix seconds, received ${String(unixSeconds)}.`);
      store.clockOffsetSeconds += Math.round(unixSeconds) - store.now();
    },
    reset: () => {
      store.clockOffsetSeconds = 0;
      store.lifetimeSeconds = lifetimeSeconds;
      faults.clear();
      faults.setLatency(initialLatency);
      idempotency.clear();
      store.reset();
    },
    waitForEvent: (type, waitOptions) => store.webhooks.waitForEvent(type, waitOptions) as Promise<Extract<Stripe.Event, { type: typeof type }>>,
    completeOnboarding: (account) => completeOnboarding(store, account),
  };
  const state = () => store.snapshot(faults.latencyMs);

  router
    .add('rest', [
      ...accountRoutes,
      ...paymentMethodRoutes,
      ...customerRoutes,
      ...accountSessionRoutes,
      ...customerSessionRoutes,
      ...financialConnectionsRoutes,
      ...paymentIntentRoutes,
      ...webhookRoutes,
    ])
    .add('browser', [...browserRoutes, ...paymentBrowserRoutes])
    .add('control', controlRoutes(control, state));

  const handle = createSandboxHandler({
    store,
    router,
    faults,
    idempotency,
    access,
    serveScript(request, pathname) {
      const name = SCRIPT_NAMES.get(pathname);
      if (!name) return undefined;
      const cors = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-cache' };
      return readStandinScript(name, new URL(request.url).origin).then(
        (body) => new Response(body, { headers: { 'Content-Type': 'text/javascript; charset=utf-8', ...cors } }),
        (error: unknown) => new Response(`/* ${(error as Error).message} */`, { status: 503, headers: { 'Content-Type': 'text/javascript', ...cors } }),
      );
    },
  });

  let server: Server | null = null;
  let url: string | null = null;

  return {
    get url() {
      if (url === null) throw new Error('embedkit sandbox: not listening yet. Call `await sandbox.listen()` first (or use `sandbox.fetch`).');
      return url;
    },
    fetch: handle,
    async listen(port = 0, host = '127.0.0.1') {
      if (server) throw new Error(`embedkit sandbox: already listening on ${url}. Call close() before listening again.`);
      const listening = createServer(toNodeListener(handle));
      await new Promise<void>((resolve, reject) => {
        listening.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? portInUse(host, port, error) : error));
        // A deep accept queue: a burst of new connections (1,000 concurrent SDK calls) must not hit SYN retries.
        listening.listen({ port, host, backlog: 4096 }, () => resolve());
      });
      server = listening;
      const address = listening.address() as AddressInfo;
      url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
      return url;
    },
    async close() {
      const closing = server;
      server = null;
      url = null;
      if (!closing) return;
      closing.closeAllConnections();
      await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    state,
    reset: control.reset,
    control,
    webhooks: {
      get forwardTo() {
        return store.webhooks.forwardTo;
      },
      forwardSecret: store.webhooks.forwardSecret,
      forward: (url) => store.webhooks.forward(url),
      settled: () => store.webhooks.settled(),
    },
    stripeConfig() {
      const { hostname, port } = new URL(this.url);
      return { host: hostname.replace(/^\[|\]$/g, ''), port: Number(port), protocol: 'http' };
    },
  };
}

/** Node's bare EADDRINUSE names neither the fix nor that embedkit's sandbox was the one starting. */
function portInUse(host: string, port: number, cause: NodeJS.ErrnoException): Error {
  const error = new Error(
    `embedkit sandbox: ${host}:${port} is in use (another dev server or sandbox?). Pick another port: ` +
      "the Vite plugin's port option, the CLI's --port, EMBEDKIT_SANDBOX_PORT in the Next.js and React Router guides, or listen(0) for any free one.",
    { cause },
  );
  return Object.assign(error, { code: 'EADDRINUSE' });
}
