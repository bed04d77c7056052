import type { Page } from '@playwright/test';
import type { SandboxControls } from '../../src/sandbox/playwright';
import { accountSecret } from './sandboxStripe';

type StartOptions = Parameters<Window['connectFixture']['start']>[0];

/**
 * Opens the Connect fixture page (official `@stripe/connect-js` + `@stripe/react-connect-js`) and
 * mounts `options.tags`. `fetchClientSecret` runs here in Node, like an app backend: by default it
 * creates a fresh AccountSession at the sandbox.
 */
export async function openConnect(page: Page, sandbox: SandboxControls, options: StartOptions, fetchSecret = () => accountSecret(sandbox)): Promise<void> {
  await page.exposeFunction('fetchAccountSecret', fetchSecret);
  await page.goto('/connect.html');
  await page.evaluate((start) => window.connectFixture.start(start), options);
}

/** What the page's Connect callbacks recorded, of one kind. */
export function fixtureEvents(page: Page, kind: string) {
  return page.evaluate((wanted) => window.fixtureEvents.filter((event) => event.kind === wanted), kind);
}

/** A Connect element's rendered panel (inside its open shadow root). */
export const panel = (page: Page, tag: string) => page.locator(`stripe-connect-${tag} section.ek-root`);
