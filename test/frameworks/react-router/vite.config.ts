// file: vite.config.ts
import { reactRouter } from '@react-router/dev/vite';
import { embedkitSandbox } from 'embedkit/sandbox/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  // Vite's own CORS middleware would answer every preflight before the routes see it.
  server: { cors: false },
  plugins: [
    reactRouter(),
    // The dev server starts the sandbox and puts its URL in process.env.EMBEDKIT_SANDBOX_URL
    // (read by app/root.tsx and app/stripe.server.ts). Off when a real test key is configured.
    embedkitSandbox({ enabled: !process.env.STRIPE_SECRET_KEY, port: Number(process.env.EMBEDKIT_SANDBOX_PORT ?? 12111) }),
  ],
});
