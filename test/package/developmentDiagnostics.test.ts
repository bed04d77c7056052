// Development-only diagnostics on the build (npm test builds first): what app bundlers make of
// `development() && process.env.NODE_ENV !== 'production'` in dist/, and what a browser gets when
// nothing replaced it.
import { build, type BuildOptions } from 'esbuild';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build as viteBuild } from 'vite';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { peerDependencies: Record<string, string> };

/** The source files under `dir`, tests left out. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test(-d)?\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

const GUARD = /development\(\) && process\.env\.NODE_ENV !== 'production'\s*\?\s*/.source;
/**
 * Every development-only sentence of the client code: after each
 * `development() && process.env.NODE_ENV !== 'production' ?`, the literal (its leading space left
 * out) up to its first `${`, or each literal of the properties `? { … } : {}` spreads in.
 */
const devTexts = ['core', 'react'].flatMap((dir) =>
  sources(resolve(root, 'src', dir)).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const sentences = [...text.matchAll(new RegExp(`${GUARD}(['\`]) ?([^\\s$'\`](?:(?!\\1|\\$\\{).)*)`, 'g'))].map((match) => match[2]!);
    const properties = [...text.matchAll(new RegExp(`${GUARD}\\{([\\s\\S]*?)\\}\\s*:\\s*\\{\\}`, 'g'))].flatMap((match) =>
      [...match[1]!.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((literal) => literal[1]!),
    );
    return [...sentences, ...properties].map((sentence) => sentence.replace(/\\'/g, "'"));
  }),
);
// The development-only code that is no sentence: the version check, the refusal hints.
const devMarkers = ['Version skew', "The server's CSRF check refused", 'The server failed or is rate limited'];

/** Every built module's text, by path under dist/. */
const built = Object.fromEntries(
  readdirSync(resolve(root, 'dist'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => [file, readFileSync(resolve(root, 'dist', file), 'utf8')]),
);

/**
 * dist/index.js bundled and minified as an app bundler does it, peers external, with NODE_ENV
 * `nodeEnv`. esbuild leaves the names as they are (the rest of its minification is on), so the
 * guard's calls can be counted.
 */
async function appBundle(bundler: 'esbuild' | 'vite', nodeEnv: string): Promise<string> {
  const entry = resolve(root, 'dist/index.js');
  const define = { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) };
  const external = (id: string) => Object.keys(pkg.peerDependencies).some((name) => id === name || id.startsWith(`${name}/`));
  if (bundler === 'vite') {
    // An app build (a library build would leave process.env alone): Rolldown and its minifier. It
    // keeps the entry's exports, as if the app used them all.
    const output = await viteBuild({
      configFile: false,
      root,
      mode: nodeEnv,
      logLevel: 'silent',
      define,
      build: { write: false, minify: true, modulePreload: false, rolldownOptions: { input: entry, external, preserveEntrySignatures: 'strict' } },
    });
    const chunk = (Array.isArray(output) ? output[0]! : (output as Exclude<typeof output, unknown[]>)) as { output: { type: string; isEntry?: boolean; code?: string }[] };
    return chunk.output.find((file) => file.type === 'chunk' && file.isEntry)!.code!;
  }
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minifySyntax: true,
    minifyWhitespace: true,
    charset: 'utf8',
    format: 'esm',
    platform: 'browser',
    write: false,
    external: Object.keys(pkg.peerDependencies),
    define,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('development-only diagnostics', () => {
  it('finds the development-only sentences it checks', () => {
    expect(devTexts.length).toBeGreaterThanOrEqual(20);
    for (const text of devTexts) expect(text.length).toBeGreaterThan(20);
  });

  it("leaves the guard in dist/ for the app's bundler to replace, each call marked side-effect free", () => {
    expect(built['core/requestSecret.js']).toContain('/* @__PURE__ */ development() && process.env.NODE_ENV !== "production"');
    const calls = Object.values(built).flatMap((code) => code.replace(/\/\*\*[\s\S]*?\*\//g, '').match(/(\/\* @__PURE__ \*\/ )?development\(\)(?! \{)/g) ?? []);
    expect(calls.length).toBeGreaterThanOrEqual(20);
    // Unmarked, a minifier would keep the call (and its module) where the branch after it folds away.
    expect(calls.filter((call) => !call.startsWith('/*'))).toEqual([]);
  });

  it.each(['esbuild', 'vite'] as const)('a production app build by %s carries none of them, and still says what failed', async (bundler) => {
    // One after the other: Vite's builds share the process.
    const production = await appBundle(bundler, 'production');
    const development = await appBundle(bundler, 'development');
    // Present in development, so their absence below is the minifier's doing.
    for (const text of [...devTexts, ...devMarkers]) expect(development.includes(text), `in development: ${text}`).toBe(true);
    for (const text of [...devTexts, ...devMarkers]) expect(production.includes(text), `in production: ${text}`).toBe(false);
    for (const text of ['fetchSecret function threw (see cause).', 'must be called inside <ConnectProvider>.', 'Stripe.js is not available to useFinancialConnections.']) {
      expect(production.includes(text), `in production: ${text}`).toBe(true);
    }
    // Nor the guard's calls: Vite drops the function too, esbuild keeps only its declaration.
    expect(production).not.toContain('process.env');
    expect(production.includes('try{return!1}catch{}')).toBe(bundler === 'esbuild');
    if (bundler === 'esbuild') expect(production.match(/\bdevelopment\(/g)).toEqual(['development(']);
  });
});

describe('in a browser (no process)', () => {
  /**
   * The core bundled as an app bundler does with `define` (none: no bundler), evaluated in a fresh
   * context with `process` set to `processGlobal` (or none).
   */
  async function loadCore(define: BuildOptions['define'], processGlobal?: object) {
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
      define,
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    expect(code.includes('process.env.NODE_ENV')).toBe(define === undefined);
    const context = vm.createContext({ AbortController, queueMicrotask, setTimeout, clearTimeout, ...(processGlobal && { process: processGlobal }) });
    vm.runInContext(code, context);
    expect(vm.runInContext('typeof process', context)).toBe(processGlobal ? 'object' : 'undefined');
    return context as { embedkitCore: typeof import('../../src/core/requestSecret.js') & typeof import('../../src/core/EmbedkitError.js') };
  }
  const noExpiry = () => ({ client_secret: 'accs_secret_x' }) as unknown as { client_secret: string; expires_at: number };
  const SHORT = 'The AccountSession endpoint fetchSecret function answered without expires_at.';
  const failure = async (context: Awaited<ReturnType<typeof loadCore>>) => {
    const error = await context.embedkitCore.requestSecret(noExpiry, 'account_session').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(context.embedkitCore.EmbedkitError);
    expect(error).toMatchObject({ code: 'invalid_response', field: 'expires_at' });
    return (error as Error).message;
  };

  it('a development build (NODE_ENV defined, no process global, as Vite and webpack serve it): development messages', async () => {
    expect(await failure(await loadCore({ 'process.env.NODE_ENV': '"development"' }))).toMatch(/^The AccountSession endpoint fetchSecret function answered without expires_at\. Return Stripe's expires_at/);
  });

  it('a production build: the short message', async () => {
    expect(await failure(await loadCore({ 'process.env.NODE_ENV': '"production"' }))).toBe(SHORT);
  });

  it('nothing defined (a browser, no bundler): loads, and errors carry the short message, no ReferenceError', async () => {
    expect(await failure(await loadCore(undefined))).toBe(SHORT);
  });

  it('nothing defined, with a process whose NODE_ENV is unset (Node, server rendering): development messages', async () => {
    expect(await failure(await loadCore(undefined, { env: {} }))).toMatch(/^The AccountSession endpoint fetchSecret function answered without expires_at\. Return Stripe's expires_at/);
  });
});
