// file: instrumentation.ts
import { createSandbox } from 'embedkit/sandbox';

/**
 * Next.js runs `register()` once per server process before it serves a request. In development,
 * without a Stripe key, it starts embedkit's offline sandbox and tells the rest of the server
 * where it is (lib/stripe.ts, and <SandboxScripts> in app/layout.tsx).
 */
export async function register() {
  // The sandbox is a Node.js server: never start it in the Edge runtime (Next.js builds this file for both).
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NODE_ENV !== 'development' || process.env.STRIPE_SECRET_KEY || process.env.EMBEDKIT_SANDBOX_URL) return;
  process.env.EMBEDKIT_SANDBOX_URL = await createSandbox().listen(Number(process.env.EMBEDKIT_SANDBOX_PORT ?? 12111));
}
