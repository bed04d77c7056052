import Stripe from 'stripe';
import { connectElementTagNames } from '@stripe/connect-js/pure.js';
import { BROWSER_ROUTES } from '../../src/sandbox/protocol';
import type { SandboxControls } from '../../src/sandbox/playwright';

/** Every GA Connect tag, from the installed loader itself. */
export const GA_TAGS: readonly string[] = connectElementTagNames;

/** The official Node SDK pointed at the test's sandbox, as an app backend would be. */
export function sandboxStripe(sandbox: SandboxControls): Stripe {
  return new Stripe('sk_test_embedkitBrowserSuite', { ...sandbox.stripeConfig, maxNetworkRetries: 0 });
}

async function seeded(sandbox: SandboxControls) {
  const { seeded } = await sandbox.state();
  const account = seeded.accounts[0];
  const customer = seeded.customers[0];
  if (!account || !customer) throw new Error('The sandbox seeded no connected account or customer.');
  return { account, customer };
}

/** A fresh AccountSession secret with every GA component enabled. */
export async function accountSecret(sandbox: SandboxControls): Promise<string> {
  const { account } = await seeded(sandbox);
  const components = Object.fromEntries(GA_TAGS.map((tag) => [tag.replace(/-/g, '_'), { enabled: true }]));
  const session = await sandboxStripe(sandbox).accountSessions.create({ account, components } as Stripe.AccountSessionCreateParams);
  return session.client_secret;
}

export async function customerSecret(sandbox: SandboxControls): Promise<string> {
  const { customer } = await seeded(sandbox);
  const session = await sandboxStripe(sandbox).customerSessions.create({
    customer,
    components: { payment_element: { enabled: true }, pricing_table: { enabled: true }, buy_button: { enabled: true } },
  });
  return session.client_secret;
}

export async function financialConnectionsSecret(sandbox: SandboxControls): Promise<string> {
  const { customer } = await seeded(sandbox);
  const session = await sandboxStripe(sandbox).financialConnections.sessions.create({
    account_holder: { type: 'customer', customer },
    permissions: ['payment_method', 'balances'],
  });
  return session.client_secret!;
}

/** Uses up a secret the way a first browser would, so the next use is a reuse. */
export async function claimElsewhere(sandbox: SandboxControls, clientSecret: string): Promise<void> {
  const response = await fetch(`${sandbox.url}${BROWSER_ROUTES.claim}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_secret: clientSecret }),
  });
  if (!response.ok) throw new Error(`claim failed: HTTP ${response.status}`);
}
