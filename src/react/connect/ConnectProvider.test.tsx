// @vitest-environment jsdom
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ConnectPayments } from '@stripe/react-connect-js';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { ConnectProvider } from './ConnectProvider.js';
import { useConnect } from './useConnect.js';
import { installFakeConnectForEachTest, type FakeConnect, type FakeConnectElement } from '../__tests__/fakeConnect.js';
import { secretFunction } from '../__tests__/secretFor.js';

let fake: FakeConnect;
installFakeConnectForEachTest((installed) => (fake = installed));

/** Lets deferred disposal (a macrotask) and promise chains run. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 10)));

const paymentsElement = () => document.querySelector('stripe-connect-payments') as FakeConnectElement | null;

/**
 * Renders outside `act`, so React runs passive effects on its own schedule as in a browser: after
 * the loader's promise callbacks, not flushed synchronously before them.
 */
function renderOnReactsSchedule(ui: ReactNode): () => void {
  const environment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  const previous = environment.IS_REACT_ACT_ENVIRONMENT;
  environment.IS_REACT_ACT_ENVIRONMENT = false;
  const container = document.body.appendChild(document.createElement('div'));
  const root = createRoot(container);
  root.render(ui);
  return () => {
    root.unmount();
    container.remove();
    environment.IS_REACT_ACT_ENVIRONMENT = previous;
  };
}

function Status() {
  const connect = useConnect();
  return <output data-testid="status">{`${connect.status}:${connect.fetchCount}:${connect.redacted}`}</output>;
}

describe('<ConnectProvider>', () => {
  it('creates exactly one Connect.js instance and one AccountSession under StrictMode', async () => {
    const fetchSecret = secretFunction('accs_secret_');
    render(
      <StrictMode>
        <ConnectProvider publishableKey="pk_test_1" fetchSecret={fetchSecret}>
          <ConnectPayments />
        </ConnectProvider>
      </StrictMode>,
    );
    await waitFor(() => expect(paymentsElement()?.connector).toBeTruthy());
    await settle();
    expect(fetchSecret).toHaveBeenCalledTimes(1);
    expect(fake.init).toHaveBeenCalledTimes(1);
  });

  it('shares one Connect.js instance and one session among providers with the same key and account', async () => {
    const fetchSecret = secretFunction('accs_secret_');
    const provider = (account: string) => (
      <ConnectProvider publishableKey="pk_test_1" fetchSecret={fetchSecret} account={account}>
        <ConnectPayments />
      </ConnectProvider>
    );
    render(
      <StrictMode>
        {provider('acct_1')}
        {provider('acct_1')}
        {provider('acct_2')}
      </StrictMode>,
    );
    await waitFor(() => expect(document.querySelectorAll('stripe-connect-payments')).toHaveLength(3));
    await settle();
    expect(fake.init).toHaveBeenCalledTimes(2);
    expect(fetchSecret.mock.calls.map(([context]) => context.params.account).sort()).toEqual(['acct_1', 'acct_2']);
  });

  it('proposes the account, and on a new account logs the old instance out before creating a new one', async () => {
    const fetchSecret = secretFunction('accs_secret_');
    const view = (account: string) => (
      <ConnectProvider publishableKey="pk_test_1" fetchSecret={fetchSecret} account={account}>
        <ConnectPayments />
      </ConnectProvider>
    );
    const { rerender } = render(view('acct_1'));
    await waitFor(() => expect(paymentsElement()?.connector).toBeTruthy());
    const first = paymentsElement();
    rerender(view('acct_2'));
    await waitFor(() => expect(fake.init).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(paymentsElement()).not.toBe(first));
    expect(fake.log.filter((entry) => !entry.startsWith('update'))).toEqual(['init:pk_test_1', 'logout', 'init:pk_test_1']);
    expect(fake.instances[0]!.logout).toHaveBeenCalledTimes(1);
    expect(fetchSecret.mock.calls.map(([context]) => context.params.account)).toEqual(['acct_1', 'acct_2']);
  });

  it('sends a deep-different appearance or locale to instance.update and never re-creates', async () => {
    const fetchSecret = secretFunction('accs_secret_');
    const view = (colorPrimary: string, locale: string) => (
      <ConnectProvider publishableKey="pk_test_1" fetchSecret={fetchSecret} appearance={{ variables: { colorPrimary } }} locale={locale}>
        <ConnectPayments />
      </ConnectProvider>
    );
    const { rerender } = render(view('#000000', 'en'));
    await waitFor(() => expect(paymentsElement()?.connector).toBeTruthy());
    rerender(view('#000000', 'en'));
    await settle();
    expect(fake.instances[0]!.update).not.toHaveBeenCalled();
    rerender(view('#ff0000', 'fr'));
    await settle();
    expect(fake.instances[0]!.update).toHaveBeenCalledTimes(1);
    expect(fake.instances[0]!.update).toHaveBeenCalledWith({ appearance: { variables: { colorPrimary: '#ff0000' } }, locale: 'fr' });
    expect(fake.init).toHaveBeenCalledTimes(1);
  });

  it('mounts the components once Connect.js is there, their loaders showing while the first secret is on its way', async () => {
    let answer!: (value: { client_secret: string; expires_at: number }) => void;
    const fetchSecret = vi.fn(() => new Promise<{ client_secret: string; expires_at: number }>((resolve) => (answer = resolve)));
    const onLoaderStart = vi.fn();
    render(
      <ConnectProvider publishableKey="pk_test_1" fetchSecret={fetchSecret} fallback={<p>Preparing payments…</p>} onLoaderStart={onLoaderStart}>
        <ConnectPayments />
        <Status />
      </ConnectProvider>,
    );
    // Connect.js asks for the secret on its own schedule after init, which may come after the
    // loader shows (it did under load), so wait for both rather than assume an order.
    await waitFor(() => {
      expect(onLoaderStart).toHaveBeenCalledWith({ elementTagName: 'stripe-connect-payments' });
      expect(fetchSecret).toHaveBeenCalledTimes(1);
    });
    expect(paymentsElement()?.connector).toBeTruthy();
    expect(screen.queryByText('Preparing payments…')).toBeNull();
    expect(screen.getByTestId('status').textContent).toBe('pending:0:null');
    await act(async () => answer({ client_secret: 'accs_secret_one_xxxxxxxxxxxxxxxx', expires_at: Math.floor(Date.now() / 1000) + 3600 }));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('success:1:accs_secret_…[redacted]'));
    expect(fake.init).toHaveBeenCalledTimes(1);
  });

  it('on a failed fetch shows an error with a working retry and reports it to onError', async () => {
    const onError = vi.fn();
    let fail = true;
    const fetchSecret = vi.fn(async () => {
      if (fail) throw new Error('offline');
      return { client_secret: 'accs_secret_two_xxxxxxxxxxxxxxxx', expires_at: Math.floor(Date.now() / 1000) + 3600 };
    });
    render(
      <ConnectProvider publishableKey="pk_test_1" fetchSecret={fetchSecret} retry={{ attempts: 1 }} onError={onError}>
        <ConnectPayments />
      </ConnectProvider>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('fetchSecret function threw');
    expect(onError).toHaveBeenCalledWith({ source: 'session', error: expect.objectContaining({ name: 'EmbedkitError', code: 'network' }) });
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(paymentsElement()?.connector).toBeTruthy());
    expect(fetchSecret).toHaveBeenCalledTimes(2);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it("reports a failed first secret once, as the session's, while each component's own onLoadError still hears it", async () => {
    const onError = vi.fn();
    const ownLoadError = vi.fn();
    let fail!: (error: Error) => void;
    const fetchSecret = vi.fn(() => new Promise<never>((_, reject) => (fail = reject)));
    render(
      <ConnectProvider publishableKey="pk_test_1" fetchSecret={fetchSecret} retry={{ attempts: 1 }} onError={onError}>
        <ConnectPayments onLoadError={ownLoadError} />
      </ConnectProvider>,
    );
    // The component is up, showing Connect.js's loader, when the secret fails.
    await waitFor(() => expect(paymentsElement()?.connector).toBeTruthy());
    await act(async () => fail(new Error('offline')));
    await screen.findByRole('alert');
    await settle();
    expect(ownLoadError).toHaveBeenCalledWith({ elementTagName: 'stripe-connect-payments', error: expect.objectContaining({ type: 'account_session_create_error' }) });
    expect(onError.mock.calls).toEqual([[{ source: 'session', error: expect.objectContaining({ code: 'network' }) }]]);
  });

  it("routes every component's load errors and loader starts to the provider, keeping the component's own", async () => {
    const onError = vi.fn();
    const onLoaderStart = vi.fn();
    const ownLoadError = vi.fn();
    render(
      <ConnectProvider publishableKey="pk_test_1" fetchSecret={secretFunction('accs_secret_')} onError={onError} onLoaderStart={onLoaderStart}>
        <ConnectPayments onLoadError={ownLoadError} />
      </ConnectProvider>,
    );
    await waitFor(() => expect(paymentsElement()?.listeners.setOnLoadError).toBeTypeOf('function'));
    await settle();
    const element = paymentsElement()!;
    const loadError = { elementTagName: 'stripe-connect-payments', error: { type: 'api_error' as const, message: 'boom' } };
    (element.listeners.setOnLoadError as (event: unknown) => void)(loadError);
    (element.listeners.setOnLoaderStart as (event: unknown) => void)({ elementTagName: 'stripe-connect-payments' });
    expect(ownLoadError).toHaveBeenCalledWith(loadError);
    expect(onError).toHaveBeenCalledWith({ source: 'component', elementTagName: 'stripe-connect-payments', error: loadError.error });
    expect(onLoaderStart).toHaveBeenCalledWith({ elementTagName: 'stripe-connect-payments' });
  });

  it("calls both the provider's and the component's own onLoaderStart and onLoadError when Connect.js reports each once", async () => {
    fake.events = { loadError: { type: 'api_error', message: 'boom' } };
    const onError = vi.fn();
    const onLoaderStart = vi.fn();
    const ownLoaderStart = vi.fn();
    const ownLoadError = vi.fn();
    const unmount = renderOnReactsSchedule(
      <StrictMode>
        <ConnectProvider publishableKey="pk_test_1" fetchSecret={secretFunction('accs_secret_')} onError={onError} onLoaderStart={onLoaderStart}>
          <ConnectPayments onLoaderStart={ownLoaderStart} onLoadError={ownLoadError} />
        </ConnectProvider>
      </StrictMode>,
    );
    onTestFinished(unmount);
    await vi.waitFor(() => expect(paymentsElement()?.connector).toBeTruthy());
    await new Promise((resolve) => setTimeout(resolve, 20));
    const loaderStart = { elementTagName: 'stripe-connect-payments' };
    const loadError = { elementTagName: 'stripe-connect-payments', error: { type: 'api_error', message: 'boom' } };
    expect(onLoaderStart.mock.calls).toEqual([[loaderStart]]);
    expect(ownLoaderStart.mock.calls).toEqual([[loaderStart]]);
    expect(ownLoadError.mock.calls).toEqual([[loadError]]);
    expect(onError.mock.calls).toEqual([[{ source: 'component', elementTagName: 'stripe-connect-payments', error: loadError.error }]]);
  });

  it('keeps the provider hearing a component whose own listeners come and go', async () => {
    const onLoaderStart = vi.fn();
    const ownLoaderStart = vi.fn();
    const view = (own?: () => void) => (
      <ConnectProvider publishableKey="pk_test_1" fetchSecret={secretFunction('accs_secret_')} onLoaderStart={onLoaderStart}>
        <ConnectPayments onLoaderStart={own} />
      </ConnectProvider>
    );
    const { rerender } = render(view(ownLoaderStart));
    await waitFor(() => expect(onLoaderStart).toHaveBeenCalledTimes(1));
    rerender(view(undefined));
    await settle();
    const element = paymentsElement()!;
    (element.listeners.setOnLoaderStart as (event: unknown) => void)({ elementTagName: 'stripe-connect-payments' });
    expect(onLoaderStart).toHaveBeenCalledTimes(2);
    expect(ownLoaderStart).toHaveBeenCalledTimes(1);
  });

  it('logs out through useConnect, which unmounting never does', async () => {
    function SignOut() {
      const { logout } = useConnect();
      return <button onClick={() => void logout()}>Sign out</button>;
    }
    const { unmount } = render(
      <ConnectProvider publishableKey="pk_test_1" fetchSecret={secretFunction('accs_secret_')}>
        <SignOut />
      </ConnectProvider>,
    );
    await screen.findByRole('button', { name: 'Sign out' });
    unmount();
    await settle();
    expect(fake.instances[0]!.logout).not.toHaveBeenCalled();
    const again = render(
      <ConnectProvider publishableKey="pk_test_2" fetchSecret={secretFunction('accs_secret_')}>
        <SignOut />
      </ConnectProvider>,
    );
    fireEvent.click(await again.findByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(fake.instances[1]!.logout).toHaveBeenCalledTimes(1));
  });

  it('reports no version skew for the installed official packages', async () => {
    const onError = vi.fn();
    render(
      <ConnectProvider publishableKey="pk_test_1" fetchSecret={secretFunction('accs_secret_')} onError={onError}>
        <ConnectPayments />
      </ConnectProvider>,
    );
    await waitFor(() => expect(paymentsElement()?.connector).toBeTruthy());
    await settle();
    expect(paymentsElement()!.getAttribute('reactSdkAnalytics')).toBe('3.4.4');
    expect(onError).not.toHaveBeenCalled();
  });
});

describe('useConnect', () => {
  it('outside a provider throws naming <ConnectProvider>', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Status />)).toThrow(/<ConnectProvider>/);
  });
});
