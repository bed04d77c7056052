import Stripe from 'stripe';
import { CONTROL_ROUTES, type SandboxStateSnapshot } from 'embedkit/sandbox';

/** Any `sk_test_` key works on the sandbox; it checks the shape, as Stripe does, not the value. */
const SANDBOX_SECRET_KEY = 'sk_test_embedkitsandbox';

/**
 * The official `stripe` client pointed at the sandbox, and the sandbox's seeded accounts and
 * customer for the stand-in user. The only difference from real Stripe is the host.
 */
export async function connectToSandbox(sandboxUrl: string): Promise<{ stripe: Stripe; seeded: SandboxStateSnapshot['seeded'] }> {
  const { hostname, port } = new URL(sandboxUrl);
  const stripe = new Stripe(SANDBOX_SECRET_KEY, { host: hostname, port: Number(port), protocol: 'http' });
  const response = await fetch(new URL(CONTROL_ROUTES.state, sandboxUrl));
  if (!response.ok) throw new Error(`example: the sandbox at ${sandboxUrl} answered ${response.status} to ${CONTROL_ROUTES.state}.`);
  const { seeded } = (await response.json()) as SandboxStateSnapshot;
  return { stripe, seeded };
}
