import Stripe from 'stripe';
import { afterEach } from 'vitest';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox';

const running: Sandbox[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

/** Sandbox time in tests: frozen, so only the test clock moves it and `expires_at` is exact. */
export const FROZEN_NOW_MS = 1_700_000_000_000;

/** A listening sandbox, the official SDK pointed at it, and the seeded ids. Closed after each test. */
export async function startSandbox(options: SandboxOptions & { stripe?: Partial<Stripe.StripeConfig> } = {}) {
  const { stripe: stripeOptions, ...sandboxOptions } = options;
  const sandbox = createSandbox({ clock: () => FROZEN_NOW_MS, ...sandboxOptions });
  running.push(sandbox);
  const url = await sandbox.listen();
  const stripe = new Stripe('sk_test_123', { ...sandbox.stripeConfig(), ...stripeOptions });
  const { seeded } = sandbox.state();
  const [account = '', otherAccount = ''] = seeded.accounts;
  const customer = seeded.customers[0] ?? '';
  /** JSON to the browser/control routes, the way the stand-ins call them. */
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(url + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token && { Authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any>, headers: res.headers };
  };
  const get = async (path: string, token?: string) => {
    const res = await fetch(url + path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    return { status: res.status, body: (await res.json()) as Record<string, any>, headers: res.headers };
  };
  return { sandbox, url, stripe, account, otherAccount, customer, post, get };
}

/** Rejection of an SDK call, as the SDK's typed error. */
export async function stripeError(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (error) {
    return error as Stripe.errors.StripeError;
  }
  throw new Error('expected the Stripe call to fail');
}
