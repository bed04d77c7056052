/**
 * `npm run bench`: every issue #7 row, measured side by side in this one process, printed as one
 * table and written to bench/results.json. It reports; it never fails on a slow figure.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ratioOf } from './BenchRow';
import { foldIn } from './foldIn';
import { formatTable } from './formatTable';
import { measureConnectRows } from './measureConnectRows';
import { measureSizes } from './measureSizes';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 10;
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs needs a positive integer, got ${process.argv[runsArg + 1]}.`);

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();

const rows = [
  ...(await measureConnectRows({ runs })),
  ...(await measureSizes()),
  ...(await foldIn(here('./sandbox.ts'), 'sandbox session create: latency and throughput')),
  ...(await foldIn(here('./server.ts'), 'server handler overhead vs the bare stripe SDK call')),
];

console.log(`\n${formatTable(rows)}\n`);
const results = {
  generatedAt: new Date().toISOString(),
  commit: git('rev-parse', 'HEAD'),
  // Uncommitted changes mean these figures may not belong to `commit`.
  dirty: git('status', '--porcelain', '--', 'src', 'bench', 'package.json').length > 0,
  machine: { node: process.version, platform: `${process.platform} ${process.arch}`, cpus: cpus().length },
  runsPerRow: runs,
  rows: rows.map((row) => ({ ...row, ratio: ratioOf(row) })),
};
writeFileSync(here('./results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('Wrote bench/results.json');
