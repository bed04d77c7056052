// Development-only diagnostics on the build (npm test builds first): what an app bundler makes of
// `process.env.NODE_ENV` in dist/, and what a browser gets when nothing replaced it.
import { build } from 'esbuild';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { peerDependencies: Record<string, string> };
const DEV_ONLY = "process.env.NODE_ENV !== 'production' &&";

/** The source files under `dir`, tests left out. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test(-d)?\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every development-only sentence of the client code: the literal after each `DEV_ONLY` up to its first `${`. */
const devTexts = ['core', 'react'].flatMap((dir) =>
  sources(resolve(root, 'src', dir)).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/process\.env\.NODE_ENV !== 'production' &&\s*(['`])((?:(?!\1|\$\{).)+)/g)].map((match) =>
      match[2]!.replace(/\\'/g, "'"),
    ),
  ),
);
// The development-only code that is no sentence: the version check, the refusal hints.
const devMarkers = ['Version skew', "The server's CSRF check refused", 'The server failed or is rate limited'];

/** dist/index.js bundled and minified as an app bundler does it, peers external, with NODE_ENV `nodeEnv`. */
async function appBundle(nodeEnv: string): Promise<string> {
  const result = await build({
    entryPoints: [resolve(root, 'dist/index.js')],
    bundle: true,
    minify: true,
    charset: 'utf8',
    format: 'esm',
    platform: 'browser',
    write: false,
    external: Object.keys(pkg.peerDependencies),
    define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('development-only diagnostics', () => {
  it('finds the development-only sentences it checks', () => {
    expect(devTexts.length).toBeGreaterThanOrEqual(15);
    for (const text of devTexts) expect(text.length).toBeGreaterThan(20);
  });

  it("leaves process.env.NODE_ENV in dist/ for the app's bundler to replace", () => {
    const built = readFileSync(resolve(root, 'dist/core/requestSecret.js'), 'utf8');
    expect(built).toContain('process.env.NODE_ENV !== "production"');
  });

  it('a production app build carries none of them, and still says what failed', async () => {
    const [production, development] = await Promise.all([appBundle('production'), appBundle('development')]);
    // Present in development, so their absence below is the minifier's doing.
    for (const text of [...devTexts, ...devMarkers]) expect(development.includes(text), `in development: ${text}`).toBe(true);
    for (const text of [...devTexts, ...devMarkers]) expect(production.includes(text), `in production: ${text}`).toBe(false);
    for (const text of ['fetchSecret function threw (see cause).', 'must be called inside <ConnectProvider>.', 'Stripe.js is not available to useFinancialConnections.']) {
      expect(production.includes(text), `in production: ${text}`).toBe(true);
    }
  });
});

describe('where nothing defined process.env.NODE_ENV', () => {
  /** The core, bundled without any define, evaluated in a fresh context with `process` set to `processGlobal` (or none). */
  async function loadCore(processGlobal?: object) {
    const result = await build({
      stdin: {
        contents: "export { requestSecret } from './dist/core/requestSecret.js'; export { EmbedkitError } from './dist/core/EmbedkitError.js';",
        resolveDir: root,
        loader: 'js',
      },
      bundle: true,
      format: 'iife',
      globalName: 'embedkitCore',
      platform: 'neutral',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    expect(code).toContain('process.env.NODE_ENV');
    const context = vm.createContext({ AbortController, queueMicrotask, setTimeout, clearTimeout, ...(processGlobal && { process: processGlobal }) });
    vm.runInContext(code, context);
    return context as { embedkitCore: typeof import('../../src/core/requestSecret.js') & typeof import('../../src/core/EmbedkitError.js') };
  }
  const noExpiry = () => ({ client_secret: 'accs_secret_x' }) as unknown as { client_secret: string; expires_at: number };

  it('without process (a browser, no bundler): loads, and errors carry the short message, no ReferenceError', async () => {
    const context = await loadCore();
    expect(vm.runInContext('typeof process', context)).toBe('undefined');
    const error = await context.embedkitCore.requestSecret(noExpiry, 'account_session').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(context.embedkitCore.EmbedkitError);
    expect(error).toMatchObject({ code: 'invalid_response', field: 'expires_at', message: 'The AccountSession endpoint fetchSecret function answered without expires_at.' });
  });

  it('with a process whose NODE_ENV is unset (Node, server rendering): development messages', async () => {
    const context = await loadCore({ env: {} });
    const error = (await context.embedkitCore.requestSecret(noExpiry, 'account_session').catch((caught: unknown) => caught)) as Error;
    expect(error.message).toMatch(/^The AccountSession endpoint fetchSecret function answered without expires_at\. Return Stripe's expires_at/);
  });
});
