// An optional peer is optional for real: an app that has not installed @tanstack/react-query
// bundles `embedkit` (run `npm run build` first; npm test builds first). Only the opt-in subpath
// `embedkit/tanstack-query` needs it.
import { build, type Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { peerDependencies: Record<string, string> };

/** A package the app has not installed: resolving it fails, as in an app bundler. */
const notInstalled = (name: string): Plugin => ({
  name: 'not-installed',
  setup(bundler) {
    bundler.onResolve({ filter: new RegExp(`^${name}(/|$)`) }, () => ({ errors: [{ text: `Could not resolve "${name}" (not installed)` }] }));
  },
});

/** What a browser bundle of the main entry may import: React and the Stripe browser packages. */
const BROWSER_PEERS = ['react', 'react-dom', '@stripe/connect-js', '@stripe/react-connect-js', '@stripe/stripe-js', '@stripe/react-stripe-js'];

/** `entry` of dist/ bundled as an app without `missing` does it; the packages it imports, or the errors. */
async function bundleWithout(entry: string, missing: string): Promise<{ imports: string[] } | { errors: string[] }> {
  try {
    const result = await build({
      entryPoints: [resolve(root, 'dist', entry)],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      external: Object.keys(pkg.peerDependencies).filter((name) => name !== missing),
      plugins: [notInstalled(missing)],
      logLevel: 'silent',
    });
    const output = Object.values(result.metafile.outputs)[0]!;
    const packageOf = (path: string) => path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/');
    return { imports: [...new Set(output.imports.filter((i) => i.external).map((i) => packageOf(i.path)))].sort() };
  } catch (error) {
    return { errors: (error as { errors: { text: string }[] }).errors.map((e) => e.text) };
  }
}

describe('@tanstack/react-query is needed only by embedkit/tanstack-query', () => {
  it('the main entry bundles without it, importing only React and the Stripe browser packages', async () => {
    const main = await bundleWithout('index.js', '@tanstack/react-query');
    expect(main).toEqual({ imports: expect.arrayContaining(['react', '@stripe/connect-js']) });
    expect((main as { imports: string[] }).imports.filter((name) => !BROWSER_PEERS.includes(name))).toEqual([]);
  });

  it('embedkit/tanstack-query does not bundle without it (the check above sees what is missing)', async () => {
    expect(await bundleWithout('tanstack-query.js', '@tanstack/react-query')).toEqual({ errors: ['Could not resolve "@tanstack/react-query" (not installed)'] });
    expect(await bundleWithout('tanstack-query.js', 'none')).toMatchObject({ imports: expect.arrayContaining(['@tanstack/react-query', 'react']) });
  });
});
