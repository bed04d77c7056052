/**
 * Gets the framework apps ready for their Playwright run, the way a user's app gets embedkit:
 * packs the current build (`npm pack`, after `npm run build`), installs that tarball into each
 * app (skipped when the same tarball is installed already), and builds the Next.js app once.
 * The apps' own dependencies come from their lockfiles through scripts/setup.mjs (`npm ci`).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ports, urlOf } from './ports';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
// `tsx prepare.ts next` prepares only that app.
const apps = (process.argv.length > 2 ? process.argv.slice(2) : ['next', 'react-router']).map((name) => join(here, name));
const STAMP = '.embedkit-tarball-stamp';

/** What the Next.js app is built with: `next build` inlines NEXT_PUBLIC_ values and prerenders static pages. */
export const nextEnv = {
  EMBEDKIT_SANDBOX_URL: urlOf(ports.nextSandbox),
  NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_test_embedkitsandbox',
  NEXT_TELEMETRY_DISABLED: '1',
};

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const run = (command: string, args: string[], cwd: string, env: Record<string, string> = {}) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });

function main() {
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('test/frameworks: dist/ is missing; run `npm run build` first.');
  for (const app of apps) {
    if (!existsSync(join(app, 'node_modules'))) throw new Error(`test/frameworks: ${relative(root, app)} is not installed; run \`node scripts/setup.mjs --tests\` first.`);
  }

  let started = performance.now();
  const pack = join(here, '.pack');
  rmSync(pack, { recursive: true, force: true });
  mkdirSync(pack);
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', pack], { cwd: root, encoding: 'utf8' })) as { filename: string }[];
  const tarball = join(pack, packed!.filename);
  const hash = createHash('sha256').update(readFileSync(tarball)).digest('hex');
  console.log(`[frameworks] packed ${packed!.filename} (${seconds(started)})`);

  for (const app of apps) {
    const stamp = join(app, 'node_modules', STAMP);
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) continue;
    started = performance.now();
    // --no-save: the app's package.json and lockfile stay as committed; npm ci (setup.mjs) starts over from them.
    run('npm', ['install', '--no-save', '--no-audit', '--no-fund', tarball], app);
    writeFileSync(stamp, hash);
    console.log(`[frameworks] installed the tarball into ${relative(root, app)} (${seconds(started)})`);
  }

  if (apps.includes(join(here, 'react-router'))) {
    // Its dev server does not type-check; docs/react-router.md shows these files, so check them here.
    started = performance.now();
    run('npx', ['tsc', '-p', '.'], join(here, 'react-router'));
    console.log(`[frameworks] react-router: tsc (${seconds(started)})`);
  }
  if (apps.includes(join(here, 'next'))) {
    // Type-checks too (docs/nextjs.md shows these files).
    started = performance.now();
    run('npx', ['next', 'build'], join(here, 'next'), nextEnv);
    console.log(`[frameworks] next build (${seconds(started)})`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
