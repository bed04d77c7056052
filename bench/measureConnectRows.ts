import { fileURLToPath } from 'node:url';
import Stripe from 'stripe';
import { build } from 'vite';
import { readStandinScript } from '../src/sandbox/standinScripts';
import type { BenchRow } from './BenchRow';
import { type Variant, openComparisonPage } from './connectPage';
import { launchChromium } from './launchChromium';
import { median } from './median';
import { sandboxControl } from './sandboxControl';
import { servePages } from './servePages';

/** Injected latencies of issue #7, row 2. */
export const LATENCY = { scriptMs: 300, endpointMs: 300, claimMs: 50 } as const;
const CLAIM_ROUTE = 'POST /sandbox/v1/claim';
/**
 * Rows 3–4 lifetime. The stand-in refreshes min(60 s, lifetime / 4) before expiry (sandbox choice);
 * embedkit warms 60 s before (its default lead). Above 240 s both leads are 60 s and they race.
 */
const SHORT_LIFETIME_S = 120;
const HOUR_STEP_S = 30;
const VARIANTS: Variant[] = ['quickstart', 'embedkit'];

interface Samples {
  sessionsPerLoad: number[];
  firstLoaderStartMs: number[];
  refreshWaitMs: number[];
  sessionsPerHour: number[];
}

/**
 * Rows 1–4: both comparison pages in headless Chromium against the sandbox, alternating which goes
 * first in each run so drift on the machine hits both equally.
 */
export async function measureConnectRows({ sandboxUrl, runs }: { sandboxUrl: string; runs: number }): Promise<BenchRow[]> {
  const pagesDir = fileURLToPath(new URL('./.tmp/pages', import.meta.url));
  await build({ configFile: fileURLToPath(new URL('./pages/vite.config.ts', import.meta.url)) });

  const sandbox = sandboxControl(sandboxUrl);
  const api = new URL(sandboxUrl);
  const stripe = new Stripe('sk_test_embedkit_bench', { host: api.hostname, port: Number(api.port), protocol: 'http' });
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
  const connectScript = await readStandinScript('connect', sandboxUrl);
  const browser = await launchChromium();
  const samples: Record<Variant, Samples> = {
    quickstart: { sessionsPerLoad: [], firstLoaderStartMs: [], refreshWaitMs: [], sessionsPerHour: [] },
    embedkit: { sessionsPerLoad: [], firstLoaderStartMs: [], refreshWaitMs: [], sessionsPerHour: [] },
  };
  const created = async () => (await sandbox.state()).sessionsCreated.account_session;

  try {
    for (let run = 0; run < runs; run++) {
      for (const variant of run % 2 === 0 ? VARIANTS : [...VARIANTS].reverse()) {
        // Rows 1–2: one page load with the injected latencies.
        await sandbox.reset();
        await sandbox.latency(LATENCY.claimMs, CLAIM_ROUTE);
        const load = await openComparisonPage(browser, { origin: server.origin, variant, connectScript, scriptLatencyMs: LATENCY.scriptMs });
        await load.settle(500);
        const marks = await load.marks();
        samples[variant].firstLoaderStartMs.push(marks!.firstLoaderStart!);
        samples[variant].sessionsPerLoad.push(await created());
        await load.close();

        // Rows 3–4: a mounted page over a simulated hour; page and sandbox clocks move together.
        await sandbox.reset();
        await sandbox.lifetime(SHORT_LIFETIME_S);
        const long = await openComparisonPage(browser, { origin: server.origin, variant, connectScript, scriptLatencyMs: 0, fakeClock: true });
        await long.settle();
        for (let elapsed = 0; elapsed < 3600; elapsed += HOUR_STEP_S) {
          await sandbox.advanceClock(HOUR_STEP_S);
          await long.page.clock.runFor(HOUR_STEP_S * 1000);
          await long.settle();
        }
        if (long.refreshWaits.length === 0) throw new Error(`${variant}: Connect.js never asked for a refreshed secret in a simulated hour.`);
        samples[variant].refreshWaitMs.push(median(long.refreshWaits));
        samples[variant].sessionsPerHour.push(await created());
        await long.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const ideal = Math.max(LATENCY.scriptMs, LATENCY.endpointMs) + LATENCY.claimMs;
  const med = (variant: Variant, key: keyof Samples) => median(samples[variant][key]);
  const row = (n: number, metric: string, unit: string, key: keyof Samples, note: string): BenchRow => ({
    row: n, metric, unit, embedkit: med('embedkit', key), baselineName: 'Stripe quickstart', baseline: med('quickstart', key), runs, note,
  });
  return [
    row(1, 'AccountSessions per page load (StrictMode, 3 components)', '', 'sessionsPerLoad', 'React development build, where StrictMode double-mounts; counted by the sandbox.'),
    {
      row: 2, metric: 'navigation → first onLoaderStart vs ideal', unit: 'ms', embedkit: med('embedkit', 'firstLoaderStartMs'),
      baselineName: 'ideal max(script, endpoint) + claim', baseline: ideal, runs,
      note: `script ${LATENCY.scriptMs} ms (Playwright route), endpoint ${LATENCY.endpointMs} ms, claim ${LATENCY.claimMs} ms (sandbox latency).`,
    },
    row(2, 'navigation → first onLoaderStart vs quickstart', 'ms', 'firstLoaderStartMs', 'same page load as the row above.'),
    row(3, "Connect.js refresh call's wait for a secret", 'ms', 'refreshWaitMs',
      `warm secret (embedkit) vs fetch on demand (quickstart); median of the refreshes in each run, real clock; lifetime ${SHORT_LIFETIME_S} s.`),
    row(4, 'AccountSessions created per mounted page per simulated hour', '', 'sessionsPerHour',
      `lifetime ${SHORT_LIFETIME_S} s, clocks advanced in ${HOUR_STEP_S} s steps; includes the first page load's sessions.`),
  ];
}
