import type { Browser } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import Stripe from 'stripe';
import { build } from 'vite';
import { createSandbox } from '../src/sandbox/engine/createSandbox';
import { BROWSER_ROUTES, STRIPE_SCRIPT_URLS } from '../src/sandbox/protocol';
import { readStandinScript } from '../src/sandbox/browser/standinScripts';
import type { BenchRow } from './BenchRow';
import { type PageBuild, type Variant, openComparisonPage } from './connectPage';
import { launchChromium } from './launchChromium';
import { median } from './median';
import { servePages } from './servePages';

/** Injected latencies of issue #7, row 2. */
export const LATENCY = { scriptMs: 300, endpointMs: 300, claimMs: 50 } as const;
const CLAIM_ROUTE = 'POST /sandbox/v1/claim';
/**
 * Rows 3–4 lifetime. The stand-in refreshes min(60 s, lifetime / 4) before expiry (sandbox choice);
 * embedkit warms min(90 s, lifetime / 3) before (its default lead), so at 120 s the spare's head
 * start is lifetime / 12 = 10 s.
 */
const SHORT_LIFETIME_S = 120;
/**
 * Clock step over the simulated hour: half that head start. Every timer due within one step fires
 * in the same jump, before any request it starts can answer, so a step as long as the head start
 * can fire the spare's fetch and Connect.js' refresh together, and the refresh then waits on the
 * still-in-flight spare: that measures the step, not the library. With half, a step boundary always
 * falls between the two, and `settle` lets the spare arrive there. Smaller steps cost real time
 * (each is a browser round trip; 2 s steps make rows 3–4 take 2.5 times as long), and a request a
 * timer starts mid-step reaches the sandbox at the step's end, so a new session gains up to one
 * step of life (at most ~4 %, for both pages alike). Whole seconds, as the sandbox clock counts.
 */
const HOUR_STEP_S = SHORT_LIFETIME_S / 24;
/**
 * Row 3 times the refreshes of the first quarter hour with the endpoint's 300 ms; the rest of the
 * hour runs with no endpoint latency, which changes no count and keeps the bench short.
 */
const TIMED_REFRESH_WINDOW_S = 900;
/**
 * Simulated hours run side by side, one sandbox each (its clock is global); timed loads never do.
 * A step mostly waits on a browser round trip, so four lanes on two cores keep rows 3–4 near
 * 100 s at 10 runs (two lanes: near 170 s) without moving row 3's figures.
 */
const HOUR_LANES = 4;
const VARIANTS: Variant[] = ['quickstart', 'embedkit'];
/** Page loads also time the quickstart with embedkit's HTML hint, to show what the hint alone is worth. */
const LOAD_VARIANTS: Variant[] = ['quickstart', 'quickstart-hinted', 'embedkit'];
const BUILDS: PageBuild[] = ['development', 'production'];

/**
 * One variant's figures, indexed by run: `undefined` where that run could not measure it. Rows
 * compare embedkit with its baseline on the runs where both were measured, so a ratio is always
 * made of figures from the same runs.
 */
interface Samples {
  scriptStartMs: Array<number | undefined>;
  sessionsPerLoad: Array<number | undefined>;
  firstLoaderStartMs: Array<number | undefined>;
  /** Navigation → the first claim's response: the first component has its session (its data follows). */
  firstClaimMs: Array<number | undefined>;
  /**
   * The later of Connect.js's response end and the page's own JavaScript starting → the first
   * onLoaderStart: the part of row 2 that the page's React code decides, once both are there.
   */
  scriptToLoaderStartMs: Array<number | undefined>;
  /** Connect.js's script `load` event → the first onLoaderStart: what the page's code adds once Connect.js has run. */
  loadToLoaderStartMs: Array<number | undefined>;
  refreshWaitMs: Array<number | undefined>;
  sessionsPerHour: Array<number | undefined>;
  /** Why a run measured nothing, e.g. `run 3: page timed out …`, for the rows' notes. */
  failures: Record<'load' | 'hour', string[]>;
}

/**
 * How long a page may take to show its loaders or to claim its first secret before that run is
 * reported as unmeasured. Generous: on a loaded 2-core machine a page that needs 400 ms alone can
 * take several seconds, and that is a slow figure to report, not a reason to give up.
 */
const EVENT_TIMEOUT_MS = 60_000;
/**
 * After the first claim: how long the page's network must be idle before the sandbox's session
 * count is read. Every Connect instance started its secret request while rendering, long before a
 * claim could finish, so an idle network means every session it will create at load exists.
 */
const NETWORK_IDLE_MS = 100;

/** A sandbox, the page server in front of it, and the Connect.js stand-in it serves. */
async function startWorld(pagesDir: string) {
  const sandbox = createSandbox();
  await sandbox.listen(0, '127.0.0.1');
  const stripe = new Stripe('sk_test_embedkitbench', sandbox.stripeConfig());
  const [account] = (await stripe.accounts.list({ limit: 1 })).data;
  if (!account) throw new Error('The sandbox has no seeded connected account to create AccountSessions for.');
  const server = await servePages({
    dir: pagesDir,
    endpointLatencyMs: LATENCY.endpointMs,
    createSecret: () =>
      stripe.accountSessions.create({
        account: account.id,
        components: { notification_banner: { enabled: true }, payments: { enabled: true }, payouts: { enabled: true } },
      }),
  });
  const connectScript = await readStandinScript('connect', sandbox.url);
  return {
    sandbox,
    server,
    connectScript,
    created: () => sandbox.state().sessionsCreated.account_session,
    close: async () => {
      await server.close();
      await sandbox.close();
    },
  };
}
type World = Awaited<ReturnType<typeof startWorld>>;

/** Rows 1–2: one StrictMode page load with the injected latencies (row 1 reads the development build's). */
async function measureLoad(browser: Browser, world: World, pageBuild: PageBuild, variant: Variant, samples: Samples, run: number) {
  const { sandbox, server, connectScript } = world;
  server.setEndpointLatency(LATENCY.endpointMs);
  sandbox.reset();
  sandbox.control.latency(LATENCY.claimMs, CLAIM_ROUTE);
  const load = await openComparisonPage(browser, {
    origin: server.origin, build: pageBuild, variant, connectScript, scriptLatencyMs: LATENCY.scriptMs, timeoutMs: EVENT_TIMEOUT_MS,
  });
  try {
    // The events measured: the first claim's response (resource timing gives a cross-origin
    // request's end; the sandbox answers claims), then an idle network for the session count.
    await load.page
      .waitForFunction((path) => performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname === path), BROWSER_ROUTES.claim, {
        timeout: EVENT_TIMEOUT_MS,
        polling: 50,
      })
      .catch(() => {
        throw new Error(`Connect.js claimed no secret within ${EVENT_TIMEOUT_MS / 1000} s`);
      });
    await load.settle(NETWORK_IDLE_MS);
    const marks = await load.marks();
    if (!marks || marks.firstLoaderStart === null) throw new Error('no component reported onLoaderStart');
    if (marks.loadErrors.length > 0) throw new Error(`components failed to load: ${marks.loadErrors.join(', ')}`);
    const claimEnds = await load.page.evaluate(
      (path) => performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname === path).map((entry) => (entry as PerformanceResourceTiming).responseEnd),
      BROWSER_ROUTES.claim,
    );
    samples.scriptStartMs[run] = marks.scriptStart;
    samples.firstLoaderStartMs[run] = marks.firstLoaderStart;
    samples.firstClaimMs[run] = Math.min(...claimEnds);
    const scriptEnd = await load.page.evaluate(
      (url) => (performance.getEntriesByName(url)[0] as PerformanceResourceTiming | undefined)?.responseEnd ?? null,
      STRIPE_SCRIPT_URLS.connect,
    );
    if (scriptEnd !== null) samples.scriptToLoaderStartMs[run] = marks.firstLoaderStart - Math.max(scriptEnd, marks.scriptStart);
    const connectLoad = await load.connectLoad();
    if (connectLoad !== null) samples.loadToLoaderStartMs[run] = marks.firstLoaderStart - connectLoad;
    samples.sessionsPerLoad[run] = world.created();
  } finally {
    await load.close();
  }
}

/** Rows 3–4: a mounted page over a simulated hour; page and sandbox clocks move together. */
async function measureHour(browser: Browser, world: World, variant: Variant, samples: Samples, run: number) {
  const { sandbox, server, connectScript } = world;
  server.setEndpointLatency(LATENCY.endpointMs);
  sandbox.reset();
  sandbox.control.lifetime(SHORT_LIFETIME_S);
  const page = await openComparisonPage(browser, {
    origin: server.origin, build: 'development', variant, connectScript, scriptLatencyMs: 0, fakeClock: true, timeoutMs: EVENT_TIMEOUT_MS,
  });
  try {
    await page.settle();
    let timedRefreshes = 0;
    for (let elapsed = 0; elapsed < 3600; elapsed += HOUR_STEP_S) {
      if (elapsed === TIMED_REFRESH_WINDOW_S) {
        timedRefreshes = page.refreshWaits.length;
        server.setEndpointLatency(0);
      }
      sandbox.control.advanceClock(HOUR_STEP_S);
      await page.page.clock.runFor(HOUR_STEP_S * 1000);
      await page.settle();
    }
    samples.sessionsPerHour[run] = world.created();
    if (timedRefreshes === 0) throw new Error(`Connect.js never asked for a refreshed secret in ${TIMED_REFRESH_WINDOW_S} simulated seconds`);
    samples.refreshWaitMs[run] = median(page.refreshWaits.slice(0, timedRefreshes));
  } finally {
    await page.close();
  }
}

/**
 * Runs one measurement; a failure is recorded as that run's reason instead of ending the bench, so
 * one page that times out on a loaded machine costs one sample, not the whole table.
 */
async function attempt(samples: Samples, kind: 'load' | 'hour', run: number, variant: Variant, measure: () => Promise<void>) {
  try {
    await measure();
  } catch (error) {
    samples.failures[kind].push(`run ${run + 1}, ${variant}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/**
 * Rows 1–4: both comparison pages in headless Chromium against the sandbox, alternating which goes
 * first in each run so drift on the machine hits both equally.
 */
export async function measureConnectRows({ runs, rows = [1, 2, 3, 4] }: { runs: number; rows?: number[] }): Promise<BenchRow[]> {
  const loads = rows.includes(1) || rows.includes(2);
  const hours = rows.includes(3) || rows.includes(4);
  const pagesDir = fileURLToPath(new URL('./.tmp/pages', import.meta.url));
  for (const mode of BUILDS) await build({ configFile: fileURLToPath(new URL('./pages/vite.config.ts', import.meta.url)), mode });
  const order = (run: number, variants = VARIANTS) => (run % 2 === 0 ? variants : [...variants].reverse());
  const empty = (): Samples => ({
    scriptStartMs: [], sessionsPerLoad: [], firstLoaderStartMs: [], firstClaimMs: [], scriptToLoaderStartMs: [], loadToLoaderStartMs: [], refreshWaitMs: [], sessionsPerHour: [], failures: { load: [], hour: [] },
  });
  const all: Record<PageBuild, Record<Variant, Samples>> = {
    development: { quickstart: empty(), 'quickstart-hinted': empty(), embedkit: empty() },
    production: { quickstart: empty(), 'quickstart-hinted': empty(), embedkit: empty() },
  };
  const browser = await launchChromium();
  const worlds: World[] = [];
  try {
    for (let lane = 0; lane < (hours ? HOUR_LANES : 1); lane++) worlds.push(await startWorld(pagesDir));
    for (let run = 0; loads && run < runs; run++) {
      for (const pageBuild of BUILDS) {
        for (const variant of order(run, LOAD_VARIANTS)) {
          const samples = all[pageBuild][variant];
          await attempt(samples, 'load', run, variant, () => measureLoad(browser, worlds[0]!, pageBuild, variant, samples, run));
        }
      }
    }
    const queue = hours ? Array.from({ length: runs }, (_, run) => order(run).map((variant) => ({ run, variant }))).flat() : [];
    await Promise.all(
      worlds.map(async (world) => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const { run, variant } = next;
          const samples = all.development[variant];
          await attempt(samples, 'hour', run, variant, () => measureHour(browser, world, variant, samples, run));
        }
      }),
    );
  } finally {
    await browser.close();
    for (const world of worlds) await world.close();
  }

  const ideal = Math.max(LATENCY.scriptMs, LATENCY.endpointMs) + LATENCY.claimMs;
  const measuredIn = (samples: Samples, key: keyof Omit<Samples, 'failures'>) =>
    Array.from({ length: runs }, (_, run) => samples[key][run]).flatMap((value, run) => (value === undefined ? [] : [{ run, value }]));
  /** What a row's note adds when runs are missing: how many, and each reason. */
  const missing = (count: number, reasons: string[]) =>
    count === 0 ? '' : ` ${count} of ${runs} runs not measured${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}.`;
  const kindOf = (key: keyof Omit<Samples, 'failures'>): 'load' | 'hour' => (key === 'refreshWaitMs' || key === 'sessionsPerHour' ? 'hour' : 'load');
  /** embedkit against a baseline variant, both from the runs that measured both. */
  const row = (n: number, metric: string, unit: string, key: keyof Omit<Samples, 'failures'>, note: string, pageBuild: PageBuild = 'development', baseline: Variant = 'quickstart'): BenchRow => {
    const mine = all[pageBuild].embedkit;
    const theirs = all[pageBuild][baseline];
    const paired = measuredIn(mine, key).filter(({ run }) => theirs[key][run] !== undefined);
    const reasons = [...mine.failures[kindOf(key)], ...theirs.failures[kindOf(key)]];
    return {
      row: n,
      metric,
      unit,
      embedkit: paired.length > 0 ? median(paired.map(({ value }) => value)) : null,
      baselineName: baseline === 'quickstart' ? 'Stripe quickstart' : 'quickstart + the same HTML hint',
      baseline: paired.length > 0 ? median(paired.map(({ run }) => theirs[key][run]!)) : null,
      runs: paired.length,
      note: `${paired.length === 0 ? 'NOT MEASURED. ' : ''}${note}${missing(runs - paired.length, reasons)}`,
    };
  };
  const vsIdeal = (metric: string, key: keyof Omit<Samples, 'failures'>, pageBuild: PageBuild, note: string): BenchRow => {
    const mine = measuredIn(all[pageBuild].embedkit, key);
    return {
      row: 2, metric: `${metric} vs ideal (${pageBuild} build)`, unit: 'ms', embedkit: mine.length > 0 ? median(mine.map(({ value }) => value)) : null,
      baselineName: 'ideal max(script, endpoint) + claim', baseline: ideal, runs: mine.length,
      note: `${mine.length === 0 ? 'NOT MEASURED. ' : ''}${note}${missing(runs - mine.length, all[pageBuild].embedkit.failures.load)}`,
    };
  };
  const scriptStart = (variant: Variant, pageBuild: PageBuild) => {
    const values = measuredIn(all[pageBuild][variant], 'scriptStartMs');
    return values.length > 0 ? `${median(values.map(({ value }) => value)).toFixed(0)} ms` : 'not measured';
  };
  const loaderStartRows = (pageBuild: PageBuild): BenchRow[] => [
    row(2, `navigation → first onLoaderStart vs quickstart + hint (${pageBuild} build)`, 'ms', 'firstLoaderStartMs',
      "the primary comparison: the quickstart page with the embedkit page's HTML hint, loaded in the same runs. " +
        'Connect.js (and its stand-in) fire onLoaderStart when a component\'s loader shows, which does not wait for the claim.', pageBuild, 'quickstart-hinted'),
    vsIdeal('navigation → first onLoaderStart', 'firstLoaderStartMs', pageBuild,
      `script ${LATENCY.scriptMs} ms (Playwright route), endpoint ${LATENCY.endpointMs} ms, claim ${LATENCY.claimMs} ms (sandbox latency). ` +
        `The embedkit page is set up as docs/client.md recommends ("The fastest start"): Connect.js preloaded by a <link rel="preload"> in its HTML, and the first secret requested ` +
        'by preloadConnect() before React renders. ' +
        `The page's own JavaScript starts at ${scriptStart('embedkit', pageBuild)} (embedkit page) / ${scriptStart('quickstart-hinted', pageBuild)} (hinted quickstart) / ` +
        `${scriptStart('quickstart', pageBuild)} (quickstart page).`),
    row(2, `navigation → first onLoaderStart vs quickstart (${pageBuild} build)`, 'ms', 'firstLoaderStartMs', "same page loads; the quickstart page as Stripe's docs write it.", pageBuild),
    row(2, `where the time goes: Connect.js and page JS both there → first onLoaderStart vs quickstart + hint (${pageBuild} build)`, 'ms', 'scriptToLoaderStartMs',
      "same page loads; from the later of Connect.js's response end (resource timing) and the page's own JavaScript starting, to the first onLoaderStart: " +
        "what each page's React code takes once both are there. The rest is the script download and the page's boot (its start time is in the ideal row's note).", pageBuild, 'quickstart-hinted'),
    row(2, `where the time goes: Connect.js's load event → first onLoaderStart vs quickstart + hint (${pageBuild} build)`, 'ms', 'loadToLoaderStartMs',
      "same page loads; from the Connect.js script's load event to the first onLoaderStart: only what each page's code does once Connect.js has run. " +
        "The row above also counts the page's boot whenever Connect.js arrives before the page has inserted its script tag.", pageBuild, 'quickstart-hinted'),
    row(2, `navigation → first secret claimed vs quickstart + hint (${pageBuild} build)`, 'ms', 'firstClaimMs',
      'same page loads; the end of the first claim (resource timing), when a component has its session.', pageBuild, 'quickstart-hinted'),
    vsIdeal('navigation → first secret claimed', 'firstClaimMs', pageBuild,
      'same page loads. The secret request can only start once ' +
        "the page's JavaScript runs, so the page's boot adds to the endpoint's 300 ms here, on every page."),
    row(2, `navigation → first secret claimed vs quickstart (${pageBuild} build)`, 'ms', 'firstClaimMs', 'same page loads.', pageBuild),
  ];
  const measured = [
    ...(loads ? [
      row(1, 'AccountSessions per page load (StrictMode, 3 components)', '', 'sessionsPerLoad',
        'React development build, where StrictMode double-mounts; counted by the sandbox once the first claim is done and the network is idle.'),
      ...loaderStartRows('development'),
      ...loaderStartRows('production'),
    ] : []),
    ...(hours ? [row(3, "Connect.js refresh call's wait for a secret", 'ms', 'refreshWaitMs',
      `warm secret (embedkit) vs fetch on demand (quickstart); median of each run's refreshes in the first ${TIMED_REFRESH_WINDOW_S / 60} simulated minutes (endpoint ${LATENCY.endpointMs} ms), real clock; lifetime ${SHORT_LIFETIME_S} s; ${HOUR_LANES} simulations at a time.`),
    row(4, 'AccountSessions created per mounted page per simulated hour', '', 'sessionsPerHour',
      `lifetime ${SHORT_LIFETIME_S} s, clocks advanced in ${HOUR_STEP_S} s steps; includes the first page load's sessions.`)] : []),
  ];
  return measured.filter((row) => rows.includes(row.row));
}
