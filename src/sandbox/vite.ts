import type { Connect, Plugin, PreviewServer, ViteDevServer } from 'vite';
import type { ServerResponse } from 'node:http';
import type Stripe from 'stripe';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { STRIPE_SCRIPT_URLS } from './protocol.js';
import { readStandinScript, type StandinName } from './browser/standinScripts.js';
import { checkOptions, is, type OptionRule } from '../core/checkOptions.js';
import { EmbedkitError } from '../core/EmbedkitError.js';
import { createSandbox, SANDBOX_OPTION_RULES, type Sandbox, type SandboxOptions } from './engine/createSandbox.js';
import { toNodeHandler, type NodeHandler } from '../server/toNodeHandler.js';
import type { SessionHandler } from '../server/types.js';

/** Options of the {@link embedkitSandbox} Vite plugin. */
export interface EmbedkitSandboxPluginOptions {
  /** Turn the sandbox off (e.g. when real Stripe test keys are configured). Default: on, unless `secretKey` is given. */
  enabled?: boolean;
  /**
   * Your Stripe secret key (e.g. `process.env.STRIPE_SECRET_KEY`). When it is given the sandbox is
   * off by default, and `handlers` get a `stripe` client for real Stripe made with it. An empty
   * string counts as not given.
   */
  secretKey?: string | undefined;
  /**
   * Your app's endpoints, mounted in `vite` (dev) and `vite preview` at these exact paths, e.g.
   * `{ '/api/account-session': ({ stripe }) => createAccountSessionHandler({ stripe, … }) }`.
   * Each factory is called once, on the first request to its path, with a `stripe` client for
   * the sandbox (or for Stripe, with `secretKey`): the handler code is the same as in production,
   * where your server passes its own client. Needs the `stripe` package.
   */
  handlers?: Record<string, SandboxHandlerFactory>;
  /** Port of the sandbox REST server. Default: a free port chosen by the OS. */
  port?: number;
  /** Lifetime of new AccountSessions and CustomerSessions, in seconds. Default: the sandbox's own (1800). */
  lifetimeSeconds?: number;
  /** Latency added to every sandbox request, in milliseconds. Default 0. */
  latencyMs?: number;
  /** URL prefix under which the dev server serves the stand-in scripts. Default `/__embedkit/sandbox/`. */
  scriptsPath?: string;
  /** Host names the sandbox answers besides loopback names and IP addresses (see `createSandbox`). */
  allowedHosts?: SandboxOptions['allowedHosts'];
  /** Page origins that may call the sandbox's control routes besides loopback ones (see `createSandbox`). */
  allowedOrigins?: SandboxOptions['allowedOrigins'];
  /**
   * Webhook delivery (see `createSandbox`). `forwardTo` may be a path of this Vite server, e.g.
   * `{ forwardTo: '/api/webhooks' }`: once the dev or preview server listens, every event is POSTed
   * there, signed with `api.sandbox.webhooks.forwardSecret` (or your `forwardSecret`), like
   * `stripe listen --forward-to localhost:5173/api/webhooks`.
   */
  webhooks?: SandboxOptions['webhooks'];
}

/** What the plugin exposes to other plugins and to the app's server code (`plugin.api`). */
export interface EmbedkitSandboxPluginApi {
  /** The sandbox's base URL once the dev or preview server has started; also in `process.env.EMBEDKIT_SANDBOX_URL`. */
  readonly url: string | undefined;
  /** The running sandbox (state, controls, `fetch` handler), for server code in the same process. */
  readonly sandbox: Sandbox | undefined;
}

/** What a {@link EmbedkitSandboxPluginOptions.handlers} factory receives. */
export interface SandboxHandlerContext {
  /** The official client: pointed at the sandbox when it is on, at Stripe with `secretKey` when it is off. */
  stripe: Stripe;
  /** The running sandbox (e.g. `sandbox.state().seeded.accounts`), or `undefined` on real Stripe. */
  sandbox: Sandbox | undefined;
}

/** Makes one endpoint of the app from a Stripe client: e.g. `({ stripe }) => createAccountSessionHandler({ stripe, … })`. */
export type SandboxHandlerFactory = (context: SandboxHandlerContext) => SessionHandler | Promise<SessionHandler>;

/** Any `sk_test_` key works on the sandbox: it checks the shape, as Stripe does, not the value. */
const SANDBOX_SECRET_KEY = 'sk_test_embedkitsandbox';

const OPTION_RULES = {
  enabled: is.bool,
  port: { accepts: (value) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 65535, expected: 'a port number (0 to 65535; 0 picks a free one)' },
  lifetimeSeconds: SANDBOX_OPTION_RULES.lifetimeSeconds,
  latencyMs: SANDBOX_OPTION_RULES.latencyMs,
  scriptsPath: { ...is.text, fix: "e.g. '/__embedkit/sandbox/'." },
  // An empty key counts as none, so an unset variable read as '' simply keeps the sandbox on.
  secretKey: { accepts: (value) => typeof value === 'string', expected: 'a Stripe secret key (sk_test_… or sk_live_…)', fix: 'e.g. process.env.STRIPE_SECRET_KEY.' },
  handlers: { ...is.record, fix: "Map each path to a factory, e.g. { '/api/account-session': ({ stripe }) => createAccountSessionHandler({ stripe, … }) }." },
  webhooks: {
    accepts: (value) => {
      const forwardTo = is.record.accepts(value) ? (value as { forwardTo?: unknown }).forwardTo : undefined;
      return is.record.accepts(value) && (forwardTo === undefined || (typeof forwardTo === 'string' && /^(\/|https?:\/\/)/.test(forwardTo)));
    },
    expected: 'webhook settings whose forwardTo is a path of this server or an http(s) URL',
    fix: "e.g. { forwardTo: '/api/webhooks' } (this Vite server) or { forwardTo: 'http://localhost:4242/webhooks' }.",
  },
} satisfies Record<string, OptionRule>;

const STANDINS = Object.keys(STRIPE_SCRIPT_URLS) as StandinName[];
/**
 * Preload hints for Stripe's scripts (docs/client.md recommends one for Connect.js): the stand-ins take
 * their place, so with the sandbox on they would only reach for Stripe's servers.
 */
const STRIPE_SCRIPT_HINTS = new RegExp(
  `<link\\b[^>]*href=["'](?:${Object.values(STRIPE_SCRIPT_URLS).map((url) => url.replace(/[.?/]/g, '\\$&')).join('|')})["'][^>]*>\\s*`,
  'gi',
);

/**
 * The built HTML file a preview request names, or undefined when it names none inside `outDir`:
 * `..` in any spelling (`%2e%2e`, `..%2f`) must not reach a sibling such as `dist-private/`.
 */
function builtPage(outDir: string, url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(url.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  const root = resolve(outDir);
  const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path.endsWith('.html') ? path : `${path}.html`}`);
  const inside = relative(root, file);
  return inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside) ? undefined : file;
}

/**
 * Runs the offline Stripe sandbox beside the Vite dev and preview servers and loads its
 * stand-in Connect.js / Stripe.js / pricing-table / buy-button scripts into every HTML page
 * before the app's modules run, so the official loaders find `window.StripeConnect` and
 * `window.Stripe` already defined and application code stays exactly as in production.
 *
 * Server code in the same process (e.g. a Vite middleware that creates sessions with the
 * `stripe` SDK) finds the sandbox in `process.env.EMBEDKIT_SANDBOX_URL`.
 */
export function embedkitSandbox(options: EmbedkitSandboxPluginOptions = {}): Plugin & { api: EmbedkitSandboxPluginApi } {
  checkOptions('embedkit/sandbox/vite embedkitSandbox', options, OPTION_RULES);
  const secretKey = options.secretKey || undefined;
  const enabled = options.enabled ?? !secretKey;
  const scriptsPath = `/${(options.scriptsPath ?? '/__embedkit/sandbox/').replace(/^\/+|\/+$/g, '')}/`;
  let running: Sandbox | undefined;
  let starting: Promise<Sandbox> | undefined;
  // A path is on this Vite server, whose address exists only once it listens.
  const { forwardTo, ...otherWebhookOptions } = options.webhooks ?? {};
  const forwardPath = forwardTo?.startsWith('/') ? forwardTo : undefined;
  const webhooks = forwardPath ? otherWebhookOptions : options.webhooks;

  // One sandbox per plugin instance, shared by the dev and preview servers of this process.
  const start = () =>
    (starting ??= (async () => {
      const sandbox = createSandbox({
        ...(options.lifetimeSeconds !== undefined ? { lifetimeSeconds: options.lifetimeSeconds } : {}),
        ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
        ...(options.allowedHosts !== undefined ? { allowedHosts: options.allowedHosts } : {}),
        ...(options.allowedOrigins !== undefined ? { allowedOrigins: options.allowedOrigins } : {}),
        ...(webhooks !== undefined ? { webhooks } : {}),
      });
      process.env.EMBEDKIT_SANDBOX_URL = await sandbox.listen(options.port ?? 0);
      running = sandbox;
      return sandbox;
    })());

  const mountHandlers = options.handlers && handlerMounter(options.handlers, enabled ? start : undefined, secretKey);

  const stop = async () => {
    const sandbox = await starting?.catch(() => undefined);
    starting = undefined;
    running = undefined;
    if (!sandbox) return;
    if (process.env.EMBEDKIT_SANDBOX_URL === sandbox.url) delete process.env.EMBEDKIT_SANDBOX_URL;
    await sandbox.close();
  };

  const serveScripts: Connect.NextHandleFunction = (req, res: ServerResponse, next) => {
    const name = req.url?.split('?')[0]?.replace(/\.js$/, '').slice(1) as StandinName | undefined;
    if (!name || !STANDINS.includes(name)) return next();
    start()
      .then((server) => readStandinScript(name, server.url))
      .then((body) => {
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(body);
      }, next);
  };

  const scriptSrc = (name: StandinName) => `${scriptsPath}${name}.js`;

  // `vite preview` serves built HTML as is, and a production build must never contain the
  // stand-ins; so preview pages get the same tags on the way out instead.
  const injectIntoBuiltHtml = (outDir: string): Connect.NextHandleFunction => (req, res, next) => {
    if (req.method !== 'GET' || !req.headers.accept?.includes('text/html')) return next();
    const file = builtPage(outDir, req.url ?? '/');
    if (!file) return next();
    readFile(file, 'utf8').then((html) => {
      const tags = STANDINS.map((name) => `<script src="${scriptSrc(name)}" data-embedkit-sandbox="${name}"></script>`).join('');
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(html.replace(STRIPE_SCRIPT_HINTS, '').replace(/<head[^>]*>/i, (head) => `${head}${tags}`));
    }, () => next());
  };

  const install = (server: ViteDevServer | PreviewServer, https: boolean) => {
    server.middlewares.use(scriptsPath, serveScripts);
    const http = server.httpServer;
    http?.once('close', () => void stop());
    if (!forwardPath) return;
    if (!http) {
      throw new EmbedkitError(
        `embedkit/sandbox/vite embedkitSandbox: webhooks.forwardTo '${forwardPath}' is a path of the Vite server, which has none in middleware mode. Give a full URL instead, e.g. 'http://localhost:3000${forwardPath}'.`,
        { code: 'invalid_options', field: 'webhooks' },
      );
    }
    const forward = () => {
      const address = http.address();
      if (!address || typeof address === 'string') return;
      const wildcard = address.address === '::' || address.address === '0.0.0.0';
      const host = wildcard ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
      running?.webhooks.forward(`${https ? 'https' : 'http'}://${host}:${address.port}${forwardPath}`);
    };
    if (http.listening) forward();
    else http.once('listening', forward);
  };

  return {
    name: 'embedkit:sandbox',
    api: {
      get url() {
        return running?.url;
      },
      get sandbox() {
        return running;
      },
    },
    // Dev servers in middleware mode have no httpServer to watch; Vite still closes the plugins.
    closeBundle: stop,
    async configureServer(server) {
      mountHandlers?.(server, 'vite');
      if (!enabled) return;
      await start();
      install(server, Boolean(server.config.server.https));
    },
    async configurePreviewServer(server) {
      mountHandlers?.(server, 'vite preview');
      if (!enabled) return;
      await start();
      install(server, Boolean(server.config.preview.https));
      server.middlewares.use(injectIntoBuiltHtml(resolve(server.config.root, server.config.build.outDir)));
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        // Only pages the dev server serves (ctx.server); never `vite build` output.
        if (!enabled || !ctx.server) return html;
        return {
          html: html.replace(STRIPE_SCRIPT_HINTS, ''),
          // Classic, blocking scripts at the top of <head>: they run before any module script.
          tags: STANDINS.map((name) => ({
            tag: 'script',
            attrs: { src: scriptSrc(name), 'data-embedkit-sandbox': name },
            injectTo: 'head-prepend' as const,
          })),
        };
      },
    },
  };
}

/**
 * Mounts the app's handlers: each made on the first request to its path, with one `stripe` client
 * for the sandbox (or for Stripe) shared by all. A factory that fails answers 500 (the server is
 * misconfigured, not the request) and the server keeps running. A factory that throws anything else
 * is tried again on the next request: its cause (a missing package, the sandbox's port) may go
 * away. An `invalid_options` EmbedkitError (a handler given a wrong option) cannot: the fix is an
 * edit of the Vite config, which restarts the server. So it is logged once and its 500 repeated
 * without running the factory again, e.g. for the browser's retries.
 */
function handlerMounter(
  factories: Record<string, SandboxHandlerFactory>,
  startSandbox: (() => Promise<Sandbox>) | undefined,
  secretKey: string | undefined,
): (server: ViteDevServer | PreviewServer, command: 'vite' | 'vite preview') => void {
  for (const [path, factory] of Object.entries(factories)) {
    if (!path.startsWith('/') || typeof factory !== 'function') {
      throw new EmbedkitError(
        `embedkit/sandbox/vite embedkitSandbox: handlers['${path}'] must be a path starting with "/" mapped to a function ({ stripe, sandbox }) => handler, e.g. ({ stripe }) => createAccountSessionHandler({ stripe, … }).`,
        { code: 'invalid_options', field: 'handlers' },
      );
    }
  }
  if (!startSandbox && !secretKey) {
    throw new EmbedkitError('embedkit/sandbox/vite embedkitSandbox: handlers need a Stripe client. With the sandbox off (enabled: false), pass secretKey (e.g. process.env.STRIPE_SECRET_KEY).', {
      code: 'invalid_options',
      field: 'secretKey',
    });
  }
  let client: Promise<SandboxHandlerContext> | undefined;
  const context = () =>
    (client ??= (async () => {
      const { default: StripeClient } = await import('stripe').catch(() => {
        throw new Error('embedkitSandbox: handlers need the `stripe` package. Install it: npm install stripe@^23');
      });
      const running = await startSandbox?.();
      const stripe = running ? new StripeClient(SANDBOX_SECRET_KEY, running.stripeConfig()) : new StripeClient(secretKey!);
      return { stripe, sandbox: running };
    })());
  const built = new Map<string, Promise<NodeHandler>>();
  const handlerFor = (path: string) => {
    let handler = built.get(path);
    if (!handler) {
      handler = context().then(async (ctx) => toNodeHandler(await factories[path]!(ctx)));
      built.set(path, handler);
      handler.catch((error: unknown) => {
        // The cause goes to the server log only: a factory's error may quote configuration.
        console.error(`embedkitSandbox: the handler for ${path} could not be created:`, error);
        if (!(error instanceof EmbedkitError && error.code === 'invalid_options')) built.delete(path);
      });
    }
    return handler;
  };
  return (server, command) => {
    server.middlewares.use((req, res, next) => {
      const path = req.url?.split('?')[0] ?? '';
      if (!Object.hasOwn(factories, path)) return next();
      handlerFor(path).then(
        (handler) => handler(req, res, next),
        () => {
          res.writeHead(500, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
          res.end(JSON.stringify({ error: { code: 'handler_failed', message: `The handler for ${path} could not be created; see the terminal running \`${command}\`.` } }));
        },
      );
    });
  };
}
