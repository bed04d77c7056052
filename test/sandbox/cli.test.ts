import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../src/sandbox/cli.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

function run(args: string[]) {
  const child = spawn(tsx, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const output = () => ({ stdout, stderr });
  return { child, exited, output };
}

describe('embedkit-sandbox CLI', () => {
  it('prints its URL and the SDK config, answers Stripe requests, and stops cleanly on SIGTERM', async () => {
    const { child, exited, output } = run(['--port', '0', '--seed', '7']);
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output().stdout);
        if (match?.[1]) {
          clearInterval(timer);
          resolve(match[1]);
        }
      }, 20);
      void exited.then(() => {
        clearInterval(timer);
        reject(new Error(`the CLI exited early: ${output().stderr}`));
      });
    });
    const port = new URL(url).port;
    expect(output().stdout).toContain(`new Stripe('sk_test_123', { host: '127.0.0.1', port: ${port}, protocol: 'http' })`);
    const res = await fetch(`${url}/v1/accounts`, { headers: { Authorization: 'Bearer sk_test_cli' } });
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: { id: string }[] };
    expect(output().stdout).toContain(data[1]?.id);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 20_000);

  it('refuses a bad option with exit code 2 and the usage', async () => {
    const { exited, output } = run(['--port', 'abc']);
    expect(await exited).toBe(2);
    expect(output().stderr).toContain('--port must be an integer >= 0, received "abc"');
    expect(output().stderr).toContain('Usage: embedkit-sandbox');
  }, 20_000);

  it('takes --allow-origin as an origin, and says how to write one', async () => {
    const { exited, output } = run(['--port', '0', '--allow-origin', 'dev.example.test']);
    expect(await exited).toBe(2);
    expect(output().stderr).toContain('allowedOrigins must list origins such as https://dev.example.test');
    expect(output().stderr).toContain('--allow-origin');
  }, 20_000);
});
