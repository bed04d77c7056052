// @vitest-environment jsdom
import { StrictMode } from 'react';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../core/testing/manualClock.js';
import { BuyButton } from './BuyButton.js';
import { PricingTable } from './PricingTable.js';
import { useCustomerSession, type UseCustomerSessionResult } from './useCustomerSession.js';
import { secretFunction } from '../__tests__/secretFor.js';

afterEach(async () => {
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 5));
});

const secretAttribute = (selector: string) => document.querySelector(selector)?.getAttribute('customer-session-client-secret');

describe('useCustomerSession', () => {
  it('publishes a renewed secret before expiry, and the pricing table gets it in place', async () => {
    const clock = createManualClock(Date.now());
    const fetchSecret = secretFunction('cuss_secret_', clock.now);
    let latest!: UseCustomerSessionResult;
    function Checkout() {
      const session = useCustomerSession({ fetchSecret, clock, refreshMarginSeconds: 60 });
      latest = session;
      return (
        <>
          <PricingTable pricingTableId="prctbl_1" publishableKey="pk_test_1" customerSession={session} nonce="n0nce" />
          <output data-testid="session">{`${session.status}:${session.fetchCount}:${session.redacted}`}</output>
        </>
      );
    }
    render(<Checkout />);
    await waitFor(() => expect(secretAttribute('stripe-pricing-table')).toMatch(/^cuss_secret_test1_/));
    const table = document.querySelector('stripe-pricing-table')!;
    expect(table.getAttribute('pricing-table-id')).toBe('prctbl_1');
    expect(table.getAttribute('publishable-key')).toBe('pk_test_1');
    expect(screen.getByTestId('session').textContent).toBe('success:1:cuss_secret_…[redacted]');
    expect(latest.clientSecret).toMatch(/^cuss_secret_test1_/);

    await act(() => clock.advance(3_600_000 - 61_000));
    expect(fetchSecret).toHaveBeenCalledTimes(1);
    await act(() => clock.advance(2_000));
    await waitFor(() => expect(secretAttribute('stripe-pricing-table')).toMatch(/^cuss_secret_test2_/));
    expect(fetchSecret).toHaveBeenCalledTimes(2);
    expect(document.querySelector('stripe-pricing-table')).toBe(table);
    expect(latest.clientSecret).toMatch(/^cuss_secret_test2_/);
  });

  it('makes one CustomerSession under StrictMode', async () => {
    const fetchSecret = secretFunction('cuss_secret_');
    function Checkout() {
      const session = useCustomerSession({ fetchSecret });
      return <output data-testid="session">{session.status}</output>;
    }
    render(
      <StrictMode>
        <Checkout />
      </StrictMode>,
    );
    await waitFor(() => expect(screen.getByTestId('session').textContent).toBe('success'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(fetchSecret).toHaveBeenCalledTimes(1);
  });

  it('keeps the raw secret out of JSON, spreads and the rendered props', async () => {
    let latest!: UseCustomerSessionResult;
    function Probe() {
      latest = useCustomerSession({ fetchSecret: secretFunction('cuss_secret_') });
      return null;
    }
    render(<Probe />);
    await waitFor(() => expect(latest.status).toBe('success'));
    const raw = latest.clientSecret!;
    expect(raw).toMatch(/^cuss_secret_test1_/);
    expect(JSON.stringify(latest)).not.toContain(raw);
    expect(JSON.stringify({ ...latest })).not.toContain(raw);
    expect(String(latest.secret)).toBe('cuss_secret_…[redacted]');
  });
});

describe('<PricingTable> and <BuyButton>', () => {
  it('inject Stripe’s script once, with the CSP nonce', async () => {
    render(
      <>
        <PricingTable pricingTableId="prctbl_1" publishableKey="pk_test_1" nonce="n0nce" />
        <PricingTable pricingTableId="prctbl_2" publishableKey="pk_test_1" nonce="n0nce" />
      </>,
    );
    await waitFor(() => expect(document.querySelectorAll('stripe-pricing-table')).toHaveLength(2));
    const scripts = document.querySelectorAll('script[src="https://js.stripe.com/v3/pricing-table.js"]');
    expect(scripts).toHaveLength(1);
    expect((scripts[0] as HTMLScriptElement).nonce).toBe('n0nce');
  });

  it('with a session, create the element only once its first secret is there', async () => {
    let answer!: (value: { client_secret: string; expires_at: number }) => void;
    const fetchSecret = () => new Promise<{ client_secret: string; expires_at: number }>((resolve) => (answer = resolve));
    function Plans() {
      const session = useCustomerSession({ fetchSecret });
      return <PricingTable pricingTableId="prctbl_1" publishableKey="pk_test_1" customerSession={session} />;
    }
    render(<Plans />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(document.querySelector('stripe-pricing-table')).toBeNull();
    await act(async () => answer({ client_secret: 'cuss_secret_first', expires_at: Math.floor(Date.now() / 1000) + 3600 }));
    await waitFor(() => expect(secretAttribute('stripe-pricing-table')).toBe('cuss_secret_first'));
  });

  it('inject nothing when the element is already defined (the sandbox pre-defines it)', async () => {
    customElements.define('stripe-buy-button', class extends HTMLElement {});
    render(<BuyButton buyButtonId="buy_btn_1" publishableKey="pk_test_1" customerSessionClientSecret="cuss_secret_given" clientReferenceId="user_1" />);
    await waitFor(() => expect(document.querySelector('stripe-buy-button')).not.toBeNull());
    const button = document.querySelector('stripe-buy-button')!;
    expect(button.getAttribute('buy-button-id')).toBe('buy_btn_1');
    expect(button.getAttribute('client-reference-id')).toBe('user_1');
    expect(button.getAttribute('customer-email')).toBeNull();
    expect(secretAttribute('stripe-buy-button')).toBe('cuss_secret_given');
    expect(document.querySelector('script[src="https://js.stripe.com/v3/buy-button.js"]')).toBeNull();
  });

  it('update changed attributes on the same element, and remove cleared ones', async () => {
    const props = { buyButtonId: 'buy_btn_1', publishableKey: 'pk_test_1', customerSessionClientSecret: 'cuss_secret_a' };
    const { rerender } = render(<BuyButton {...props} customerEmail="a@example.com" />);
    await waitFor(() => expect(document.querySelector('stripe-buy-button')).not.toBeNull());
    const button = document.querySelector('stripe-buy-button')!;
    expect(button.getAttribute('customer-email')).toBe('a@example.com');
    rerender(<BuyButton {...props} customerSessionClientSecret="cuss_secret_b" clientReferenceId="user_2" />);
    expect(document.querySelector('stripe-buy-button')).toBe(button);
    expect(button.getAttribute('customer-email')).toBeNull();
    expect(button.getAttribute('client-reference-id')).toBe('user_2');
    expect(secretAttribute('stripe-buy-button')).toBe('cuss_secret_b');
  });

  it('show the options problem instead of the element, and create it once the options are fixed', async () => {
    const { rerender } = render(<PricingTable pricingTableId="" publishableKey="pk_test_1" />);
    expect(screen.getByRole('alert').textContent).toMatch(/^<PricingTable>: pricingTableId/);
    expect(document.querySelector('stripe-pricing-table')).toBeNull();
    rerender(<PricingTable pricingTableId="prctbl_1" publishableKey="pk_test_1" />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.querySelector('stripe-pricing-table')?.getAttribute('pricing-table-id')).toBe('prctbl_1');
  });

  it('are named for React DevTools', () => {
    expect((PricingTable as { displayName?: string }).displayName).toBe('PricingTable');
    expect((BuyButton as { displayName?: string }).displayName).toBe('BuyButton');
  });
});
