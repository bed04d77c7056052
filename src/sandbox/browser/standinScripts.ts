import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SCRIPT_ROUTES } from '../protocol.js';

export type StandinName = keyof typeof SCRIPT_ROUTES;

// Paths are joined by hand, not written as `new URL('./…', import.meta.url)`: Vite's library
// build rewrites that pattern into an asset glob, which leaves dist/ looking in the wrong place.
const here = dirname(fileURLToPath(import.meta.url));

// Built stand-ins live beside this module in dist/ (dist/sandbox/browser/*.js). When running from
// source (src/sandbox/browser: tests, tsx), they are read from the build output instead.
const candidates = (name: StandinName) => [
  join(here, `${name}.js`),
  join(here, '..', '..', '..', 'dist', 'sandbox', 'browser', `${name}.js`),
];

/**
 * The stand-in script for `name`, with the sandbox's API base baked in so the browser code knows
 * where to claim secrets.
 */
export async function readStandinScript(name: StandinName, apiBase: string): Promise<string> {
  for (const path of candidates(name)) {
    try {
      const body = await readFile(path, 'utf8');
      return `window.__EMBEDKIT_SANDBOX__=${JSON.stringify({ apiBase })};\n${body}`;
    } catch {
      // try the next location
    }
  }
  throw new Error(`embedkit sandbox: the ${name} stand-in is not built. Run \`npm run build\` first.`);
}
