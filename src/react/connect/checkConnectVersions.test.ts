// @vitest-environment jsdom
import { connectElementTagNames, loadConnectAndInitialize } from '@stripe/connect-js/pure.js';
import { describe, expect, it, vi } from 'vitest';
import { checkConnectVersions } from './checkConnectVersions.js';
import { readConnectVersions } from './readConnectVersions.js';
import { installFakeConnect } from '../__tests__/fakeConnect.js';

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

describe('readConnectVersions', () => {
  it('reads both versions from an element the real loader created and the React package stamped', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    installFakeConnect();
    const instance = loadConnectAndInitialize({ publishableKey: 'pk_test_1', fetchClientSecret: async () => 'accs_secret_x' });
    const element = instance.create('payments');
    element.setAttribute('reactSdkAnalytics', '3.4.4');
    expect(readConnectVersions(element)).toEqual({ react: '3.4.4', connect: '3.4.6' });
  });
});
