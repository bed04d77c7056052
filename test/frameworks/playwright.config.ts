import { defineConfig } from '@playwright/test';
import { sharedPlaywrightConfig } from '../playwright/chromium';
import { ports, urlOf } from './ports';
import { nextEnv } from './prepare';

/**
 * The framework apps, as users run them: the Next.js app's production build under `next start`
 * (built by prepare.ts), and the React Router app under its dev server. Run by
 * `npm run test:frameworks`, which prepares them first.
 */
export default defineConfig({
  testDir: '.',
  ...sharedPlaywrightConfig(),
  workers: 2,
  reporter: 'list',
  webServer: [
    {
      // The packed embedkit's own CLI: the sandbox the Next.js app was built against.
      command: `node node_modules/embedkit/dist/sandbox/cli.js --port ${ports.nextSandbox}`,
      cwd: 'next',
      url: `${urlOf(ports.nextSandbox)}/sandbox/control/state`,
      reuseExistingServer: false,
    },
    {
      command: `npx next start --port ${ports.next} --hostname 127.0.0.1`,
      cwd: 'next',
      env: nextEnv,
      url: urlOf(ports.next),
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // Its Vite config starts the sandbox through embedkit's plugin, on this port.
      command: `npx react-router dev --port ${ports.reactRouter} --host 127.0.0.1 --strictPort`,
      cwd: 'react-router',
      env: { EMBEDKIT_SANDBOX_PORT: String(ports.reactRouterSandbox), VITE_STRIPE_PUBLISHABLE_KEY: 'pk_test_embedkitsandbox' },
      url: urlOf(ports.reactRouter),
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
  projects: [
    { name: 'next', testMatch: 'next.spec.ts', use: { baseURL: urlOf(ports.next) } },
    { name: 'react-router', testMatch: 'react-router.spec.ts', use: { baseURL: urlOf(ports.reactRouter) } },
  ],
});
