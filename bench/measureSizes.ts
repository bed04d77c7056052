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
// Entries that run in the browser. The others (server, sandbox) are Node code whose size nobody ships.
const clientSubpaths = ['.'];

/**
 * Bytes of what `names` of `file` pull in (everything it exports by default), bundled for the
 * browser, minified and gzipped, with `external` left out.
 */
async function minGzip(file: string, external: string[], names = '*'): Promise<number> {
  const result = await build({
    stdin: { contents: `export ${names === '*' ? '*' : `{ ${names} }`} from ${JSON.stringify(file)};`, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external,
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

/**
 * Row 5: each client entry's size, peers excluded, against the official React bindings measured
 * the same way (`@stripe/react-connect-js` without its own peers) for scale. The budget is
 * enforced by size-limit in `npm test`; this row only reports.
 */
export async function measureSizes(): Promise<BenchRow[]> {
  const require = createRequire(import.meta.url);
  const official = await minGzip(require.resolve('@stripe/react-connect-js'), ['react', 'react-dom', '@stripe/connect-js']);
  const rows: BenchRow[] = [];
  for (const subpath of clientSubpaths) {
    const target = pkg.exports[subpath];
    const built = typeof target === 'string' ? target : target?.import;
    const name = subpath === '.' ? 'embedkit' : `embedkit/${subpath.slice(2)}`;
    rows.push({
      row: 5,
      metric: `${name} size, min+gzip, peers excluded (budget 4 kB)`,
      unit: 'B',
      embedkit: built ? await minGzip(resolve(root, built), peers) : null,
      baselineName: '@stripe/react-connect-js',
      baseline: official,
      runs: 1,
      note: built ? 'deterministic: one build is the measurement' : `no "import" target for ${subpath} in package.json`,
    });
  }
  // What an app that uses one part of the kit ships: its bundler drops the rest (sideEffects: false).
  const main = pkg.exports['.'];
  const mainBuilt = resolve(root, (typeof main === 'string' ? main : main?.import) ?? 'dist/index.js');
  const parts: Array<[string, string]> = [
    ['Connect embedded components', 'ConnectProvider, ConnectPayments'],
    ['CustomerSession (saved cards)', 'useCustomerSession'],
    ['Financial Connections', 'useFinancialConnections'],
    ['pricing table', 'PricingTable'],
  ];
  for (const [part, names] of parts) {
    rows.push({
      row: 5,
      metric: `embedkit, ${part} only: ${names}`,
      unit: 'B',
      embedkit: await minGzip(mainBuilt, peers, names),
      baselineName: 'budget 4 kB',
      baseline: 4000,
      runs: 1,
      note: 'tree-shaken as an app bundler would: for scale, since the 4 kB budget is for the whole entry',
    });
  }
  return rows;
}
