import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../test/playwright/chromium';

/** Headless Chromium with the same launch settings as the browser test suite. */
export function launchChromium() {
  return chromium.launch({ ...chromiumLaunchOptions(), headless: true });
}
