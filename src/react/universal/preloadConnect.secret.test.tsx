// @vitest-environment jsdom
import { Component, StrictMode, type ReactNode } from 'react';
import { act, render, screen, waitFor } from '@testing-library/react';
import { ConnectPayments } from '@stripe/react-connect-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FetchSecretContext } from '../../core/types.js';
import { ConnectProvider } from '../connect/ConnectProvider.js';
import { preloadConnect } from './preloadConnect.js';
import { takePreloadedSecret } from '../../core/preloadedSecrets.js';
import { shortHash } from '../../shared/shortHash.js';
import { useConnect } from '../connect/useConnect.js';
import { installFakeConnectForEachTest, type FakeConnect } from '../__tests__/fakeConnect.js';
import { secretFunction } from '../__tests__/secretFor.js';

let fake: FakeConnect;
installFakeConnectForEachTest((installed) => (fake = installed));
// Registered after, so it runs before the shared teardown waits on a (then real) timer.
afterEach(() => {
  vi.useRealTimers();
});

/** A `fetchSecret` that never answers, keeping each request's signal. */
function hangingSecret() {
  const signals: AbortSignal[] = [];
  const fetchSecret = vi.fn((context: FetchSecretContext) => {
    signals.push(context.signal);
    return new Promise<never>(() => {});
  });
  return { fetchSecret, signals };
}

function Status() {
  const session = useConnect();
  return <p data-testid="status">{`${session.status}:${session.fetchCount}`}</p>;
}

const eagerSecretOf = (index: number) =>
  (fake.instances[index]!.params.metaOptions as { eagerClientSecretPromise: Promise<string> }).eagerClientSecretPromise;

describe('preloadConnect with the provider it is for', () => {
  it('requests the first secret before anything renders, and the provider hands that one to Connect.js', async () => {
    const early = secretFunction('accs_secret_');
    const own = secretFunction('accs_secret_');
    preloadConnect({ publishableKey: 'pk_test_early', fetchSecret: early, account: 'acct_1' });
    await waitFor(() => expect(early).toHaveBeenCalledTimes(1));
    expect(early.mock.calls[0]![0].params).toEqual({ account: 'acct_1' });

    render(
      <StrictMode>
        <ConnectProvider publishableKey="pk_test_early" account="acct_1" fetchSecret={own}>
          <ConnectPayments />
          <Status />
        </ConnectProvider>
      </StrictMode>,
    );
    await waitFor(() => expect(fake.init).toHaveBeenCalledTimes(1));
    await expect(eagerSecretOf(0)).resolves.toMatch(/^accs_secret_test1_/);
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('success:1'));
    // One AccountSession in all: the preloaded one. The provider's own fetchSecret is for refreshes.
    expect(own).not.toHaveBeenCalled();
    expect(early).toHaveBeenCalledTimes(1);
    expect(fake.init).toHaveBeenCalledTimes(1);
  });

  it('is not taken by a provider for another account, which fetches its own', async () => {
    const early = secretFunction('accs_secret_');
    const own = secretFunction('accs_secret_');
    preloadConnect({ publishableKey: 'pk_test_other', fetchSecret: early, account: 'acct_1' });
    render(
      <ConnectProvider publishableKey="pk_test_other" account="acct_2" fetchSecret={own}>
        <Status />
      </ConnectProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('success:1'));
    expect(own).toHaveBeenCalledTimes(1);
    // Still waiting for its own provider.
    expect(takePreloadedSecret(shortHash('pk_test_other'), 'acct_1')).not.toBeNull();
  });

  it('asks once however often it is called before the provider takes it', async () => {
    const early = secretFunction('accs_secret_');
    preloadConnect({ publishableKey: 'pk_test_twice', fetchSecret: early });
    preloadConnect({ publishableKey: 'pk_test_twice', fetchSecret: early });
    await waitFor(() => expect(early).toHaveBeenCalledTimes(1));
    expect(takePreloadedSecret(shortHash('pk_test_twice'), null)).not.toBeNull();
    expect(takePreloadedSecret(shortHash('pk_test_twice'), null)).toBeNull();
  });

  it('aborts the preloaded request when its provider unmounts before the secret arrives', async () => {
    const { fetchSecret, signals } = hangingSecret();
    preloadConnect({ publishableKey: 'pk_test_gone', fetchSecret });
    const { unmount } = render(<ConnectProvider publishableKey="pk_test_gone" fetchSecret={secretFunction('accs_secret_')} />);
    await waitFor(() => expect(signals).toHaveLength(1));
    await act(async () => {});
    expect(signals[0]!.aborted).toBe(false);
    unmount();
    await Promise.resolve();
    expect(signals[0]!.aborted).toBe(true);
  });

  it('is not taken by a provider whose render React throws away: registering a session has no side effects', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const early = secretFunction('accs_secret_');
    const own = secretFunction('accs_secret_');
    preloadConnect({ publishableKey: 'pk_test_discarded', fetchSecret: early });
    function Boom(): ReactNode {
      throw new Error('boom');
    }
    class Boundary extends Component<{ children: ReactNode }, { failed: boolean }> {
      override state = { failed: false };
      static getDerivedStateFromError() {
        return { failed: true };
      }
      override render() {
        return this.state.failed ? <p>failed</p> : this.props.children;
      }
    }
    render(
      <Boundary>
        <ConnectProvider publishableKey="pk_test_discarded" fetchSecret={own} />
        <Boom />
      </Boundary>,
    );
    await screen.findByText('failed');
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(own).not.toHaveBeenCalled();
    expect(fake.init).not.toHaveBeenCalled();
    expect(takePreloadedSecret(shortHash('pk_test_discarded'), null)).not.toBeNull();
  });

  it('drops a secret no provider took within a minute, aborting its request', async () => {
    vi.useFakeTimers();
    const { fetchSecret, signals } = hangingSecret();
    preloadConnect({ publishableKey: 'pk_test_unused', fetchSecret });
    await vi.advanceTimersByTimeAsync(59_000);
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(signals[0]!.aborted).toBe(true);
    expect(takePreloadedSecret(shortHash('pk_test_unused'), null)).toBeNull();
  });
});
