import type { LoadError, LoaderStart, StripeConnectInstance } from '@stripe/connect-js/pure.js';
import { development } from '../../core/development.js';
import type { ConnectErrorEvent } from './ConnectProvider.js';
import { watchConnectVersions } from './checkConnectVersions.js';

type Listener<E> = ((event: E) => void) | undefined;

/**
 * Routes one of an element's events to both the provider and the component's own listener.
 * Connect.js delivers each event once, to the listener set when it happens, and the official React
 * component sets its prop (or `undefined`) only in an effect after `create`, so listener
 * replacement would lose one side. Instead one dispatcher goes to Connect.js, once, and later
 * setter calls only change whom it forwards to. Events that came before the component set its own
 * listener for the first time are handed to that listener when it arrives: for the component it
 * is the same mount.
 */
function chainListener<E>(element: HTMLElement, method: 'setOnLoadError' | 'setOnLoaderStart', provider: (event: E) => void): void {
  const target = element as unknown as Record<string, unknown>;
  const original = target[method];
  if (typeof original !== 'function') return;
  let own: Listener<E>;
  // Until the component first sets its own; from then on null.
  let missed: E[] | null = [];
  (original as (listener: Listener<E>) => void).call(element, (event: E) => {
    provider(event);
    if (own) own(event);
    else missed?.push(event);
  });
  target[method] = (listener: Listener<E>) => {
    own = listener;
    missed?.forEach((event) => listener?.(event));
    missed = null;
  };
}

/**
 * The Connect.js instance as `<ConnectProvider>` hands it to the official components: identical,
 * except that `create` routes every component's load errors (as `component` events, to `report`)
 * and loader starts (to the newest `onLoaderStart` the provider rendered with) and, in development, checks that `@stripe/react-connect-js` and
 * `@stripe/connect-js` fit together (a `setup` event, once). The components stay the official
 * ones, untouched.
 */
export function wrapConnectInstance(
  instance: StripeConnectInstance,
  report: (event: ConnectErrorEvent) => void,
  latest: { readonly current: { onLoaderStart?: ((event: LoaderStart) => void) | undefined } },
): StripeConnectInstance {
  let reported = false;
  const create = ((tagName: Parameters<StripeConnectInstance['create']>[0]) => {
    const element = instance.create(tagName);
    // Development only (see development), and before the setters are chained below: the loader's
    // own setter is where its version is read.
    if (development() && process.env.NODE_ENV !== 'production') {
      watchConnectVersions(element, tagName, (error) => {
        if (reported) return;
        reported = true;
        report({ source: 'setup', error });
      });
    }
    chainListener<LoadError>(element, 'setOnLoadError', (event) => report({ source: 'component', ...event }));
    chainListener<LoaderStart>(element, 'setOnLoaderStart', (event) => latest.current.onLoaderStart?.(event));
    return element;
  }) as StripeConnectInstance['create'];
  return { ...instance, create };
}
