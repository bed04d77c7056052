import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { StripeConnectInstance } from '@stripe/connect-js/pure.js';
import { development } from '../../core/development.js';
import { EmbedkitError } from '../../core/EmbedkitError.js';
import { CONNECT_JS_URL } from '../../shared/stripeScriptUrls.js';

/** Whether Connect.js has loaded for an instance, or why it could not. */
export type ConnectLoadState = { loaded: boolean; error: EmbedkitError | null };

/** Which instance settled, and how: `error` null when Connect.js loaded. */
type Observed = { instance: StripeConnectInstance; error: EmbedkitError | null };

/**
 * Observes Connect.js loading for `instance`, so the provider mounts the components only once
 * Connect.js is there and shows an error instead of blank components when it cannot load
 * (offline, blocked by CSP or an ad blocker). The official loader only rejects a promise nobody
 * awaits; it is read through `debugInstance()`, and without that method the instance counts as
 * loaded (nothing to observe).
 */
export function useConnectLoadState(instance: StripeConnectInstance | null): ConnectLoadState {
  const [observed, setObserved] = useState<Observed | null>(null);
  useEffect(() => {
    if (!instance) return;
    let current = true;
    const settle = (error: EmbedkitError | null) => current && setObserved({ instance, error });
    // The loader's promise of the real instance, from `debugInstance()`: on the official loader's
    // instances but undeclared. A loader without it (or whose call throws, or answers no promise)
    // resolves at once: nothing to observe, so loaded.
    let loading: unknown;
    try {
      loading = (instance as { debugInstance?: () => unknown }).debugInstance?.();
    } catch {}
    Promise.resolve(loading).then(
      // Rendered at once, in the task that loaded the script: the components mount and get their
      // connector now rather than after a scheduled render (one frame later in Chromium).
      () => flushSync(() => settle(null)),
      (cause: unknown) =>
        settle(
          new EmbedkitError(
            `Connect.js could not load from ${CONNECT_JS_URL}.${development() && process.env.NODE_ENV !== 'production' ? ' The page is offline, or a Content-Security-Policy or an ad blocker blocks it. Allow the Stripe sources (see stripeContentSecurityPolicy) and reload the page: the official loader does not try again on its own.' : ''}`,
            { code: 'network', kind: 'account_session', endpoint: CONNECT_JS_URL, cause },
          ),
        ),
    );
    return () => {
      current = false;
    };
  }, [instance]);
  const error = observed?.instance === instance ? observed.error : null;
  return { loaded: observed?.instance === instance && !error, error };
}
