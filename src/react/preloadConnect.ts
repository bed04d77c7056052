import * as ReactDOM from 'react-dom';
import { CONNECT_JS_URL } from './connectJsUrl.js';

/**
 * Starts downloading Connect.js now, so it is there sooner when `<ConnectProvider>` asks for it.
 * `<ConnectProvider>` calls it while it renders; call it yourself earlier, at the top of the
 * module that renders your app, to gain the time React takes to reach the provider. Idempotent.
 *
 * The fastest start is a hint in the HTML itself, before any script runs:
 * `<link rel="preload" as="script" href="https://connect-js.stripe.com/v1.0/connect.js">`.
 * With React 19 server rendering the provider puts that hint into the HTML for you. Nothing is
 * fetched when Connect.js is already on the page (as with the `embedkit/sandbox/vite` stand-ins).
 */
export function preloadConnect(): void {
  if (typeof document === 'undefined') {
    // Server rendering: React 19 emits the hint in the document's head. React 18 has no
    // `preload`, and a server has nothing else to start.
    ReactDOM.preload?.(CONNECT_JS_URL, { as: 'script' });
    return;
  }
  // Connect.js already there (loaded, or a sandbox stand-in): the loader will not fetch it either.
  if (typeof (window as { StripeConnect?: { init?: unknown } }).StripeConnect?.init === 'function') return;
  // The official loader's own <script>, or a hint already there (from the HTML or a hydrated page).
  if (document.querySelector(`script[src="${CONNECT_JS_URL}"],link[rel="preload"][href="${CONNECT_JS_URL}"]`)) return;
  document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'script', href: CONNECT_JS_URL }));
}
