#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createSandbox } from './engine/createSandbox.js';
import { CONTROL_ROUTES } from './protocol.js';

const USAGE = `Usage: embedkit-sandbox [--port 12111] [--host 127.0.0.1] [--seed 42] [--lifetime 1800] [--latency 0]
                        [--allow-host NAME]... [--allow-origin ORIGIN]...
                        [--forward-to URL] [--allow-webhook-host NAME]...

An offline Stripe for the endpoints embedkit uses. Options:
  --port          TCP port (0 = any free port)             default 12111
  --host          interface to listen on                   default 127.0.0.1
  --seed          seed of the demo data                    default 42
  --lifetime      AccountSession/CustomerSession lifetime  default 1800 (seconds)
  --latency       latency added to every request (ms)      default 0
  --allow-host    answer this Host too (e.g. a docker-compose service name; .example.test for a domain)
  --allow-origin  let pages on this origin call the control routes (loopback origins always may)
  --forward-to    POST every Stripe event, signed, to this local URL (like stripe listen --forward-to);
                  the signing secret is printed at start
  --allow-webhook-host  let webhooks (and --forward-to) reach this host besides localhost`;

function fail(message: string): never {
  process.stderr.write(`embedkit-sandbox: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function integer(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) fail(`--${name} must be an integer >= ${min}, received "${raw}".`);
  return value;
}

let args;
try {
  args = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      lifetime: { type: 'string' },
      latency: { type: 'string' },
      'allow-host': { type: 'string', multiple: true },
      'allow-origin': { type: 'string', multiple: true },
      'forward-to': { type: 'string' },
      'allow-webhook-host': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
} catch (error) {
  fail((error as Error).message);
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

let sandbox;
try {
  sandbox = createSandbox({
    seed: integer('seed', args.seed, 42, 0),
    lifetimeSeconds: integer('lifetime', args.lifetime, 1800, 1),
    latencyMs: integer('latency', args.latency, 0, 0),
    allowedHosts: args['allow-host'] ?? [],
    allowedOrigins: args['allow-origin'] ?? [],
    webhooks: {
      ...(args['forward-to'] !== undefined && { forwardTo: args['forward-to'] }),
      allowedHosts: args['allow-webhook-host'] ?? [],
    },
  });
} catch (error) {
  fail((error as Error).message);
}
const port = integer('port', args.port, 12111, 0);
const host = args.host ?? '127.0.0.1';
let url: string;
try {
  url = await sandbox.listen(port, host);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  fail(code === 'EADDRINUSE' ? `port ${port} is in use. Pick another with --port, or --port 0 for any free port.` : (error as Error).message);
}
const config = sandbox.stripeConfig();
const { seeded } = sandbox.state();
process.stdout.write(
  [
    `embedkit sandbox (offline Stripe) listening on ${url}`,
    '',
    'Point the official SDK at it (any sk_test_ key works):',
    `  new Stripe('sk_test_123', { host: '${config.host}', port: ${config.port}, protocol: 'http' })`,
    '',
    `Seeded: connected accounts ${seeded.accounts.join(', ')}; customer ${seeded.customers.join(', ')}`,
    `State:  ${url}${CONTROL_ROUTES.state}`,
    ...(sandbox.webhooks.forwardTo
      ? [`Forwarding every event to ${sandbox.webhooks.forwardTo}`, `Your webhook signing secret is ${sandbox.webhooks.forwardSecret}`]
      : []),
    'Press Ctrl+C to stop.',
    '',
  ].join('\n'),
);

const stop = () => {
  void sandbox.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
