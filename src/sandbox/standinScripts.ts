import { readFile } from 'node:fs/promises';
import type { SCRIPT_ROUTES } from './protocol';

export type StandinName = keyof typeof SCRIPT_ROUTES;

// Built stand-ins live beside this module in dist/ (dist/sandbox/browser/*.js). When running from
// source (tests, tsx), they are read from the build output instead.
const candidates = (name: StandinName) => [
  new URL(`./browser/${name}.js`, import.meta.url),
  new URL(`../../dist/sandbox/browser/${name}.js`, import.meta.url),
];

/**
 * The stand-in script for `name`, with the sandbox's API base baked in so the browser code knows
 * where to claim secrets. Owned by the sandbox browser part.
 */
export async function readStandinScript(name: StandinName, apiBase: string): Promise<string> {
  for (const url of candidates(name)) {
    try {
      const body = await readFile(url, 'utf8');
      return `window.__EMBEDKIT_SANDBOX__=${JSON.stringify({ apiBase })};\n${body}`;
    } catch {
      // try the next location
    }
  }
  throw new Error(`embedkit sandbox: the ${name} stand-in is not built. Run \`npm run build\` first.`);
}
