import { readFile } from 'node:fs/promises';
import type { Connect, Plugin } from 'vite';
import { SCRIPT_ROUTES } from 'embedkit/sandbox';

export interface StandinsWorkaroundOptions {
  /** Where the built stand-ins are: the repository's `dist/sandbox/browser`. */
  browserDir: string;
  /** The sandbox's URL, once it listens. */
  sandboxUrl: () => string | undefined;
  /** `embedkitSandbox()`'s default script prefix. */
  scriptsPath?: string;
}

const NAMES = Object.keys(SCRIPT_ROUTES);

/**
 * WORKAROUND, to delete once fixed in embedkit/sandbox: the *built* `readStandinScript`
 * (dist/sandbox/standinScripts.js) cannot find the stand-ins, because Vite's library build
 * rewrites its `new URL(\`./browser/${name}.js\`, import.meta.url)` into an asset lookup that is
 * always empty, so `embedkitSandbox()` answers 500 for every stand-in script. This serves the
 * same scripts, with the same `window.__EMBEDKIT_SANDBOX__` preamble, ahead of the plugin.
 */
export function serveStandinsWorkaround({ browserDir, sandboxUrl, scriptsPath = '/__embedkit/sandbox/' }: StandinsWorkaroundOptions): Plugin {
  const mount = (middlewares: Connect.Server) =>
    middlewares.use((req, res, next) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const name = path.startsWith(scriptsPath) ? path.slice(scriptsPath.length).replace(/\.js$/, '') : '';
      const apiBase = sandboxUrl();
      if (!NAMES.includes(name) || !apiBase) return next();
      readFile(`${browserDir}/${name}.js`, 'utf8').then((body) => {
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(`window.__EMBEDKIT_SANDBOX__=${JSON.stringify({ apiBase })};\n${body}`);
      }, next);
    });
  return {
    name: 'embedkit-example:standins-workaround',
    configureServer: (server) => {
      mount(server.middlewares);
    },
    configurePreviewServer: (server) => {
      mount(server.middlewares);
    },
  };
}
