// @vitest-environment jsdom
// Its own file: the official loader memoizes its script promise for the module's lifetime, and
// here Connect.js is not there yet when the provider mounts.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { ConnectPayments } from '@stripe/react-connect-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectProvider } from './ConnectProvider.js';
import { installFakeConnect, type FakeConnectElement } from '../__tests__/fakeConnect.js';

afterEach(async () => {
  cleanup();
  // Deferred disposal runs a macrotask after unmount: let it run while the DOM is still here.
  await new Promise((resolve) => setTimeout(resolve, 5));
});

describe('<ConnectProvider> while Connect.js loads', () => {
  it('asks for the first secret together with the script, and shows the fallback until Connect.js is there', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fetchSecret = vi.fn(() => new Promise<never>(() => {}));
    const onLoaderStart = vi.fn();
    render(
      <ConnectProvider publishableKey="pk_test_1" fetchSecret={fetchSecret} onLoaderStart={onLoaderStart} fallback={<p>Preparing payments…</p>}>
        <ConnectPayments />
      </ConnectProvider>,
    );
    // Both started in the first commit, neither waiting for the other.
    const script = document.querySelector<HTMLScriptElement>('script[src="https://connect-js.stripe.com/v1.0/connect.js"]');
    expect(script).not.toBeNull();
    await waitFor(() => expect(fetchSecret).toHaveBeenCalledTimes(1));
    expect(screen.getByText('Preparing payments…')).toBeTruthy();
    expect(document.querySelector('stripe-connect-payments')).toBeNull();

    // What the browser does once the script has run: the global is there, then `load`.
    installFakeConnect();
    await act(async () => void script!.dispatchEvent(new Event('load')));
    await waitFor(() => expect(onLoaderStart).toHaveBeenCalledWith({ elementTagName: 'stripe-connect-payments' }));
    expect((document.querySelector('stripe-connect-payments') as FakeConnectElement).connector).toBeTruthy();
    expect(screen.queryByText('Preparing payments…')).toBeNull();
    // Still the one request: the secret has not arrived, and nothing asked twice.
    expect(fetchSecret).toHaveBeenCalledTimes(1);
  });
});
