// @vitest-environment jsdom
// Every public React entry point, given each required option as undefined, '' and a wrong type
// (the usual cause: an unset VITE_STRIPE_PUBLISHABLE_KEY): an `invalid_options` EmbedkitError that
// names the option, shown or returned where the part would be, while the app around it renders on.
import { act, cleanup, render, renderHook, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectInvalidOptions } from '../../test/expectInvalidOptions.js';
import { BuyButton, type BuyButtonProps } from './customerSession/BuyButton.js';
import { ConnectProvider, type ConnectProviderProps } from './connect/ConnectProvider.js';
import { PricingTable, type PricingTableProps } from './customerSession/PricingTable.js';
import { preloadConnect } from './universal/preloadConnect.js';
import { useAccountSession } from './connect/useAccountSession.js';
import { useCustomerSession } from './customerSession/useCustomerSession.js';
import { useFinancialConnections, type UseFinancialConnectionsOptions } from './financialConnections/useFinancialConnections.js';

afterEach(async () => {
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 5));
});

const BAD_VALUES = [
  ['undefined', undefined],
  ["''", ''],
  ['a number', 42],
] as const;

/** One row per (required option, bad value): the options with that one option replaced. */
function rows(valid: Record<string, unknown>, required: string[]) {
  return required.flatMap((option) =>
    BAD_VALUES.map(([label, value]) => [`${option} = ${label}`, option, { ...valid, [option]: value }] as const),
  );
}

const fetchSecret = vi.fn(async () => ({ client_secret: 'accs_secret_x', expires_at: 4_000_000_000 }));

const expectInvalid = (error: unknown, option: string) => expectInvalidOptions(error, option);

/** The app around the part: it must still be on screen. */
function App({ children }: { children: React.ReactNode }) {
  return (
    <main>
      <h1>Dashboard</h1>
      {children}
    </main>
  );
}

describe('<ConnectProvider> with a bad prop', () => {
  it.each(rows({ publishableKey: 'pk_test_1', fetchSecret }, ['publishableKey', 'fetchSecret']))('%s: error UI and onError, the app survives', async (_name, option, props) => {
    const onError = vi.fn();
    render(
      <App>
        <ConnectProvider {...(props as unknown as ConnectProviderProps)} onError={onError}>
          <p>children</p>
        </ConnectProvider>
      </App>,
    );
    expect(screen.getByRole('heading', { name: 'Dashboard' })).toBeTruthy();
    const alert = screen.getByRole('alert');
    expect(alert.getAttribute('data-embedkit-error')).toBe('invalid_options');
    expect(alert.textContent).toContain(option);
    // Trying again cannot fix a prop: no button that pretends it can.
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.queryByText('children')).toBeNull();
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]![0].source).toBe('setup');
    expectInvalid(onError.mock.calls[0]![0].error, option);
    expect(fetchSecret).not.toHaveBeenCalled();
  });

  it.each([[{ leadSeconds: -1 }], [{ maxAgeSeconds: 'x' }], [true]])('warm = %j: the error UI, not a throw from the session source', async (warm) => {
    const onError = vi.fn();
    render(
      <App>
        <ConnectProvider publishableKey="pk_test_1" fetchSecret={fetchSecret} warm={warm as never} onError={onError} />
      </App>,
    );
    expect(screen.getByRole('heading', { name: 'Dashboard' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('warm must be');
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expectInvalid(onError.mock.calls[0]![0].error, 'warm');
  });

  it('refuses a secret key in the browser without echoing it', async () => {
    const onError = vi.fn();
    render(<ConnectProvider publishableKey="sk_test_TOPSECRET" fetchSecret={fetchSecret} onError={onError} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/publishableKey must be a Stripe publishable key \(pk_test_… or pk_live_…\)/);
    expect(alert.textContent).not.toContain('TOPSECRET');
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
  });
});

describe('hooks with a bad option', () => {
  it.each(rows({ fetchSecret }, ['fetchSecret']))('useAccountSession, %s: status error, fetchClientSecret rejects', async (_name, option, options) => {
    const { result } = renderHook(() => useAccountSession(options as never));
    expect(result.current.status).toBe('error');
    expectInvalid(result.current.error, option);
    expectInvalid(await result.current.fetchClientSecret().catch((error: unknown) => error), option);
  });

  it.each(rows({ fetchSecret }, ['fetchSecret']))('useCustomerSession, %s: status error, refresh does not throw', async (_name, option, options) => {
    const { result } = renderHook(() => useCustomerSession(options as never));
    expect(result.current.status).toBe('error');
    expectInvalid(result.current.error, option);
    await act(() => result.current.refresh());
    expect(result.current.clientSecret).toBeNull();
  });

  it.each(rows({ publishableKey: 'pk_test_fc', fetchSecret }, ['publishableKey', 'fetchSecret']))(
    'useFinancialConnections, %s: status error, open() resolves failed',
    async (_name, option, options) => {
      const onError = vi.fn();
      const { result } = renderHook(() => useFinancialConnections({ ...(options as unknown as UseFinancialConnectionsOptions), onError }));
      await waitFor(() => expect(result.current.status).toBe('error'));
      expectInvalid(result.current.error, option);
      let ended: unknown;
      await act(async () => {
        ended = await result.current.open();
      });
      expect(ended).toMatchObject({ type: 'failed' });
      expectInvalid((ended as { error: unknown }).error, option);
      expect(onError).toHaveBeenCalledTimes(1);
    },
  );
});

describe('components with a bad prop', () => {
  it.each([
    ...rows({ publishableKey: 'pk_test_1', pricingTableId: 'prctbl_1' }, ['publishableKey', 'pricingTableId']).map(
      ([name, option, props]) => [`<PricingTable> ${name}`, option, () => <PricingTable {...(props as unknown as PricingTableProps)} />] as const,
    ),
    ...rows({ publishableKey: 'pk_test_1', buyButtonId: 'buy_btn_1' }, ['publishableKey', 'buyButtonId']).map(
      ([name, option, props]) => [`<BuyButton> ${name}`, option, () => <BuyButton {...(props as unknown as BuyButtonProps)} />] as const,
    ),
  ])('%s: an alert naming the option, the app survives', (_name, option, Part) => {
    render(
      <App>
        <Part />
      </App>,
    );
    expect(screen.getByRole('heading', { name: 'Dashboard' })).toBeTruthy();
    const alert = screen.getByRole('alert');
    expect(alert.getAttribute('data-embedkit-error')).toBe('invalid_options');
    expect(alert.textContent).toContain(option);
    expect(document.querySelector('stripe-pricing-table, stripe-buy-button')).toBeNull();
  });
});

describe('preloadConnect with bad options', () => {
  it.each(rows({ publishableKey: 'pk_test_preload', fetchSecret }, ['publishableKey', 'fetchSecret']))(
    '%s: reports the EmbedkitError without throwing, requests nothing',
    (_name, option, options) => {
      // A hint must not take the page down (it often runs before createRoot().render()); the
      // provider given the same props shows the same error in its UI.
      const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
      expect(() => preloadConnect(options as never)).not.toThrow();
      expect(consoleError).toHaveBeenCalledTimes(1);
      expectInvalid(consoleError.mock.calls[0]![0], option);
      expect(fetchSecret).not.toHaveBeenCalled();
    },
  );
});
