import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { sandboxControls, type SandboxControls } from 'embedkit/sandbox/playwright';
import { servers, urlOf } from './ports';
import { SecretWatch } from './SecretWatch';

interface Options {
  /** The sandbox behind the server under test (the built example's unless a spec says otherwise). */
  sandboxUrl: string;
}

interface Fixtures {
  /** The sandbox's controls, reset to the seeded world (sessions, counters, knobs, clock) before the test. */
  sandbox: SandboxControls;
  /** Collects secrets; after every test, asserts none reached storage, cookies, URLs or the console. */
  secretWatch: SecretWatch;
}

export const test = base.extend<Fixtures & Options>({
  sandboxUrl: [urlOf(servers.preview.sandboxPort), { option: true }],
  // Automatic, so every test starts from the seeded world whether or not it touches the controls.
  // Tests share the sandbox, which is why the e2e project runs on one worker.
  sandbox: [
    async ({ sandboxUrl }, use) => {
      const sandbox = sandboxControls(sandboxUrl);
      await sandbox.reset();
      await use(sandbox);
    },
    { auto: true },
  ],
  secretWatch: [
    async ({ page, context }, use) => {
      const watch = new SecretWatch(page, context);
      await use(watch);
      expect(await watch.leaks(), 'client secrets outside memory').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Where page screenshots go (gitignored); docs/screenshot.png is copied from here. */
export const artifactPath = (name: string) => fileURLToPath(new URL(`./artifacts/${name}`, import.meta.url));

/** Opens a dashboard page by its hash route and waits for the signed-in shell. */
export async function openDashboard(page: Page, route: string): Promise<void> {
  await page.goto(`/#/${route}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Cobalt Market' })).toBeVisible();
}

/** A sandbox Connect component, found by the accessible name the stand-in gives it. */
export function connectComponent(page: Page, title: string) {
  return page.getByRole('region', { name: `Sandbox: ${title}`, exact: true });
}
