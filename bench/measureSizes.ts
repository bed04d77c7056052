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
  for (const part of parts) {
    const size = await minGzip(entry, peers, part.import);
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
