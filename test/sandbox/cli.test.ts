import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import Stripe from 'stripe';
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
  /** The URL the CLI prints once it listens (it prints nothing before that). */
  const listening = () =>
    new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (match?.[1]) {
          clearInterval(timer);
          resolve(match[1]);
        }
      }, 20);
      void exited.then(() => {
        clearInterval(timer);
        reject(new Error(`the CLI exited early: ${stderr}`));
      });
    });
  return { child, exited, output, listening };
}

describe('embedkit-sandbox CLI', () => {
  it('prints its URL and the SDK config, answers Stripe requests, and stops cleanly on SIGTERM', async () => {
    const { child, exited, output, listening } = run(['--port', '0', '--seed', '7']);
    const url = await listening();
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

  it('--forward-to prints the signing secret and forwards every event, signed, like stripe listen', async () => {
    const bodies: { body: string; signature: string }[] = [];
    let arrived: () => void = () => {};
    const first = new Promise<void>((resolve) => (arrived = resolve));
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        bodies.push({ body, signature: String(req.headers['stripe-signature']) });
        res.writeHead(200).end();
        arrived();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    const { child, exited, output, listening } = run(['--port', '0', '--forward-to', hook]);
    try {
      const url = await listening();
      const secret = /Your webhook signing secret is (whsec_\w+)/.exec(output().stdout)?.[1] ?? '';
      expect(secret).toMatch(/^whsec_/);
      expect(output().stdout).toContain(`Forwarding every event to ${hook}`);
      const { hostname, port } = new URL(url);
      const stripe = new Stripe('sk_test_cli', { host: hostname, port: Number(port), protocol: 'http' });
      const intent = await stripe.paymentIntents.create({ amount: 100, currency: 'usd' });
      await first;
      const event = stripe.webhooks.constructEvent(bodies[0]?.body ?? '', bodies[0]?.signature ?? '', secret);
      expect(event).toMatchObject({ type: 'payment_intent.created', data: { object: { id: intent.id } } });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      server.close();
    }
  }, 20_000);

  it('refuses a --forward-to off this machine unless --allow-webhook-host allows it', async () => {
    const { exited, output } = run(['--port', '0', '--forward-to', 'http://10.1.2.3/hook']);
    expect(await exited).toBe(2);
    expect(output().stderr).toContain('--allow-webhook-host 10.1.2.3');
  }, 20_000);
});
