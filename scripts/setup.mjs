#!/usr/bin/env node
// Installs what `npm run dev` or `npm test` needs on a fresh machine, and nothing that is already
// there, so the README's two commands are the whole set-up. Node built-ins only: it runs before
// node_modules exists.
//
//   node scripts/setup.mjs           the demo: the root install
//   node scripts/setup.mjs --tests   every test: the root install, each test/ sub-install, Chromium
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const forTests = process.argv.includes('--tests');
// Lives inside node_modules, so deleting node_modules also forgets the install.
const STAMP = '.embedkit-install-stamp';

for (const dir of forTests ? [root, ...subInstalls(join(root, 'test'))] : [root]) installIfStale(dir);
if (forTests) ensureChromium();

/** Test folders with their own lockfile (React 18, framework apps, runtimes), at any depth. */
function subInstalls(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (existsSync(join(path, 'package-lock.json'))) found.push(path);
    found.push(...subInstalls(path));
  }
  return found;
}

/** `npm ci` unless the lockfile is the one installed last time (its hash is kept in a stamp). */
function installIfStale(dir) {
  const hash = createHash('sha256')
    .update(readFileSync(join(dir, 'package.json')))
    .update(readFileSync(join(dir, 'package-lock.json')))
    .digest('hex');
  const stamp = join(dir, 'node_modules', STAMP);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  const name = relative(root, dir) || 'the repository';
  log(`installing ${name}'s dependencies (npm ci)`);
  run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir }, `npm ci failed in ${name}. Fix the error above and rerun.`);
  writeFileSync(stamp, hash);
}

/**
 * Playwright runs Debian's Chromium at /usr/bin/chromium when it exists (test/playwright/chromium.ts),
 * else its own download. A browser that is there but cannot start counts as missing.
 */
function ensureChromium() {
  const debian = '/usr/bin/chromium';
  if (starts(debian)) return;
  const own = playwrightChromium();
  if (own && starts(own)) return;

  if (commandWorks('apt-get', ['--version']) && (process.getuid?.() === 0 || commandWorks('sudo', ['-n', 'true']))) {
    log("installing Debian's Chromium (apt-get)");
    const asRoot = process.getuid?.() === 0;
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    // dpkg's progress runs to hundreds of lines: kept, and shown only when something fails.
    let output = '';
    const apt = (args) => {
      const result = spawnSync(asRoot ? 'apt-get' : 'sudo', asRoot ? args : ['-n', 'apt-get', ...args], { env, encoding: 'utf8' });
      output += `${result.stdout ?? ''}${result.stderr ?? ''}`;
      return result.status === 0;
    };
    if (apt(['update', '-qq']) && apt(['install', '-y', '-qq', 'chromium']) && starts(debian)) return;
    console.error(output.split('\n').slice(-20).join('\n'));
    log("apt-get could not install Chromium; trying Playwright's own download");
  }

  log("installing Playwright's Chromium (npx playwright install chromium)");
  const download = spawnSync('npx', ['playwright', 'install', 'chromium'], { cwd: root, stdio: 'inherit' });
  const downloaded = playwrightChromium();
  if (download.status === 0 && downloaded && starts(downloaded)) return;

  fail(
    'the tests need Chromium and none could be installed.\n' +
      '  Debian/Ubuntu:  sudo apt-get install chromium   (it must start as /usr/bin/chromium)\n' +
      '  elsewhere:      npx playwright install --with-deps chromium   (needs access to Playwright\'s download host)\n' +
      'then run `npm test` again.',
  );
}

/** The path where Playwright keeps its own Chromium, whether or not it was downloaded. */
function playwrightChromium() {
  try {
    const require = createRequire(join(root, 'package.json'));
    return require('playwright-core').chromium.executablePath();
  } catch {
    return undefined;
  }
}

function starts(executable) {
  return existsSync(executable) && commandWorks(executable, ['--headless', '--no-sandbox', '--version']);
}

function commandWorks(command, args) {
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 30_000 });
  return result.status === 0;
}

function run(command, args, options, failure) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) fail(failure);
}

function log(message) {
  console.log(`[setup] ${message}`);
}

function fail(message) {
  console.error(`[setup] ${message}`);
  process.exit(1);
}
