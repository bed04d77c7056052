import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  loadConnectAndInitialize,
  type AppearanceOptions,
  type CssFontSource,
  type CustomFontSource,
  type LoadError,
  type LoaderStart,
  type StripeConnectInstance,
} from '@stripe/connect-js/pure.js'; // with `.js`: the package has no exports map, and Node's ESM resolver needs the file
import { ConnectComponentsProvider } from '@stripe/react-connect-js';
import { flushSync } from 'react-dom';
import type { AccountSessionSource, WarmOptions } from '../../core/AccountSessionSource.js';
import { warmRule } from '../../core/checkOptions.js';
import { development } from '../../core/development.js';
import { EmbedkitError } from '../../core/EmbedkitError.js';
import type { FetchSecret, RetryOptions } from '../../core/types.js';
import { ConnectContext, type ConnectState } from './ConnectContext.js';
import { SessionErrorNotice, type SessionErrorProps } from '../SessionErrorNotice.js';
import { shortHash } from '../../shared/shortHash.js';
import { CONNECT_JS_URL } from '../../shared/stripeScriptUrls.js';
import { hold, register } from '../sessionRegistry.js';
import { CONNECT_OPTION_RULES, hintConnectScript } from '../universal/preloadConnect.js';
import { useAccountSessionSource } from './useAccountSession.js';
import { useIsomorphicLayoutEffect } from '../useIsomorphicLayoutEffect.js';
import { useLatest } from '../useLatest.js';
import { useOptionsProblem } from '../useOptionsProblem.js';
import { wrapConnectInstance } from './wrapConnectInstance.js';

/** Everything that goes wrong under a `<ConnectProvider>`, by where it came from. */
export type ConnectErrorEvent =
  | { source: 'session'; error: EmbedkitError }
  | { source: 'component'; elementTagName: string; error: LoadError['error'] }
  | { source: 'setup'; error: EmbedkitError };

/** Props of {@link ConnectProvider}: where the AccountSession secret comes from, and how Connect.js looks and reports. */
export interface ConnectProviderProps {
  /** Your Stripe publishable key (`pk_live_…` / `pk_test_…`). One Connect.js instance per key and account. */
  publishableKey: string;
  /**
   * Where AccountSession secrets come from: endpoint URL, request description, or function. Asked
   * once when the provider mounts (in parallel with loading Connect.js), then before expiry and
   * whenever Connect.js refreshes. A function is always called in its newest version; a URL or
   * request description is read when the session starts.
   */
  fetchSecret: FetchSecret<'account_session'>;
  /** The connected account the browser proposes (sent as `{ account }`); the server decides. A change logs the old one out. */
  account?: string;
  /** Connect.js appearance. Deep-compared; a change goes to `instance.update`, never a new instance. */
  appearance?: AppearanceOptions;
  /** Connect.js locale (e.g. `'fr-FR'`). Deep-compared; a change goes to `instance.update`. */
  locale?: string;
  /** Fonts for the components. Read once per instance: Connect.js cannot update fonts. */
  fonts?: Array<CssFontSource | CustomFontSource>;
  /**
   * Secret-fetch failures (`source: 'session'`), every component's load errors (`'component'`) and
   * setup problems such as Connect.js not loading or package version skew (`'setup'`). A failed
   * secret is reported once, as the session's, not again by each component it breaks. Without it,
   * setup problems go to `console.error`.
   */
  onError?: (event: ConnectErrorEvent) => void;
  /** Every component's loader start. A component's own `onLoaderStart` prop is called too. */
  onLoaderStart?: (event: LoaderStart) => void;
  /**
   * Shown instead of the children until Connect.js has loaded; from then on each component shows
   * Connect.js's own loader until the first secret arrives. Default: a polite "Loading…" status.
   */
  fallback?: ReactNode;
  /** Shown instead of the children when no session could be started or Connect.js cannot load. Default: the message and a "Try again" button. */
  errorFallback?: ReactNode | ((props: SessionErrorProps) => ReactNode);
  /** How failed secret requests are retried before the error is shown (attempts and backoff). */
  retry?: RetryOptions;
  /** The warm secret kept ready before expiry so Connect.js's refresh resolves at once; `false` turns it off. */
  warm?: WarmOptions | false;
  /** The Connect embedded components, and anything else that should share their session. */
  children?: ReactNode;
}

/**
 * The appearance and locale each instance currently has, as JSON: a deep comparison of the plain
 * values Connect.js takes, to send only real changes to `update`.
 */
const applied = new WeakMap<StripeConnectInstance, string>();

const PROP_RULES = {
  ...CONNECT_OPTION_RULES,
  // Checked here too, so a wrong one is the error UI, not a throw from the session source.
  warm: warmRule,
};

/** The Connect.js instance of one session, registered under it: shared by every provider of that session. */
interface Registered {
  instance: StripeConnectInstance;
  /** Which instance of the page this is, for the components' key: a new instance remounts them. */
  id: number;
  /**
   * Settles once Connect.js has loaded for the instance (`null`), or with why it cannot (offline,
   * blocked by CSP or an ad blocker). The official loader only rejects a promise nobody awaits; it
   * is read through `debugInstance()`, on its instances but undeclared. A loader without it (or
   * whose call throws, or answers no promise) settles at once: nothing to observe, so loaded.
   */
  loaded: Promise<EmbedkitError | null>;
}

/** What this provider rendered with: the instance, which (session, generation) it is for, and whether Connect.js has loaded. */
interface Bound extends Registered {
  source: AccountSessionSource;
  generation: number;
  /** The instance as this provider hands it to the official components (see wrapConnectInstance). */
  components: StripeConnectInstance;
  /** Why Connect.js could not load: `undefined` while it loads, `null` once it has. */
  loadError?: EmbedkitError | null;
}

let created = 0;

/** One Connect.js instance per (publishable key, account), its session, and the official components' context. */
export function ConnectProvider(props: ConnectProviderProps) {
  // In render, not in an effect: the download starts before the first commit, and a server
  // render puts the hint into the HTML.
  hintConnectScript();
  const { publishableKey, appearance, locale, errorFallback } = props;
  // Wrong props start no session and no instance: their error is the state, reported once as a
  // setup problem, and the error UI takes the provider's place.
  const problem = useOptionsProblem('<ConnectProvider>', props, PROP_RULES, 'account_session');
  const latest = useLatest(props);
  // String(): a wrong publishableKey comes here too, and must not throw.
  const { source, state } = useAccountSessionSource({ ...props, scope: shortHash(String(publishableKey)) }, problem);
  // A new generation is a new Connect.js instance for the same session: one whose first secret failed does not recover.
  const [generation, setGeneration] = useState(0);
  const [bound, setBound] = useState<Bound | null>(null);

  // Calls the newest onError whichever render's copy runs: no dependency of what uses it.
  const report = (event: ConnectErrorEvent) => {
    // The session's failure, already reported as such: not once more per component (only a
    // component's error has a `type`; embedkit's own have a `code`).
    if ((event.error as { type?: string }).type === 'account_session_create_error' && source?.getState().error) return;
    const onError = latest.current.onError;
    if (typeof onError === 'function') onError(event);
    else if (event.source === 'setup') console.error(event.error.message);
  };

  // Created in the provider's first commit, before paint: Connect.js's script and its eager
  // secret request start at once, in parallel. Registered under its session (so shared by every
  // provider of that session) and handed the session's own fetchClientSecret.
  useIsomorphicLayoutEffect(() => {
    if (!source) return;
    const key = String(generation);
    const entry = register(source, key, (): { value: Registered; start: () => () => void } => {
      const { appearance, locale, fonts } = latest.current;
      // The old session ends in Connect.js before the new one starts (a new account, or the app
      // removed the session at sign-out); `bound` is the instance this provider rendered with until
      // now (this closure's render): another session's, or none. A failed logout needs no
      // handling: that session expires on its own and no component uses it any more.
      if (bound && bound.source !== source) bound.instance.logout().catch(() => {});
      const instance = loadConnectAndInitialize({
        publishableKey,
        fetchClientSecret: source.fetchClientSecret,
        ...(appearance && { appearance }),
        ...(locale && { locale }),
        ...(fonts && { fonts }),
      });
      applied.set(instance, JSON.stringify([appearance, locale]));
      let loading: unknown;
      try {
        loading = (instance as { debugInstance?: () => unknown }).debugInstance?.();
      } catch {}
      const loaded = Promise.resolve(loading).then(
        () => null,
        (cause: unknown) =>
          new EmbedkitError(
            `Connect.js could not load from ${CONNECT_JS_URL}.${development() && process.env.NODE_ENV !== 'production' ? ' The page is offline, or a Content-Security-Policy or an ad blocker blocks it. Allow the Stripe sources (see stripeContentSecurityPolicy) and reload the page: the official loader does not try again on its own.' : ''}`,
            { code: 'network', kind: 'account_session', endpoint: CONNECT_JS_URL, cause },
          ),
      );
      // Nothing to stop: Stripe asks for logout() on sign-out only, not when components unmount.
      return { value: { instance, id: (created += 1), loaded }, start: () => () => {} };
    });
    const [{ value }, release] = hold(source, key, entry);
    setBound({
      source,
      generation,
      ...value,
      components: wrapConnectInstance(value.instance, report, latest),
    });
    // Rendered at once, in the task that loaded the script: the components mount and get their
    // connector now rather than after a scheduled render (one frame later in Chromium). Only while
    // this provider still renders that instance.
    value.loaded.then((loadError) => flushSync(() => setBound((now) => (now?.instance === value.instance ? { ...now, loadError } : now))));
    return release;
  }, [source, generation]);
  const connect = bound?.source === source && bound.generation === generation ? bound : null;
  const instance = connect?.instance;

  useEffect(() => {
    if (!instance) return;
    const next = JSON.stringify([appearance, locale]);
    if (applied.get(instance) === next) return;
    applied.set(instance, next);
    instance.update({ appearance, locale });
  }, [instance, appearance, locale]);

  const loadError = connect?.loadError;
  // Reported once each, even if React runs the effect twice (StrictMode): what failed to set up
  // first, else the session's failure (a state has an error exactly when its status is 'error').
  const setupError = loadError ?? problem;
  const failure = setupError ?? state.error;
  const reportedError = useRef<EmbedkitError | null>(null);
  useEffect(() => {
    if (!failure || reportedError.current === failure) return;
    reportedError.current = failure;
    report({ source: setupError ? 'setup' : 'session', error: failure });
  }, [failure]);

  const refresh = useCallback(() => {
    source?.refresh();
    // A Connect.js instance whose first secret failed does not recover: start a fresh one.
    setGeneration((n) => n + 1);
  }, [source]);
  const logout = useCallback(async () => {
    await instance?.logout();
  }, [instance]);
  const value = useMemo<ConnectState>(() => ({ ...state, refresh, logout }), [state, refresh, logout]);

  const shownError = loadError ?? (state.redacted === null && !state.isFetching && state.error);
  return (
    <ConnectContext.Provider value={value}>
      {shownError ? (
        typeof errorFallback === 'function' ? (
          errorFallback({ error: shownError, refresh })
        ) : (
          (errorFallback ?? <SessionErrorNotice error={shownError} refresh={refresh} />)
        )
      ) : loadError !== null ? (
        // Until Connect.js is there the components could only be empty elements (or, if it fails,
        // elements created against a failed loader): the fallback stands in.
        (props.fallback ?? <div role="status">Loading…</div>)
      ) : (
        // Mounted the moment Connect.js has loaded (loadError null, so `connect` is there), without
        // waiting for the first secret: each component shows Connect.js's own loader meanwhile, as
        // the official quickstart does.
        <ConnectComponentsProvider key={connect!.id} connectInstance={connect!.components}>
          {props.children}
        </ConnectComponentsProvider>
      )}
    </ConnectContext.Provider>
  );
}
