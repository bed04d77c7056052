import { defineConfig } from '@playwright/test';
import { sharedPlaywrightConfig } from './test/playwright/chromium';
import { servers, urlOf } from './e2e/ports';

/** Port of the static server for test/browser's fixture pages (built by Vite, served by `vite preview`). */
export const FIXTURE_PORT = 5191;

export default defineConfig({
  ...sharedPlaywrightConfig(),
  workers: 2,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  // Servers are never reused: one left over from an earlier run serves that run's build, and the
  // suite would pass or fail on stale code. A port still taken fails the run instead (ports 5191–5196).
  webServer: [
    {
      // The stand-ins are rebuilt too, so the suite always tests the current sources.
      command: `vite build -c vite.standins.config.ts && vite build -c test/browser/fixtures/vite.config.ts && vite preview -c test/browser/fixtures/vite.config.ts --port ${FIXTURE_PORT} --strictPort`,
      url: `http://127.0.0.1:${FIXTURE_PORT}/connect.html`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    // The e2e suite: the example's production build under `vite preview`, with the sandbox on a
    // fixed port so the specs can reach its controls (needs `npm run build` first, as `npm test` does).
    {
      command: `vite build -c example/vite.config.ts && vite preview -c example/vite.config.ts --port ${servers.preview.port} --strictPort`,
      env: { EXAMPLE_SANDBOX_PORT: String(servers.preview.sandboxPort) },
      url: `${urlOf(servers.preview.port)}/api/me`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    // The same app on the dev server, for the StrictMode spec (only development React double-mounts).
    {
      command: `vite -c example/vite.config.ts --port ${servers.dev.port} --strictPort`,
      env: { EXAMPLE_SANDBOX_PORT: String(servers.dev.sandboxPort) },
      url: `${urlOf(servers.dev.port)}/api/me`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
  projects: [
    {
      name: 'sandbox',
      testDir: 'test/browser',
      use: { baseURL: `http://127.0.0.1:${FIXTURE_PORT}` },
    },
    {
      name: 'e2e',
      testDir: 'e2e',
      // Every spec resets and reads the one shared sandbox, so they run one at a time.
      workers: 1,
      use: { baseURL: urlOf(servers.preview.port) },
    },
  ],
});
