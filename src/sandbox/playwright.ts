import type Stripe from 'stripe';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { CONTROL_ROUTES, SCRIPT_ROUTES, STRIPE_SCRIPT_URLS, type RouteKey, type SandboxStateSnapshot } from './protocol.js';
import { checkOptions } from '../core/checkOptions.js';
import { createSandbox, type SandboxOptions } from './engine/createSandbox.js';

/** A running sandbox and its test controls (the control routes of `embedkit/sandbox`, over HTTP). */
export interface SandboxControls {
  /** Base URL of the sandbox, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Pass to the Node SDK: `new Stripe('sk_test_sandbox', sandbox.stripeConfig)`. */
  stripeConfig: { host: string; port: number; protocol: 'http' };
  /** The sandbox's counters (sessions created, claims, requests, …), fetched fresh on each call. */
  state(): Promise<SandboxStateSnapshot>;
  /** Back to the seeded state: sessions, counters, knobs and clock. */
  reset(): Promise<void>;
  /** Adds `ms` of latency to every route, or to one route key (e.g. `POST /sandbox/v1/claim`). */
  latency(ms: number, route?: RouteKey): Promise<void>;
  /** Fails the next `count` (default 1) requests to `route` with `status` (and a Stripe error `code`). */
  failNext(options: { route: RouteKey; status: number; count?: number; code?: string }): Promise<void>;
  /** Lifetime of AccountSessions and CustomerSessions created from now on. */
  lifetime(seconds: number): Promise<void>;
  /** Moves the sandbox's test clock: `{ advanceSeconds }` or `{ now }` (unix seconds). */
  clock(options: { advanceSeconds: number } | { now: number }): Promise<void>;
  /**
   * The first Stripe event of `type` since the last reset (about `objectId`, if given), or the next
   * one: the sandbox answers when it is emitted. Rejects after `timeoutMs` (default 10 s).
   */
  waitForEvent<T extends Stripe.Event.Type>(type: T, options?: { objectId?: string; timeoutMs?: number }): Promise<Extract<Stripe.Event, { type: T }>>;
  /** Completes a connected account's onboarding (requirements cleared, `account.updated` emitted). */
  completeOnboarding(account: string): Promise<Stripe.Account>;
}

async function call(url: string, route: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`embedkit sandbox: ${route} answered HTTP ${response.status}: ${await response.text()}`);
  return response.json();
}

const URL_RULES = {
  url: {
    accepts: (value: unknown) => typeof value === 'string' && /^https?:\/\/[^/]/.test(value),
    expected: 'the sandbox base URL, e.g. http://127.0.0.1:12111',
    required: true,
    fix: 'Use the URL sandbox.listen() resolved to, or EMBEDKIT_SANDBOX_URL (set by the Vite plugin).',
  },
};

/** Test controls for a sandbox already running at `url` (started by this fixture, the Vite plugin, or you). */
export function sandboxControls(url: string): SandboxControls {
  checkOptions('embedkit/sandbox/playwright sandboxControls', { url }, URL_RULES);
  const base = url.replace(/\/$/, '');
  const { hostname, port } = new URL(base);
  const post = async (route: string, body: unknown) => {
    await call(base, route, body);
  };
  return {
    url: base,
    stripeConfig: { host: hostname, port: Number(port), protocol: 'http' },
    state: () => call(base, CONTROL_ROUTES.state) as Promise<SandboxStateSnapshot>,
    reset: () => post(CONTROL_ROUTES.reset, {}),
    latency: (ms, route) => post(CONTROL_ROUTES.latency, route ? { ms, route } : { ms }),
    failNext: ({ route, status, count = 1, code }) => post(CONTROL_ROUTES.fail, { route, status, count, ...(code ? { code } : {}) }),
    lifetime: (seconds) => post(CONTROL_ROUTES.lifetime, { seconds }),
    clock: (options) => post(CONTROL_ROUTES.clock, options),
    waitForEvent: (type, options) => call(base, CONTROL_ROUTES.waitForEvent, { type, ...options }) as Promise<Extract<Stripe.Event, { type: typeof type }>>,
    completeOnboarding: (account) => call(base, CONTROL_ROUTES.completeOnboarding, { account }) as Promise<Stripe.Account>,
  };
}

/**
 * Serves the sandbox's stand-ins at Stripe's four script URLs (Connect.js, Stripe.js, pricing
 * table, buy button) for every page of `target`, so unmodified application code loads them.
 */
export async function routeStripeScripts(target: Page | BrowserContext, sandboxUrl: string): Promise<void> {
  const base = sandboxUrl.replace(/\/$/, '');
  for (const name of Object.keys(STRIPE_SCRIPT_URLS) as (keyof typeof STRIPE_SCRIPT_URLS)[]) {
    const stripeUrl = STRIPE_SCRIPT_URLS[name];
    let body: Promise<string> | undefined;
    // Query strings (e.g. `?advancedFraudSignals=false`) still get the stand-in.
    await target.route(
      (url) => `${url.origin}${url.pathname}` === stripeUrl,
      async (route) => {
        body ??= fetch(`${base}${SCRIPT_ROUTES[name]}`).then((response) => {
          if (!response.ok) throw new Error(`embedkit sandbox: ${SCRIPT_ROUTES[name]} answered HTTP ${response.status}`);
          return response.text();
        });
        await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: await body });
      },
    );
  }
}

/**
 * Playwright options of the `sandbox` fixture; set them with `test.use({ … })` or in the config's
 * `use` block. `sandboxUrl` and `sandboxOptions` are per worker, `sandboxReset` per test.
 */
export interface SandboxFixtureOptions {
  /**
   * A sandbox to use instead of starting one per worker, e.g. the one your dev server started
   * through the Vite plugin (it sets `EMBEDKIT_SANDBOX_URL`). Defaults to that variable.
   */
  sandboxUrl: string | undefined;
  /** Options for the sandbox this fixture starts (ignored with `sandboxUrl`), e.g. `{ lifetimeSeconds: 300 }`. */
  sandboxOptions: SandboxOptions;
  /** Reset the sandbox before each test. Default true; turn off when workers share one sandbox. */
  sandboxReset: boolean;
}

/**
 * `test` with a `sandbox` fixture: a running sandbox (one per worker), reset before each test,
 * with Stripe's script URLs routed to its stand-ins in the test's browser context.
 */
export const test = base.extend<{ sandbox: SandboxControls } & Pick<SandboxFixtureOptions, 'sandboxReset'>, { sandboxServerUrl: string } & Pick<SandboxFixtureOptions, 'sandboxUrl' | 'sandboxOptions'>>({
  sandboxUrl: [process.env.EMBEDKIT_SANDBOX_URL, { option: true, scope: 'worker' }],
  sandboxOptions: [{}, { option: true, scope: 'worker' }],
  sandboxReset: [true, { option: true }],
  sandboxServerUrl: [
    async ({ sandboxUrl, sandboxOptions }, use) => {
      if (sandboxUrl) {
        await use(sandboxUrl);
        return;
      }
      const sandbox = createSandbox(sandboxOptions);
      try {
        await use(await sandbox.listen());
      } finally {
        await sandbox.close();
      }
    },
    { scope: 'worker' },
  ],
  sandbox: [
    async ({ sandboxServerUrl, sandboxReset, context }, use) => {
      const controls = sandboxControls(sandboxServerUrl);
      if (sandboxReset) await controls.reset();
      await routeStripeScripts(context, sandboxServerUrl);
      await use(controls);
    },
    { auto: true },
  ],
});

export { expect };
