import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './test/playwright/chromium';

/** Port of the static server for test/browser's fixture pages (built by Vite, served by `vite preview`). */
export const FIXTURE_PORT = 5191;

export default defineConfig({
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  timeout: 30_000,
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: chromiumLaunchOptions(),
    trace: 'on-first-retry',
  },
  webServer: [
    {
      // The stand-ins are rebuilt too, so the suite always tests the current sources.
      command: `vite build -c vite.standins.config.ts && vite build -c test/browser/fixtures/vite.config.ts && vite preview -c test/browser/fixtures/vite.config.ts --port ${FIXTURE_PORT} --strictPort`,
      url: `http://127.0.0.1:${FIXTURE_PORT}/connect.html`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
  projects: [
    {
      name: 'sandbox',
      testDir: 'test/browser',
      use: { baseURL: `http://127.0.0.1:${FIXTURE_PORT}` },
    },
  ],
});
