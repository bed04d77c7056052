/**
 * Starts the app (app.ts) on each runtime of the matrix, each on its own loopback port.
 * The runtimes come from this folder's own install (package.json here; .npmrc turns install
 * scripts off, so the result is the same whether or not npm would hold them back): bun and deno
 * run from their platform packages directly, and miniflare finds workerd's the same way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { EdgeRuntime, runServer } from 'edge-runtime';
import { Miniflare } from 'miniflare';
import { toNodeHandler } from '../../dist/server/index.js';
import { createApp, type AppConfig } from './app.js';

export interface RunningRuntime {
  readonly url: string;
  stop(): Promise<void>;
}

/** The fixed ports of this suite (its range is 6200–6299). */
export const PORTS = { sandbox: 6200, node: 6201, workerd: 6202, edge: 6203, bun: 6204, deno: 6205 } as const;
const HOST = '127.0.0.1';
const requireHere = createRequire(import.meta.url);

/** `node:http` through toNodeHandler: the reference every other runtime is compared with. */
export async function startNode(config: AppConfig): Promise<RunningRuntime> {
  const server = createServer(toNodeHandler(createApp(config)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(PORTS.node, HOST, resolve);
  });
  return {
    url: `http://${HOST}:${PORTS.node}`,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A classic script: the bundle, then `app` built from the config (every runtime but Node runs this). */
function appScript(bundle: string, config: AppConfig): string {
  return `${bundle}\nconst app = globalThis.createEmbedkitApp(${JSON.stringify(config)});\n`;
}
const FETCH_EVENT = `addEventListener('fetch', (event) => event.respondWith(app(event.request)));\n`;

/** workerd through miniflare, in the service-worker format. */
export async function startWorkerd(bundle: string, config: AppConfig): Promise<RunningRuntime> {
  const mf = new Miniflare({ script: appScript(bundle, config) + FETCH_EVENT, host: HOST, port: PORTS.workerd, compatibilityDate: '2026-04-01' });
  await mf.ready;
  return { url: `http://${HOST}:${PORTS.workerd}`, stop: () => mf.dispose() };
}

/** Vercel's edge-runtime package: its VM and its own node:http server. */
export async function startEdge(bundle: string, config: AppConfig): Promise<RunningRuntime> {
  const runtime = new EdgeRuntime({ initialCode: appScript(bundle, config) + FETCH_EVENT });
  const server = await runServer({ runtime, host: HOST, port: PORTS.edge });
  return { url: `http://${HOST}:${PORTS.edge}`, stop: () => server.close() };
}

/** Bun.serve, from the `bun` package's platform binary. */
export function startBun(bundle: string, config: AppConfig): Promise<RunningRuntime> {
  const serve = `Bun.serve({ hostname: '${HOST}', port: ${PORTS.bun}, fetch: app });\nconsole.log('ready');\n`;
  return startProcess('bun', PORTS.bun, appScript(bundle, config) + serve, (script) => ({
    args: ['run', '--no-install', script],
    env: { DO_NOT_TRACK: '1', BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0' },
  }));
}

/** Deno.serve, from the `deno` package's platform binary, allowed only loopback network access. */
export function startDeno(bundle: string, config: AppConfig): Promise<RunningRuntime> {
  const serve = `Deno.serve({ hostname: '${HOST}', port: ${PORTS.deno}, onListen: () => console.log('ready') }, app);\n`;
  return startProcess('deno', PORTS.deno, appScript(bundle, config) + serve, (script, dir) => ({
    args: ['run', '--quiet', '--no-prompt', '--no-config', '--no-lock', `--allow-net=${HOST}`, script],
    env: { DENO_DIR: join(dir, 'deno-dir'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
  }));
}

/** Where each platform package keeps its binary (the postinstall scripts would only move it). */
const BINARIES: Record<'bun' | 'deno', Partial<Record<string, string>>> = {
  bun: { 'linux-x64': '@oven/bun-linux-x64/bin/bun', 'linux-arm64': '@oven/bun-linux-aarch64/bin/bun' },
  deno: { 'linux-x64': '@deno/linux-x64-glibc/deno', 'linux-arm64': '@deno/linux-arm64-glibc/deno' },
};

function binaryOf(name: 'bun' | 'deno'): string {
  const platform = `${process.platform}-${process.arch}`;
  const path = BINARIES[name][platform];
  if (path === undefined) throw new Error(`The runtime matrix has no ${name} binary for ${platform}: add its platform package to BINARIES in test/runtimes/runtimes.ts.`);
  const packageName = path.split('/').slice(0, 2).join('/');
  return join(dirname(requireHere.resolve(`${packageName}/package.json`)), path.split('/').slice(2).join('/'));
}

/** Runs the script with the runtime's binary and resolves once it prints "ready". */
function startProcess(
  name: 'bun' | 'deno',
  port: number,
  script: string,
  command: (scriptPath: string, dir: string) => { args: string[]; env: Record<string, string> },
): Promise<RunningRuntime> {
  const dir = mkdtempSync(join(tmpdir(), `embedkit-matrix-${name}-`));
  const scriptPath = join(dir, 'server.js');
  writeFileSync(scriptPath, script);
  const { args, env } = command(scriptPath, dir);
  const child: ChildProcess = spawn(binaryOf(name), args, { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  return new Promise<RunningRuntime>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) resolve({ url: `http://${HOST}:${port}`, stop });
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`${name} exited (${code ?? signal}) before listening:\n${output}`)));
  });
}
