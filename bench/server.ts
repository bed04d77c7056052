/**
 * `npm run bench:server`: what `createAccountSessionHandler` costs on top of the bare SDK call it
 * wraps. Both sides create a real AccountSession with the official `stripe` SDK against the same
 * sandbox over HTTP, interleaved so drift hits both alike; the handler side also pays for building
 * the `Request`, the checks and reading the JSON answer, as an app would.
 */
import { pathToFileURL } from 'node:url';
import Stripe from 'stripe';
import { createSandbox } from '../src/sandbox';
import { createAccountSessionHandler } from '../src/server';
import { type BenchRow, ratioOf } from './BenchRow';
import { median } from './median';

const WARMUP = 50;

export async function measure(runs = 400): Promise<BenchRow[]> {
  const sandbox = createSandbox();
  await sandbox.listen();
  try {
    const stripe = new Stripe('sk_test_123', { ...sandbox.stripeConfig(), maxNetworkRetries: 0 });
    const account = sandbox.state().seeded.accounts[0]!;
    const components = { payments: { enabled: true } };
    const handler = createAccountSessionHandler({ stripe, authorize: () => ({ account }), components });
    const origin = 'https://app.example.com';

    const direct = async () => {
      const session = await stripe.accountSessions.create({ account, components });
      if (!session.client_secret) throw new Error('bench: the direct call returned no secret');
    };
    const viaHandler = async () => {
      const response = await handler(
        new Request(`${origin}/api/account-session`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{}' }),
      );
      if (response.status !== 200) throw new Error(`bench: the handler answered ${response.status}`);
      await response.json();
    };
    const time = async (run: () => Promise<void>) => {
      const started = performance.now();
      await run();
      return performance.now() - started;
    };

    for (let i = 0; i < WARMUP; i += 1) {
      await direct();
      await viaHandler();
    }
    const directTimes: number[] = [];
    const handlerTimes: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      // Alternate which side goes first so neither always gets the warmer socket.
      if (i % 2 === 0) {
        directTimes.push(await time(direct));
        handlerTimes.push(await time(viaHandler));
      } else {
        handlerTimes.push(await time(viaHandler));
        directTimes.push(await time(direct));
      }
    }
    const embedkit = median(handlerTimes);
    const baseline = median(directTimes);
    return [
      {
        row: 6,
        metric: 'server: AccountSession through createAccountSessionHandler vs the bare SDK call',
        unit: 'ms',
        embedkit,
        baselineName: 'stripe.accountSessions.create',
        baseline,
        runs,
        note: `median per request against the sandbox on 127.0.0.1; handler overhead ${(embedkit - baseline).toFixed(3)} ms`,
      },
    ];
  } finally {
    await sandbox.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 400;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs needs a positive integer, got ${process.argv[runsArg + 1]}.`);
  for (const row of await measure(runs)) {
    console.log(`${row.metric}\n  handler ${row.embedkit!.toFixed(3)} ms, direct ${row.baseline!.toFixed(3)} ms (medians of ${row.runs})`);
    console.log(`  ratio ${ratioOf(row)!.toFixed(3)}× — ${row.note}`);
  }
}
