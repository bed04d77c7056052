import * as ReactDOM from 'react-dom';
import { accountRule, fetchSecretRule, optionsProblem, publishableKeyRule } from '../../core/checkOptions.js';
import type { FetchSecret } from '../../core/types.js';
import { CONNECT_JS_URL } from '../../shared/stripeScriptUrls.js';
import { preloadSecret } from '../../core/preloadedSecrets.js';
import { shortHash } from '../../shared/shortHash.js';

/** What {@link preloadConnect} needs to start the first AccountSession too: the `<ConnectProvider>` props it is for. */
export interface PreloadConnectOptions {
  /** The `publishableKey` of the `<ConnectProvider>` that will take the secret. */
  publishableKey: string;
  /** Where the secret comes from, as the provider's `fetchSecret`. Only this first request uses it. */
  fetchSecret: FetchSecret<'account_session'>;
  /** The provider's `account`, if it has one: the secret is for that account only. */
  account?: string;
}

/** The rules of the options `<ConnectProvider>` shares with it (the provider adds its own). */
export const CONNECT_OPTION_RULES = {
  publishableKey: { ...publishableKeyRule, required: true },
  fetchSecret: fetchSecretRule,
  account: accountRule,
};

/**
 * Starts downloading Connect.js now, so it is there sooner when `<ConnectProvider>` asks for it.
 * `<ConnectProvider>` calls it while it renders; call it yourself earlier, at the top of the
 * module that renders your app, to gain the time React takes to reach the provider. Idempotent.
 *
 * With `options`, the first AccountSession secret is requested now as well, and the first
 * `<ConnectProvider>` with the same `publishableKey` and `account` takes it instead of fetching
 * its own: call it in a route loader, on a link's hover, or before `createRoot().render()`. A
 * secret no provider takes within a minute is dropped (its request aborted). Call it before the
 * provider for that key mounts: a mounted provider has its session already, and the preloaded
 * one would go unused. Browser only: on a server the secret part does nothing.
 *
 * The fastest start for the script is a hint in the HTML itself, before any script runs:
 * `<link rel="preload" as="script" href="https://connect-js.stripe.com/v1.0/connect.js">`.
 * With React 19 server rendering the provider puts that hint into the HTML for you. Nothing is
 * fetched when Connect.js is already on the page (as with the sandbox's stand-ins), nor hinted by
 * a server whose environment has `EMBEDKIT_SANDBOX_URL` (the stand-ins take Connect.js's place).
 *
 * Safe to call from a React Server Component (e.g. a Next.js page) as well as from client code.
 *
 * Wrong options are logged as an `invalid_options` `EmbedkitError` and no secret is
 * requested; nothing is thrown, since a hint must not take the page down (the provider given the
 * same props shows the same error in its UI).
 */
export function preloadConnect(options?: PreloadConnectOptions): void {
  const problem = options && optionsProblem('preloadConnect', options, CONNECT_OPTION_RULES, 'account_session');
  if (problem) console.error(problem);
  // Browser only: a server must keep no secret between requests.
  else if (options && typeof document !== 'undefined') preloadSecret(shortHash(options.publishableKey), options.account ?? null, options.fetchSecret);
  hintConnectScript();
}

/**
 * The script half of {@link preloadConnect}, all `<ConnectProvider>` calls while it renders: so an
 * app that never preloads a secret ships neither the option checks nor the secret preload.
 */
export function hintConnectScript(): void {
  if (typeof document === 'undefined') {
    // Server rendering: React 19 emits the hint in the document's head. React 18 has no
    // `preload`, and a server has nothing else to start.
    // With the sandbox on (its URL in the server's EMBEDKIT_SANDBOX_URL, set by the Vite plugin or
    // the app), the page loads its stand-ins and the hint would only reach for Stripe's CDN. Read
    // through `globalThis`: Workers have no `process`.
    if (!(globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.EMBEDKIT_SANDBOX_URL) ReactDOM.preload?.(CONNECT_JS_URL, { as: 'script' });
    return;
  }
  // Connect.js already there (loaded, or a sandbox stand-in): the loader will not fetch it either.
  if (typeof (window as { StripeConnect?: { init?: unknown } }).StripeConnect?.init === 'function') return;
  // The official loader's own <script>, or a hint already there (from the HTML or a hydrated page;
  // any link to the script will do).
  if (document.querySelector(`script[src="${CONNECT_JS_URL}"],link[href="${CONNECT_JS_URL}"]`)) return;
  document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'script', href: CONNECT_JS_URL }));
}
