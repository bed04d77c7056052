/**
 * `npm run bench:sandbox`: the sandbox REST server's speed and memory. Session create latency is
 * compared with a bare `node:http` handler measured in the same run through the same HTTP client,
 * so the ratio is what the sandbox itself costs on loopback. Figures are printed, never asserted.
 */
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createSandbox } from '../src/sandbox';
import type { BenchRow } from './BenchRow';
import { median } from './median';

const WARMUP = 200;

interface Target {
  port: number;
  path: string;
  body: string;
  headers: Record<string, string>;
}

/** One POST through a keep-alive agent; resolves to the status, rejects on a network error. */
function post(agent: Agent, target: Target, key?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: target.port,
        path: target.path,
        method: 'POST',
        agent,
        headers: { ...target.headers, 'Content-Length': Buffer.byteLength(target.body), ...(key && { 'Idempotency-Key': key }) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(target.body);
  });
}

async function sequentialMedian(agent: Agent, target: Target, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + runs; i++) {
    const started = performance.now();
    const status = await post(agent, target, `bench-${i}`);
    if (status !== 200) throw new Error(`bench: ${target.path} answered ${status}`);
    if (i >= WARMUP) times.push(performance.now() - started);
  }
  return median(times);
}

function loadGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Heap after a full collection, in MB. */
function heapMb(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** Creates `total` AccountSessions in process (SDK-style, each with its own Idempotency-Key) and samples the heap. */
async function memoryRun(total: number, options: { lifetimeSeconds?: number; advanceEvery?: number; advanceSeconds?: number }) {
  const gc = loadGc();
  const sandbox = createSandbox({ lifetimeSeconds: options.lifetimeSeconds ?? 1800 });
  const account = sandbox.state().seeded.accounts[0] ?? '';
  const body = `account=${account}&components[payments][enabled]=true&components[payouts][enabled]=true`;
  const headers = { Authorization: 'Bearer sk_test_bench', 'Content-Type': 'application/x-www-form-urlencoded' };
  const samples: { sessions: number; heapMb: number; live: number }[] = [{ sessions: 0, heapMb: heapMb(gc), live: 0 }];
  for (let i = 1; i <= total; i++) {
    const res = await sandbox.fetch(
      new Request('http://localhost/v1/account_sessions', { method: 'POST', headers: { ...headers, 'Idempotency-Key': `mem-${i}` }, body }),
    );
    if (res.status !== 200) throw new Error(`bench: create ${i} answered ${res.status}`);
    await res.arrayBuffer();
    if (options.advanceEvery && i % options.advanceEvery === 0) sandbox.control.advanceClock(options.advanceSeconds ?? 0);
    if (i === 10_000 || i === total / 2 || i === total) samples.push({ sessions: i, heapMb: heapMb(gc), live: sandbox.state().liveSessions });
  }
  return samples;
}

export interface SandboxBenchResult {
  createMedianMs: number;
  baselineMedianMs: number;
  concurrent: { requests: number; errors: number; wallMs: number; baselineWallMs: number; baselineErrors: number };
  memoryCapped: Awaited<ReturnType<typeof memoryRun>>;
  memoryExpiring: Awaited<ReturnType<typeof memoryRun>>;
}

export async function runSandboxBench(runs = 2000, memorySessions = 100_000, withExpiryRun = true): Promise<SandboxBenchResult> {
  const baselineServer = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => baselineServer.listen(0, '127.0.0.1', resolve));
  const sandbox = createSandbox();
  await sandbox.listen();
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  try {
    const account = sandbox.state().seeded.accounts[0] ?? '';
    const headers = { Authorization: 'Bearer sk_test_bench', 'Content-Type': 'application/x-www-form-urlencoded' };
    const create: Target = { port: sandbox.stripeConfig().port, path: '/v1/account_sessions', body: `account=${account}&components[payments][enabled]=true`, headers };
    const hello: Target = { ...create, port: (baselineServer.address() as AddressInfo).port, path: '/hello' };

    const baselineMedianMs = await sequentialMedian(agent, hello, runs);
    const createMedianMs = await sequentialMedian(agent, create, runs);

    // Each burst opens 1,000 fresh connections (new agents), as 1,000 concurrent SDK calls would.
    const burst = async (target: Target) => {
      const fresh = new Agent({ keepAlive: true, maxSockets: Infinity });
      const started = performance.now();
      const outcomes = await Promise.allSettled(Array.from({ length: 1000 }, (_, i) => post(fresh, target, `burst-${i}`)));
      const wallMs = performance.now() - started;
      fresh.destroy();
      return { wallMs, errors: outcomes.filter((o) => o.status === 'rejected' || o.value !== 200).length };
    };
    // Alternated, three of each: the first burst in a process pays for warming the socket machinery.
    const createBursts: { wallMs: number; errors: number }[] = [];
    const helloBursts: { wallMs: number; errors: number }[] = [];
    for (let i = 0; i < 3; i++) {
      helloBursts.push(await burst(hello));
      createBursts.push(await burst(create));
    }
    const errors = createBursts.reduce((sum, b) => sum + b.errors, 0);
    const wallMs = median(createBursts.map((b) => b.wallMs));
    const baselineBurst = { wallMs: median(helloBursts.map((b) => b.wallMs)), errors: helloBursts.reduce((sum, b) => sum + b.errors, 0) };

    agent.destroy();
    await sandbox.close();
    await new Promise<void>((resolve) => baselineServer.close(() => resolve()));
    return {
      createMedianMs,
      baselineMedianMs,
      concurrent: { requests: 1000, errors, wallMs, baselineWallMs: baselineBurst.wallMs, baselineErrors: baselineBurst.errors },
      memoryCapped: await memoryRun(memorySessions, {}),
      // Lifetime 60 s and the test clock moved 600 s every 1,000 creates: expiry eviction, not the cap, keeps it small.
      memoryExpiring: withExpiryRun ? await memoryRun(memorySessions, { lifetimeSeconds: 60, advanceEvery: 1000, advanceSeconds: 600 }) : [],
    };
  } finally {
    agent.destroy();
    await sandbox.close();
    baselineServer.close();
  }
}

const last = <T>(items: readonly T[]): T => items[items.length - 1] as T;

/** Folded into `npm run bench` (row 6 of the table). */
export async function measure(): Promise<BenchRow[]> {
  // The expiry run only feeds the standalone report; the table row needs the capped run.
  const r = await runSandboxBench(1000, 100_000, false);
  const capped = r.memoryCapped;
  return [
    {
      row: 6,
      metric: 'sandbox: POST /v1/account_sessions on loopback vs a bare node:http handler',
      unit: 'ms',
      embedkit: r.createMedianMs,
      baselineName: 'node:http hello',
      baseline: r.baselineMedianMs,
      runs: 1000,
      note:
        `1,000 concurrent creates: ${r.concurrent.errors} errors in ${r.concurrent.wallMs.toFixed(0)} ms (bare node:http: ${r.concurrent.baselineWallMs.toFixed(0)} ms); ` +
        `heap ${capped[1]?.heapMb.toFixed(1)} MB after 10,000 sessions, ${last(capped).heapMb.toFixed(1)} MB after 100,000 (cap ${last(capped).live} live)`,
    },
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await runSandboxBench();
  const mem = (label: string, samples: SandboxBenchResult['memoryCapped']) =>
    [`${label}`, ...samples.map((s) => `  after ${String(s.sessions).padStart(7)} sessions: heap ${s.heapMb.toFixed(1).padStart(6)} MB, ${s.live} live`)].join('\n');
  const capped = r.memoryCapped;
  console.log(
    [
      '',
      'embedkit sandbox bench (loopback, keep-alive node:http client, medians over 2,000 sequential requests)',
      `  POST /v1/account_sessions median: ${r.createMedianMs.toFixed(3)} ms (target < 2 ms)`,
      `  bare node:http hello median:      ${r.baselineMedianMs.toFixed(3)} ms`,
      `  ratio sandbox / baseline:         ${(r.createMedianMs / r.baselineMedianMs).toFixed(2)}×`,
      `  1,000 concurrent creates (x3):    ${r.concurrent.errors} errors, median ${r.concurrent.wallMs.toFixed(0)} ms wall on 1,000 new connections`,
      `  same bursts on node:http hello:   ${r.concurrent.baselineErrors} errors, ${r.concurrent.baselineWallMs.toFixed(0)} ms wall (ratio ${(r.concurrent.wallMs / r.concurrent.baselineWallMs).toFixed(2)}×)`,
      '',
      mem('Memory, defaults (maxSessions 10,000 caps what is kept):', capped),
      `  growth from 10,000 to 100,000 sessions: ${((last(capped).heapMb / (capped[1]?.heapMb ?? 1) - 1) * 100).toFixed(1)}%`,
      mem('Memory, lifetime 60 s with the test clock moving past expiry (eviction keeps it small):', r.memoryExpiring),
      '',
    ].join('\n'),
  );
}
