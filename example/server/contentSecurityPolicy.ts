import { stripeContentSecurityPolicy } from 'embedkit/server';

export interface PolicyContext {
  /** `serve` is the Vite dev server; `preview` serves the production build. */
  mode: 'serve' | 'preview';
  /** The sandbox's REST origin, which the stand-ins call; absent on real Stripe. */
  sandboxUrl: string | undefined;
}

/**
 * The example's Content-Security-Policy: the app's own strict policy, with the sources Stripe's
 * embedded UIs need added by embedkit's helper.
 *
 * Two relaxations, neither present in a production build on real Stripe: the dev server injects
 * inline scripts (React Fast Refresh) and inline styles (CSS imports), and the sandbox's stand-in
 * components style their shadow roots with inline `<style>` elements.
 */
export function contentSecurityPolicy({ mode, sandboxUrl }: PolicyContext): string {
  const dev = mode === 'serve';
  const inlineStyles = dev || sandboxUrl !== undefined;
  return stripeContentSecurityPolicy({
    directives: {
      'default-src': "'self'",
      'script-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
      'style-src': inlineStyles ? ["'self'", "'unsafe-inline'"] : ["'self'"],
      'connect-src': sandboxUrl ? ["'self'", new URL(sandboxUrl).origin] : ["'self'"],
      'img-src': ["'self'", 'data:'],
      'object-src': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
      'frame-ancestors': "'none'",
    },
  });
}
