import { connectElementTagNames, type LoadError, type LoaderStart, type StripeConnectInstance } from '@stripe/connect-js/pure.js';
import type { EmbedkitError } from '../core/EmbedkitError.js';
import { checkConnectVersions } from './checkConnectVersions.js';
import { readConnectVersions } from './readConnectVersions.js';

/** What the provider adds to every component created through the wrapped instance. */
export interface ConnectInstanceHooks {
  onLoadError(event: LoadError): void;
  onLoaderStart(event: LoaderStart): void;
  onVersionSkew(error: EmbedkitError): void;
}

type Listener<E> = ((event: E) => void) | undefined;

/**
 * Chains the provider's listener after the component's own. The loader installs each setter as an
 * own property of the element; the official React component calls it with the user's prop (or
 * `undefined`), which would replace a listener set once, so the setter itself is wrapped.
 */
function chainListener<E>(element: HTMLElement, method: 'setOnLoadError' | 'setOnLoaderStart', provider: (event: E) => void): void {
  const target = element as unknown as Record<string, unknown>;
  const original = target[method];
  if (typeof original !== 'function') return;
  const install = (own: Listener<E>) =>
    (original as (listener: Listener<E>) => void).call(element, (event: E) => {
      own?.(event);
      provider(event);
    });
  target[method] = install;
  install(undefined);
}

/**
 * The Connect.js instance as `<ConnectProvider>` hands it to the official components: identical,
 * except that `create` routes every component's load errors and loader starts to the provider and
 * checks that `@stripe/react-connect-js` and `@stripe/connect-js` fit together. The components
 * stay the official ones, untouched.
 */
export function wrapConnectInstance(instance: StripeConnectInstance, hooks: ConnectInstanceHooks): StripeConnectInstance {
  let reported = false;
  const create = ((tagName: Parameters<StripeConnectInstance['create']>[0]) => {
    const element = instance.create(tagName);
    chainListener<LoadError>(element, 'setOnLoadError', (event) => hooks.onLoadError(event));
    chainListener<LoaderStart>(element, 'setOnLoaderStart', (event) => hooks.onLoaderStart(event));
    // The React package stamps its version right after `create` returns.
    queueMicrotask(() => {
      const versions = readConnectVersions(element);
      const skew = checkConnectVersions(versions.react, versions.connect, tagName, connectElementTagNames);
      if (!skew || reported) return;
      reported = true;
      hooks.onVersionSkew(skew);
    });
    return element;
  }) as StripeConnectInstance['create'];
  return { ...instance, create };
}
