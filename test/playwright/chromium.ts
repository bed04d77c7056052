import { existsSync } from 'node:fs';
import { devices, type LaunchOptions, type PlaywrightTestConfig } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Chromium launch settings shared by every Playwright project: the system Chromium when it
 * exists (offline machines have no Playwright download), else Playwright's bundled browser; and
 * no background traffic, so a test run never reaches the network.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    ...(existsSync(DEBIAN_CHROMIUM) ? { executablePath: DEBIAN_CHROMIUM } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  };
}

/** What every Playwright config of the repository shares: CI strictness, the time limit, the browser. */
export function sharedPlaywrightConfig(): Pick<PlaywrightTestConfig, 'forbidOnly' | 'retries' | 'timeout' | 'use'> {
  return {
    forbidOnly: !!process.env.CI,
    retries: process.env.CI ? 1 : 0,
    timeout: 30_000,
    use: {
      ...devices['Desktop Chrome'],
      launchOptions: chromiumLaunchOptions(),
      trace: 'on-first-retry',
    },
  };
}
