// @vitest-environment jsdom
// Its own file: the official loader memoizes its script promise for the module's lifetime, and
// here that promise fails.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { ConnectPayments } from '@stripe/react-connect-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectProvider } from './ConnectProvider.js';
import { secretFunction } from '../__tests__/secretFor.js';

afterEach(async () => {
  cleanup();
  // Deferred disposal runs a macrotask after unmount: let it run while the DOM is still here.
  await new Promise((resolve) => setTimeout(resolve, 5));
});

describe('<ConnectProvider> when Connect.js cannot load', () => {
  it('shows an error naming the cause instead of blank components, and reports it', async () => {
    const onError = vi.fn();
    render(
      <ConnectProvider publishableKey="pk_test_1" fetchSecret={secretFunction('accs_secret_')} onError={onError}>
        <ConnectPayments />
      </ConnectProvider>,
    );
    const script = await waitFor(() => {
      const found = document.querySelector<HTMLScriptElement>('script[src="https://connect-js.stripe.com/v1.0/connect.js"]');
      expect(found).not.toBeNull();
      return found!;
    });
    // What the browser does when the script is blocked or the network is down.
    script.dispatchEvent(new Event('error'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Connect.js could not load/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    // Reported from an effect, which React may run after the alert is already on screen.
    await waitFor(() => expect(onError).toHaveBeenCalledWith({ source: 'setup', error: expect.objectContaining({ code: 'network' }) }));
    expect(onError).toHaveBeenCalledTimes(1);
  });
});
