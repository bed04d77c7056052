// `embedkit/sandbox/react`: the sandbox's stand-in scripts for pages a server renders (Next.js,
// React Router, any React SSR). No hooks and no 'use client': a Server Component renders it too.
import { EmbedkitError } from '../core/EmbedkitError.js';
import { SCRIPT_ROUTES } from './protocol.js';

/** Props of {@link SandboxScripts}. */
export interface SandboxScriptsProps {
  /**
   * The running sandbox's base URL, e.g. `process.env.EMBEDKIT_SANDBOX_URL`
   * (`http://127.0.0.1:12111`). Nothing renders while it is `undefined` or empty, so a deployment
   * without the sandbox serves its pages unchanged.
   */
  url: string | undefined;
}

const NAMES = Object.keys(SCRIPT_ROUTES) as (keyof typeof SCRIPT_ROUTES)[];

/**
 * Loads the sandbox's stand-ins for Connect.js, Stripe.js, the pricing table and the buy button,
 * as classic blocking `<script>` tags: render it in the document's `<head>` (Next.js root layout,
 * React Router `Layout`). The browser runs them before the app's own scripts hydrate, so
 * `window.StripeConnect` and `window.Stripe` are defined when the official loaders look, and they
 * never fetch Stripe's CDN. With the sandbox URL in the server's environment
 * (`EMBEDKIT_SANDBOX_URL`), `<ConnectProvider>` and `preloadConnect()` also leave out their
 * Connect.js preload hint.
 */
export function SandboxScripts({ url }: SandboxScriptsProps) {
  if (!url) return null;
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    base = new URL('invalid:');
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new EmbedkitError(`<SandboxScripts url>: expected the sandbox's base URL, such as http://127.0.0.1:12111 (EMBEDKIT_SANDBOX_URL); received ${JSON.stringify(url)}.`, {
      code: 'invalid_options',
      field: 'url',
    });
  }
  const origin = base.href.replace(/\/+$/, '');
  return (
    <>
      {NAMES.map((name) => (
        <script key={name} src={`${origin}${SCRIPT_ROUTES[name]}`} data-embedkit-sandbox={name} />
      ))}
    </>
  );
}
