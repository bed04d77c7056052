// @vitest-environment jsdom
import { connectElementTagNames, loadConnectAndInitialize, type StripeConnectInstance } from '@stripe/connect-js/pure.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkConnectVersions } from './checkConnectVersions.js';
import { readConnectJsVersion, readReactConnectVersion } from './readConnectVersions.js';
import { wrapConnectInstance } from './wrapConnectInstance.js';
import { installFakeConnect } from '../__tests__/fakeConnect.js';

afterEach(() => vi.unstubAllEnvs());

/** Lets the microtasks queued so far run (the check waits one for the React package's stamp). */
const microtasksSoFar = () => new Promise<void>((resolve) => queueMicrotask(resolve));

/** An element created through the provider's wrapper and stamped as `@stripe/react-connect-js` stamps it. */
function createStamped(reactVersion: string | null, instance?: StripeConnectInstance) {
  const onVersionSkew = vi.fn();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  installFakeConnect();
  const loaded = instance ?? loadConnectAndInitialize({ publishableKey: 'pk_test_1', fetchClientSecret: async () => 'accs_secret_x' });
  const wrapped = wrapConnectInstance(loaded, (event) => event.source === 'setup' && onVersionSkew(event.error), { current: {} });
  const element = wrapped.create('payments');
  if (reactVersion !== null) element.setAttribute('reactSdkAnalytics', reactVersion);
  return onVersionSkew;
}

describe('checkConnectVersions', () => {
  it('accepts the installed pair and same-minor later patches', () => {
    expect(checkConnectVersions('3.4.4', '3.4.6', 'payments', connectElementTagNames)).toBeNull();
    expect(checkConnectVersions('3.4.4', '3.4.9', 'payments', connectElementTagNames)).toBeNull();
    expect(checkConnectVersions(null, null, 'payments', connectElementTagNames)).toBeNull();
  });

  it('names both packages and versions when they do not fit', () => {
    const older = checkConnectVersions('3.4.4', '3.4.5', 'payments', connectElementTagNames);
    expect(older?.message).toContain('@stripe/react-connect-js 3.4.4 with @stripe/connect-js 3.4.5');
    expect(older?.message).toContain('needs @stripe/connect-js 3.4.6');
    expect(older?.code).toBe('invalid_options');
    expect(checkConnectVersions('3.5.0', '3.4.6', 'payments', connectElementTagNames)?.message).toMatch(/Version skew/);
  });

  it('flags a component the loader does not know, whatever the versions say', () => {
    expect(checkConnectVersions('3.4.4', '3.4.6', 'payments-v2', connectElementTagNames)?.message).toMatch(/renders "payments-v2"/);
  });
});

describe('readConnectJsVersion and readReactConnectVersion', () => {
  it('reads both versions from an element the real loader created and the React package stamped', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    installFakeConnect();
    const instance = loadConnectAndInitialize({ publishableKey: 'pk_test_1', fetchClientSecret: async () => 'accs_secret_x' });
    const element = instance.create('payments');
    element.setAttribute('reactSdkAnalytics', '3.4.4');
    expect([readReactConnectVersion(element), readConnectJsVersion(element)]).toEqual(['3.4.4', '3.4.6']);
  });
});

describe('the version check of <ConnectProvider> components', () => {
  it('reports a React package of another minor than the loader that created the element', async () => {
    const onVersionSkew = createStamped('3.5.0');
    await vi.waitFor(() => expect(onVersionSkew).toHaveBeenCalledTimes(1));
    expect(onVersionSkew.mock.calls[0]![0].message).toContain('@stripe/react-connect-js 3.5.0 with @stripe/connect-js 3.4.6');
  });

  it('runs in development only: a production build reports nothing', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const onVersionSkew = createStamped('3.5.0');
    await microtasksSoFar();
    expect(onVersionSkew).not.toHaveBeenCalled();
  });

  it('judges nothing and throws nothing when the elements look different from what it knows', async () => {
    const odd = document.createElement('div');
    Object.defineProperty(odd, 'setOnLoadError', { value: 'not a function' });
    Object.defineProperty(odd, 'getAttribute', {
      value: () => {
        throw new Error('shape changed');
      },
    });
    const instance = { create: () => odd } as unknown as StripeConnectInstance;
    const onVersionSkew = createStamped(null, instance);
    await microtasksSoFar();
    expect(onVersionSkew).not.toHaveBeenCalled();
  });
});
