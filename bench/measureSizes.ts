import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './BenchRow';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  exports: Record<string, { import?: string } | string>;
  peerDependencies?: Record<string, string>;
};
const peers = Object.keys(pkg.peerDependencies ?? {});

/** Per-part budgets of issue #13, shared with .size-limit.js (which enforces them). */
const { parts } = JSON.parse(readFileSync(resolve(root, 'bench/sizeBudgets.json'), 'utf8')) as {
  parts: Array<{ name: string; import: string; target: number; guard?: number }>;
};

/**
 * Bytes of what `names` of `file` pull in (everything it exports by default), bundled for the
 * browser, minified and gzipped, with `external` left out, and `process.env.NODE_ENV` defined as
 * `"production"` as app bundlers do for a production build (development-only code drops out).
 */
async function minGzip(file: string, external: string[], names = '*'): Promise<number> {
  const result = await build({
    stdin: { contents: `export ${names} from ${JSON.stringify(file)};`, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

/**
 * Row 5: the client entry against the official React bindings measured the same way
 * (`@stripe/react-connect-js` without its own peers) for scale, then each part of issue #13
 * against its target: what an app that uses one part ships, its bundler dropping the rest
 * (`sideEffects: false`). size-limit enforces these parts in `npm test` (at the `guard` or the
 * `target`, per .size-limit.js); this row reports every gap to the target either way.
 */
export async function measureSizes(): Promise<BenchRow[]> {
  const require = createRequire(import.meta.url);
  const official = await minGzip(require.resolve('@stripe/react-connect-js'), ['react', 'react-dom', '@stripe/connect-js']);
  const main = pkg.exports['.'];
  const built = typeof main === 'string' ? main : main?.import;
  if (!built) throw new Error('package.json has no "import" target for "." to measure.');
  const entry = resolve(root, built);
  const rows: BenchRow[] = [
    {
      row: 5,
      metric: 'size, whole embedkit entry vs the official React bindings (min+gzip, peers excluded, NODE_ENV=production)',
      unit: 'B',
      embedkit: await minGzip(entry, peers),
      baselineName: '@stripe/react-connect-js',
      baseline: official,
      runs: 1,
      note: 'deterministic: one build is the measurement; for scale only (the budget is the "whole embedkit entry" row below).',
    },
  ];
  // The parts as the gate measures them: size-limit's own figures, so row 5 and `npm run size`
  // never disagree (a second esbuild set-up here read up to ~150 B off, either way).
  const gate = sizeLimitFigures();
  for (const [index, part] of parts.entries()) {
    const size = gate[index]!;
    const gap = size - part.target;
    rows.push({
      row: 5,
      metric: `size, ${part.name}`,
      unit: 'B',
      embedkit: size,
      baselineName: 'target',
      baseline: part.target,
      runs: 1,
      note: `${gap > 0 ? `OVER TARGET by ${gap} B` : `within target, ${-gap} B to spare`}; export ${part.import}; ${part.guard === undefined ? 'size-limit enforces the target' : `size-limit enforces the regression guard ${part.guard} B until it fits`}.`,
    });
  }
  return rows;
}

/**
 * Each part's size from `size-limit --json` (its checks are bench/sizeBudgets.json's parts, in
 * order). It exits non-zero when a part is over its limit; the figures are printed all the same.
 */
function sizeLimitFigures(): number[] {
  let output: string;
  try {
    output = execFileSync('npx', ['size-limit', '--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    output = String((error as { stdout?: unknown }).stdout ?? '');
  }
  const checks = JSON.parse(output) as Array<{ size: number }>;
  if (checks.length !== parts.length) throw new Error(`size-limit reported ${checks.length} checks for ${parts.length} parts.`);
  return checks.map((check) => check.size);
}
