import type { Browser, BrowserContext, Page } from '@playwright/test';
import { setTimeout as sleep } from 'node:timers/promises';
import { STRIPE_SCRIPT_URLS } from '../src/sandbox/protocol';
import type { BenchMarks } from './pages/markLoaderStart';

/** `quickstart-hinted` is the quickstart page with embedkit.html's preload hint (rows 1–2 only). */
export type Variant = 'quickstart' | 'quickstart-hinted' | 'embedkit';
/** The React build the page was bundled with (bench/pages/vite.config.ts writes one per mode). */
export type PageBuild = 'development' | 'production';

export interface OpenPageOptions {
  origin: string;
  variant: Variant;
  build: PageBuild;
  /** The Connect.js stand-in, served in place of Stripe's script. */
  connectScript: string;
  scriptLatencyMs: number;
  /** Install Playwright's fake clock before navigation (rows 3–4 move time by hours). */
  fakeClock?: boolean;
  /** How long the page may take to start its three components' loaders. */
  timeoutMs: number;
}

/**
 * Connect.js calls `fetchClientSecret` from `init` params for every refresh (the first secret comes
 * from the loader's eager call). This init script wraps that function and reports, to Node, when a
 * refresh call starts and when its promise settles, so the wait is timed on Node's real clock, not
 * on the page's fake one. It only observes: the secret itself never leaves the page. A string, not
 * a function, because tsx's transform adds helpers to function bodies that the page does not have.
 */
const OBSERVE_REFRESH_CALLS = `(() => {
  let init;
  const target = {};
  Object.defineProperty(target, 'init', {
    configurable: true,
    enumerable: true,
    get: () => init,
    set(real) {
      init = (params) => {
        const fetchClientSecret = params.fetchClientSecret;
        const timed = () => {
          window.__benchRefresh('start');
          const answer = Promise.resolve(fetchClientSecret());
          answer.then(() => window.__benchRefresh('end'), () => window.__benchRefresh('end'));
          return answer;
        };
        return real({ ...params, fetchClientSecret: timed });
      };
    },
  });
  window.StripeConnect = target;
})();`;

/**
 * Records when Connect.js's script fires `load` (capture phase, so before the loader's own
 * listener): from there to the first onLoaderStart is only what the page's code does once
 * Connect.js has run, without the download or the page's boot in it.
 */
const RECORD_CONNECT_LOAD = `document.addEventListener('load', (event) => {
  if (event.target instanceof HTMLScriptElement && event.target.src === ${JSON.stringify(STRIPE_SCRIPT_URLS.connect)}) window.__benchConnectLoad ??= performance.now();
}, true);`;

export interface ComparisonPage {
  page: Page;
  context: BrowserContext;
  /** Real-clock milliseconds each refresh call waited, in order. */
  refreshWaits: number[];
  marks(): Promise<BenchMarks | undefined>;
  /** `performance.now()` at Connect.js's script `load` event, or null if it never fired. */
  connectLoad(): Promise<number | null>;
  /**
   * Resolves once no request has been in flight for `quietMs`, or after a short grace when no
   * request started at all (most clock steps start none, and the hour has hundreds of steps).
   * Rejects when the network is not idle within the page's `timeoutMs`.
   */
  settle(quietMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A fresh browser context with one comparison page loaded and its three components started. */
export async function openComparisonPage(browser: Browser, options: OpenPageOptions): Promise<ComparisonPage> {
  const context = await browser.newContext();
  // Offline by construction: anything not on the bench origin or the sandbox fails at once
  // instead of waiting for a network that is not there.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort('internetdisconnected'));
  await context.route(STRIPE_SCRIPT_URLS.connect, async (route) => {
    await sleep(options.scriptLatencyMs);
    await route.fulfill({ status: 200, contentType: 'text/javascript', body: options.connectScript });
  });

  const page = await context.newPage();
  const refreshWaits: number[] = [];
  let refreshStarted: number | null = null;
  await page.exposeFunction('__benchRefresh', (event: string) => {
    if (event === 'start') refreshStarted = performance.now();
    else if (refreshStarted !== null) {
      refreshWaits.push(performance.now() - refreshStarted);
      refreshStarted = null;
    }
  });
  await page.addInitScript(OBSERVE_REFRESH_CALLS);
  await page.addInitScript(RECORD_CONNECT_LOAD);
  if (options.fakeClock) await page.clock.install();

  let inFlight = 0;
  let started = 0;
  let lastChange = performance.now();
  const track = (delta: number) => () => {
    inFlight += delta;
    lastChange = performance.now();
  };
  page.on('request', () => {
    started += 1;
    track(1)();
  });
  page.on('requestfinished', track(-1));
  page.on('requestfailed', track(-1));

  try {
    await page.goto(`${options.origin}/${options.build}/${options.variant}.html`, { timeout: options.timeoutMs });
    await page.waitForFunction(() => (window.__benchMarks?.loaderStarts ?? 0) >= 3, undefined, { timeout: options.timeoutMs, polling: 50 });
  } catch (error) {
    await context.close();
    throw new Error(`the page did not start its 3 components' loaders within ${options.timeoutMs / 1000} s (${(error as Error).message.split('\n')[0]})`, { cause: error });
  }

  return {
    page,
    context,
    refreshWaits,
    marks: () => page.evaluate(() => window.__benchMarks),
    connectLoad: () => page.evaluate(() => (window as { __benchConnectLoad?: number }).__benchConnectLoad ?? null),
    async settle(quietMs = 30) {
      const before = started;
      // Requests a just-fired timer starts reach Node a few milliseconds later.
      await sleep(8);
      if (started === before && inFlight <= 0) return;
      const deadline = performance.now() + options.timeoutMs;
      for (;;) {
        if (performance.now() > deadline) throw new Error(`the page's network was not idle for ${quietMs} ms within ${options.timeoutMs / 1000} s`);
        const quietFor = performance.now() - lastChange;
        if (inFlight <= 0 && quietFor >= quietMs) return;
        await sleep(Math.max(10, quietMs - quietFor));
      }
    },
    close: () => context.close(),
  };
}
