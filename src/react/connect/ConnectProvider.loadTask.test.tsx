// @vitest-environment jsdom
// Its own file: the official loader memoizes its script promise for the module's lifetime, and
// here Connect.js arrives after the provider has mounted.
import { createRoot } from 'react-dom/client';
import { ConnectPayments } from '@stripe/react-connect-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectProvider } from './ConnectProvider.js';
import { installFakeConnect, type FakeConnectElement } from '../__tests__/fakeConnect.js';

const environment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
afterEach(() => {
  environment.IS_REACT_ACT_ENVIRONMENT = true;
});

/** Lets `ms` of timers and every task they queue run. */
const macrotask = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('<ConnectProvider> when Connect.js arrives', () => {
  it('mounts and connects the components in the task that loaded the script, with no scheduled render between', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    // Outside act, so React renders on its own schedule as in a browser.
    environment.IS_REACT_ACT_ENVIRONMENT = false;
    const container = document.body.appendChild(document.createElement('div'));
    const root = createRoot(container);
    root.render(
      <ConnectProvider publishableKey="pk_test_1" fetchSecret={() => new Promise<never>(() => {})}>
        <ConnectPayments />
      </ConnectProvider>,
    );
    await macrotask(20);
    const script = document.querySelector<HTMLScriptElement>('script[src="https://connect-js.stripe.com/v1.0/connect.js"]');
    expect(script).not.toBeNull();
    expect(document.querySelector('stripe-connect-payments')).toBeNull();

    installFakeConnect();
    script!.dispatchEvent(new Event('load'));
    // Microtasks only: the loader's promise chain and the provider's render, not a later task.
    for (let i = 0; i < 10; i++) await Promise.resolve();
    const element = document.querySelector('stripe-connect-payments') as FakeConnectElement | null;
    expect(element).not.toBeNull();
    await Promise.resolve();
    expect(element!.connector).toBeTruthy();

    root.unmount();
    container.remove();
    await macrotask(5);
  });
});
