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
import { measureOr } from './measureOr';
import { measureSizes } from './measureSizes';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 10;
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs needs a positive integer, got ${process.argv[runsArg + 1]}.`);

// `--rows 1,2` measures only those rows (for iterating on one figure); results.json is then not written.
const rowsArg = process.argv.indexOf('--rows');
const only = rowsArg > 0 ? process.argv[rowsArg + 1]!.split(',').map(Number) : null;
if (only && !only.every((row) => Number.isInteger(row) && row >= 1 && row <= 6)) throw new Error(`--rows takes row numbers 1-6, got ${process.argv[rowsArg + 1]}.`);
const wanted = (row: number) => only === null || only.includes(row);

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();

const connectRows = [1, 2, 3, 4].filter(wanted);
const rows = [
  ...(connectRows.length > 0 ? await measureOr(connectRows, 'Connect rows (comparison pages in Chromium)', () => measureConnectRows({ runs, rows: connectRows })) : []),
  ...(wanted(5) ? await measureOr([5], 'sizes', measureSizes) : []),
  ...(wanted(6) ? await measureOr([6], 'sandbox session create', () => foldIn(here('./sandbox.ts'), 'sandbox session create: latency and throughput')) : []),
  ...(wanted(6) ? await measureOr([6], 'server handler overhead', () => foldIn(here('./server.ts'), 'server handler overhead vs the bare stripe SDK call')) : []),
];

console.log(`\n${formatTable(rows)}\n`);
if (only) {
  console.log('Only some rows were measured: bench/results.json is left as it was.');
  process.exit(0);
}
const results = {
  generatedAt: new Date().toISOString(),
  commit: git('rev-parse', 'HEAD'),
  // Uncommitted changes mean these figures may not belong to `commit` (an earlier run's results.json does not count).
  dirty: git('status', '--porcelain', '--', 'src', 'bench', 'package.json', ':!bench/results.json').length > 0,
  machine: { node: process.version, platform: `${process.platform} ${process.arch}`, cpus: cpus().length },
  runsPerRow: runs,
  rows: rows.map((row) => ({ ...row, ratio: ratioOf(row) })),
};
writeFileSync(here('./results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('Wrote bench/results.json');
