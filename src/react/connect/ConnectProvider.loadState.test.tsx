// @vitest-environment jsdom
// Its own file: the loader is replaced by one whose instances carry a given `debugInstance`.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectProvider } from './ConnectProvider.js';

const loader = vi.hoisted(() => ({ debugInstance: undefined as unknown }));
vi.mock('@stripe/connect-js/pure.js', async (original) => ({
  ...(await original<object>()),
  loadConnectAndInitialize: () => ({ create: () => document.createElement('div'), update() {}, logout: async () => {}, debugInstance: loader.debugInstance }),
}));

afterEach(async () => {
  cleanup();
  // Deferred disposal runs a macrotask after unmount: let it run while the DOM is still here.
  await new Promise((resolve) => setTimeout(resolve, 5));
});

const view = () => (
  <ConnectProvider publishableKey="pk_test_1" fetchSecret={() => new Promise<never>(() => {})} fallback={<p>fallback</p>}>
    <p>components</p>
  </ConnectProvider>
);

describe('<ConnectProvider> reading whether Connect.js has loaded', () => {
  it('follows the promise debugInstance() answers', async () => {
    let load!: () => void;
    const loading = new Promise<void>((resolve) => (load = resolve));
    loader.debugInstance = () => loading;
    render(view());
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(screen.getByText('fallback')).toBeTruthy();
    expect(screen.queryByText('components')).toBeNull();
    await act(async () => load());
    expect(screen.getByText('components')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  // debugInstance() is undeclared: a loader of another shape must not break the provider.
  it.each([
    ['is missing', undefined],
    ['is not a function', 'debug'],
    ['answers no promise', () => ({ ready: true })],
    [
      'throws',
      () => {
        throw new Error('changed');
      },
    ],
  ])('counts the instance as loaded when debugInstance %s', async (_shape, debugInstance) => {
    loader.debugInstance = debugInstance;
    render(view());
    await waitFor(() => expect(screen.getByText('components')).toBeTruthy());
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
