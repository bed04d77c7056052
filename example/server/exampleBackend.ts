import type { ServerResponse } from 'node:http';
import type { Connect, Plugin } from 'vite';
import { toNodeHandler, type NodeHandler } from 'embedkit/server';
import type { WebHandler } from './createExampleApi';

export interface ExampleBackendOptions {
  /**
   * The API routes. Called on the first `/api/` request, once the server listens: with the
   * sandbox, the Stripe client needs the sandbox's URL, which exists only then.
   */
  createApi: () => Record<string, WebHandler> | Promise<Record<string, WebHandler>>;
  /**
   * The `Content-Security-Policy` for every response; `mode` tells dev from the built app. Asked
   * on each request, as it may name the sandbox, whose port is known only once it listens.
   */
  contentSecurityPolicy: (mode: 'serve' | 'preview') => string;
}

/**
 * The example's backend as a Vite plugin: the same routes under `vite` (dev) and `vite preview`
 * (the built app the e2e suite runs), so the demo needs no second server process. List it before
 * plugins that answer requests themselves (the sandbox serves the preview's HTML), so the policy
 * header is on every response.
 */
export function exampleBackend(options: ExampleBackendOptions): Plugin {
  const mount = (middlewares: Connect.Server, mode: 'serve' | 'preview') => {
    let routes: Promise<Map<string, NodeHandler>> | undefined;
    middlewares.use((req, res, next) => {
      res.setHeader('Content-Security-Policy', options.contentSecurityPolicy(mode));
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (!path.startsWith('/api/')) return next();
      if (!routes) {
        const starting = Promise.resolve()
          .then(options.createApi)
          .then((api) => new Map(Object.entries(api).map(([route, handler]) => [route, toNodeHandler(handler)])));
        // A failed start (e.g. Stripe unreachable) is retried on the next request, not cached.
        starting.catch(() => {
          if (routes === starting) routes = undefined;
        });
        routes = starting;
      }
      routes.then(
        (table) => {
          const handler = table.get(path);
          if (handler) return handler(req, res, next);
          answer(res, 404, 'not_found', `No example API route ${path}.`);
        },
        (error: unknown) => {
          // Only our own messages reach the browser; Stripe's may quote parts of the key.
          console.error('example backend could not start:', error);
          const own = error instanceof Error && error.message.startsWith('example:');
          answer(res, 502, 'example_not_ready', own ? error.message : 'example: could not load the signed-in user from Stripe. See the dev server log.');
        },
      );
    });
  };
  return {
    name: 'embedkit-example:backend',
    configureServer: (server) => mount(server.middlewares, 'serve'),
    configurePreviewServer: (server) => mount(server.middlewares, 'preview'),
  };
}

function answer(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ error: { code, message } }));
}
