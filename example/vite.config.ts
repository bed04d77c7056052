import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import Stripe from 'stripe';
import { defineConfig, loadEnv } from 'vite';
import { embedkitSandbox } from 'embedkit/sandbox/vite';
import { connectToSandbox } from './server/connectToSandbox.js';
import { contentSecurityPolicy } from './server/contentSecurityPolicy.js';
import { createExampleApi } from './server/createExampleApi.js';
import { Activity } from './server/Activity.js';
import { exampleBackend } from './server/exampleBackend.js';
import { loadDemoUser } from './server/loadDemoUser.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const fromRepo = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** What the sandbox stands in for on the browser side (any `pk_test_` and pricing table id work there). */
const SANDBOX_PUBLIC_ENV = {
  VITE_STRIPE_PUBLISHABLE_KEY: 'pk_test_embedkitsandbox',
  VITE_STRIPE_PRICING_TABLE_ID: 'prctbl_embedkit_sandbox',
  VITE_STRIPE_BUY_BUTTON_ID: 'buy_btn_embedkit_sandbox',
};

/**
 * The example dashboard. With no STRIPE_SECRET_KEY in the environment or `.env` (repository
 * root) it runs on embedkit's offline sandbox; with one, the same app talks to real Stripe: the
 * sandbox plugin is off, the Stripe client uses Stripe's own host and the browser loads Stripe's
 * real scripts. Nothing else changes.
 */
export default defineConfig(({ mode }) => {
  const env = { ...loadEnv(mode, repoRoot, ''), ...process.env };
  const secretKey = env.STRIPE_SECRET_KEY;
  const onSandbox = !secretKey;
  if (!onSandbox && !env.VITE_STRIPE_PUBLISHABLE_KEY) {
    throw new Error('example: STRIPE_SECRET_KEY is set but VITE_STRIPE_PUBLISHABLE_KEY is not. Add the matching pk_test_… key to .env, or remove both to use the sandbox.');
  }
  const sandbox = embedkitSandbox({
    enabled: onSandbox,
    // Fixed by the e2e suite so its tests can reach the controls; otherwise any free port.
    ...(env.EXAMPLE_SANDBOX_PORT ? { port: Number(env.EXAMPLE_SANDBOX_PORT) } : {}),
    // Every event goes to the backend's webhook route, signed, as `stripe listen --forward-to` does.
    webhooks: { forwardTo: '/api/webhooks' },
  });
  const sandboxUrl = () => (onSandbox ? sandbox.api.url : undefined);

  return {
    root: fileURLToPath(new URL('.', import.meta.url)),
    envDir: repoRoot,
    // The app imports `embedkit` by name, as users do; here the name points at the source so kit
    // changes show up with hot reload. (Server code below imports the built `embedkit/*`.)
    resolve: { alias: [{ find: /^embedkit$/, replacement: fromRepo('src/index.ts') }] },
    define: onSandbox
      ? Object.fromEntries(Object.entries(SANDBOX_PUBLIC_ENV).map(([name, value]) => [`import.meta.env.${name}`, JSON.stringify(env[name] ?? value)]))
      : {},
    plugins: [
      react(),
      exampleBackend({
        contentSecurityPolicy: (serverMode) => contentSecurityPolicy({ mode: serverMode, sandboxUrl: sandboxUrl() }),
        createApi: async () => {
          const url = sandboxUrl();
          const { stripe, seeded } = url
            ? await connectToSandbox(url)
            : { stripe: new Stripe(secretKey!, { appInfo: { name: 'embedkit example' } }), seeded: undefined };
          const user = await loadDemoUser(stripe, {
            customer: env.EXAMPLE_CUSTOMER_ID ?? seeded?.customers[0],
            accounts: env.EXAMPLE_CONNECTED_ACCOUNTS?.split(',').map((id) => id.trim()) ?? seeded?.accounts,
          });
          // On real Stripe: the secret `stripe listen --forward-to localhost:5173/api/webhooks` prints.
          const webhookSecret = url ? sandbox.api.sandbox?.webhooks.forwardSecret : env.STRIPE_WEBHOOK_SECRET;
          return createExampleApi({ stripe, currentUser: () => user, activity: new Activity(stripe, user), webhookSecret });
        },
      }),
      sandbox,
    ],
    build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
    server: { host: '127.0.0.1' },
    preview: { host: '127.0.0.1' },
  };
});
