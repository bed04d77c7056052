import { createServer } from 'node:http';
import Stripe from 'stripe';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSandbox } from '../../src/sandbox';

// `stripe listen` prints every delivery's status; a sandbox whose deliveries a webhook route
// rejects (a wrong signing secret, a crash) must not fail silently while waitForEvent succeeds.
afterEach(() => vi.restoreAllMocks());

describe('a webhook delivery the receiver rejects', () => {
  it('is reported on the console once per failed attempt, with the status, event and URL, never a secret', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const server = createServer((_req, res) => res.writeHead(400).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks`;
    const sandbox = createSandbox({ webhooks: { forwardTo: url, maxAttempts: 2, sleep: async () => {} } });
    await sandbox.listen();
    try {
      const stripe = new Stripe('sk_test_123', { ...sandbox.stripeConfig(), maxNetworkRetries: 0 });
      const intent = await stripe.paymentIntents.create({ amount: 500, currency: 'usd', payment_method: 'pm_card_visa', confirm: true });
      await sandbox.webhooks.settled();
      const lines = warn.mock.calls.map((call) => call.map(String).join(' ')).filter((line) => line.includes('payment_intent.succeeded'));
      expect(lines).toHaveLength(2);
      expect(lines[0]).toContain(url);
      expect(lines[0]).toContain('answered 400');
      expect(lines[0]).toContain('attempt 1 of 2');
      expect(lines[1]).toContain('attempt 2 of 2, giving up');
      expect(lines.join('\n')).toContain(intent.id);
      expect(warn.mock.calls.flat().map(String).join('\n')).not.toMatch(/whsec_|_secret_/);
    } finally {
      server.close();
      await sandbox.close();
    }
  });
});
