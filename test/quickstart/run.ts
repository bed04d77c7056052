/**
 * `npm run test:quickstart`: the README's quick start, done as a newcomer would, on the packed
 * package. Scaffolds a fresh Vite app with the README's own command, installs with the README's
 * install line (embedkit from `npm pack`), writes the README's `file=` blocks into it, builds it
 * (the template's `tsc -b && vite build`, so its strict tsconfig checks the snippets too), serves
 * it with `vite preview` on the sandbox and opens it in Chromium: a Connect component must render.
 * Then the same on `vite` (dev), which is what the README tells the reader to run.
 *
 * Nothing is copied from the README into this file: change the quick start and this test follows.
 * The app lives outside the repository, so it resolves only what it installed. Its node_modules
 * and lockfile are kept between runs under a stamp of the template's package.json and the install
 * line, so a warm run only swaps in the new tarball. Needs `npm run build` first and the npm registry.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { extractCodeBlocks, quickStartFiles } from '../../scripts/gates/docCodeBlocks';
import { chromiumLaunchOptions } from '../playwright/chromium';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * First port tried (the docs helper's range 6600–6699, clear of the Playwright suite's fixed
 * ports); Vite takes the next free one when it is busy, e.g. with two checkouts testing at once.
 */
const FIRST_PORT = 6601;
/** One cache per checkout, so two checkouts never swap trees under each other. */
const cache = join(tmpdir(), `embedkit-quickstart-cache-${createHash('sha256').update(root).digest('hex').slice(0, 8)}`);
const work = mkdtempSync(join(tmpdir(), 'embedkit-quickstart-'));
const timings: [string, number][] = [];

/** Runs a shell command, its output shown only if it fails. */
function sh(command: string, cwd: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', command], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done(output) : fail(new Error(`\`${command}\` in ${cwd} exited with ${code}:\n${output}`))));
  });
}

async function step<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await run();
  timings.push([name, (performance.now() - started) / 1000]);
  console.log(`quickstart: ${name} (${timings.at(-1)![1].toFixed(1)} s)`);
  return result;
}

/** The README's shell blocks: the one that scaffolds (`npm create --yes vite …`, `cd dir`) and the install line. */
function readmeCommands(): { scaffold: string[]; appDir: string; install: string } {
  const shell = extractCodeBlocks(readFileSync(join(root, 'README.md'), 'utf8'), 'README.md').filter((b) => b.lang === 'sh' && !b.file);
  const scaffoldBlock = shell.find((b) => /^npm create (--yes )?vite/m.test(b.code));
  const install = shell.find((b) => /^npm install embedkit /.test(b.code))?.code.trim();
  const lines = scaffoldBlock?.code.split('\n').map((line) => line.trim()).filter(Boolean) ?? [];
  const appDir = lines.find((line) => line.startsWith('cd '))?.slice(3).trim();
  if (!scaffoldBlock || !install || !appDir) {
    throw new Error('quickstart: README.md needs a ```sh block with `npm create vite …` and `cd <dir>`, and one starting `npm install embedkit `.');
  }
  return { scaffold: lines.filter((line) => !line.startsWith('cd ')), appDir, install };
}

/** Serves the app with `vite preview` (the build) or `vite` (dev, what the README runs) and resolves once it listens. */
async function serve(app: string, mode: 'preview' | 'dev'): Promise<{ server: ChildProcess; url: string }> {
  const args = [...(mode === 'preview' ? ['preview'] : []), '--host', '127.0.0.1', '--port', String(FIRST_PORT)];
  const server = spawn(join(app, 'node_modules/.bin/vite'), args, {
    cwd: app,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const url = await new Promise<string>((ready, fail) => {
    server.on('exit', (code) => fail(new Error(`vite ${mode} exited with ${code}:\n${output}`)));
    const gaveUp = setTimeout(() => fail(new Error(`vite ${mode} printed no URL within 60 s:\n${output}`)), 60_000);
    // Vite prints its URL once it listens, coloured where CI is set (picocolors reads it): strip
    // the colour codes, or the bold port hides the URL and this waits for ever.
    server.stdout!.on('data', () => {
      const listening = /http:\/\/127\.0\.0\.1:\d+\//.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
      if (listening) {
        clearTimeout(gaveUp);
        ready(listening[0]);
      }
    });
  });
  return { server, url };
}

/** Opens the page in Chromium and waits for the sandbox's payments table in `<stripe-connect-payments>`. */
async function connectRenders(browser: Browser, mode: string, url: string): Promise<void> {
  const page = await browser.newPage();
  try {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page
      .locator('stripe-connect-payments')
      .getByRole('table')
      .waitFor({ state: 'visible', timeout: 30_000 })
      .catch(async (error: unknown) => {
        const shown = (await page.locator('body').innerText().catch(() => '')).trim().slice(0, 500);
        throw new Error(`vite ${mode}: ${error instanceof Error ? error.message : error}\nThe page showed: ${shown || '(nothing)'}`);
      });
    if (errors.length > 0) throw new Error(`vite ${mode}: the page threw: ${errors.join('; ')}`);
  } finally {
    await page.close();
  }
}

const servers: ChildProcess[] = [];
let browser: Browser | undefined;
let app: string | undefined;
let stamp = '';
let installed = false;
let failed = false;
const started = performance.now();
try {
  const { scaffold, appDir, install } = readmeCommands();
  const tarball = await step('npm pack', async () => {
    const [packed] = JSON.parse(await sh(`npm pack --json --pack-destination ${JSON.stringify(work)}`, root)) as { filename: string }[];
    return join(work, packed!.filename);
  });
  app = join(work, appDir);
  // As a script runs it: no terminal, and an empty npm cache, so create-vite is not there yet and
  // npm must be told to fetch it. The README's line has to say so itself (`npm create --yes …`).
  await step('scaffold (README)', () => sh(scaffold.join('\n'), work, { npm_config_yes: 'false', npm_config_cache: join(work, 'npm-cache') }));

  stamp = createHash('sha256').update(readFileSync(join(app, 'package.json'))).update(install).update(process.version).digest('hex');
  const warm = existsSync(join(cache, 'node_modules')) && existsSync(join(cache, 'stamp')) && readFileSync(join(cache, 'stamp'), 'utf8') === stamp;
  if (warm) {
    renameSync(join(cache, 'node_modules'), join(app, 'node_modules'));
    cpSync(join(cache, 'package-lock.json'), join(app, 'package-lock.json'));
  }
  // The README's install line, with embedkit from the tarball instead of the registry.
  const command = install.replace(/^npm install embedkit /, `npm install ${JSON.stringify(tarball)} `);
  await step(`install (README, ${warm ? 'warm' : 'cold'})`, () => sh(`${command} --no-audit --no-fund`, app!));
  installed = true;

  await step('write the quick start files', () => {
    for (const [file, block] of quickStartFiles()) {
      mkdirSync(dirname(join(app!, file)), { recursive: true });
      writeFileSync(join(app!, file), `${block.code}\n`);
    }
  });
  await step('npm run build (tsc -b && vite build)', () => sh('npm run build', app!));
  browser = await step('start Chromium', () => chromium.launch(chromiumLaunchOptions()));
  for (const mode of ['preview', 'dev'] as const) {
    const { server, url } = await step(`vite ${mode}`, () => serve(app!, mode));
    servers.push(server);
    await step(`Chromium on vite ${mode}: a Connect component renders`, () => connectRenders(browser!, mode, url));
  }
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
} finally {
  await browser?.close();
  for (const server of servers) server.kill();
  // Keep the installed tree for the next run, under the stamp it was installed for.
  if (app && installed) {
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache, { recursive: true });
    renameSync(join(app, 'node_modules'), join(cache, 'node_modules'));
    cpSync(join(app, 'package-lock.json'), join(cache, 'package-lock.json'));
    writeFileSync(join(cache, 'stamp'), stamp);
  }
  rmSync(work, { recursive: true, force: true });
}

const total = (performance.now() - started) / 1000;
console.log(`quickstart: ${failed ? 'FAILED' : 'passed'} in ${total.toFixed(1)} s (${timings.map(([name, s]) => `${name} ${s.toFixed(1)} s`).join(', ')})`);
process.exit(failed ? 1 : 0);
