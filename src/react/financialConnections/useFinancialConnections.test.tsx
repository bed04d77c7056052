// @vitest-environment jsdom
import { act, cleanup, render, renderHook, waitFor } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import type { FinancialConnectionsSession, Stripe } from '@stripe/stripe-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmbedkitError } from '../../core/EmbedkitError.js';
import type { FetchSecretContext } from '../../core/types.js';
import { useFinancialConnections, type UseFinancialConnectionsOptions } from './useFinancialConnections.js';

afterEach(cleanup);

const account = { id: 'fca_1', object: 'financial_connections.account', institution_name: 'Sandbox Bank', last4: '6789' } as FinancialConnectionsSession.Account;
const session = (accounts: FinancialConnectionsSession.Account[]) => ({ id: 'fcsess_1', accounts }) as unknown as FinancialConnectionsSession;
const token = { id: 'tok_1', object: 'token', bank_account: { id: 'ba_1', last4: '6789' } };

function fakeStripe(answer: () => Promise<unknown>) {
  return {
    collectFinancialConnectionsAccounts: vi.fn(answer),
    collectBankAccountToken: vi.fn(answer),
  };
}

const fcSecret = () => vi.fn(async (_context: FetchSecretContext) => ({ client_secret: 'fcsess_1_secret_abc' }));

function openWith(options: UseFinancialConnectionsOptions<'accounts' | 'bank_account_token'>) {
  return renderHook(() => useFinancialConnections(options));
}

describe('useFinancialConnections', () => {
  it('fetches a fresh secret only at open() and resolves linked accounts', async () => {
    const stripe = fakeStripe(async () => ({ financialConnectionsSession: session([account]) }));
    const fetchSecret = fcSecret();
    const onSuccess = vi.fn();
    const { result } = openWith({ stripe: stripe as unknown as Stripe, fetchSecret, onSuccess });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(fetchSecret).not.toHaveBeenCalled();
    let ended: unknown;
    await act(async () => {
      ended = await result.current.open();
    });
    expect(ended).toEqual({ type: 'linked', accounts: [account], session: session([account]), token: undefined });
    expect(fetchSecret).toHaveBeenCalledWith(expect.objectContaining({ kind: 'financial_connections_session' }));
    expect(stripe.collectFinancialConnectionsAccounts).toHaveBeenCalledWith({ clientSecret: 'fcsess_1_secret_abc' });
    expect(onSuccess).toHaveBeenCalledWith(ended);
    expect(result.current.result).toEqual(ended);
  });

  it('reads an empty account list as cancelled', async () => {
    const stripe = fakeStripe(async () => ({ financialConnectionsSession: session([]) }));
    const onCancel = vi.fn();
    const { result } = openWith({ stripe: stripe as unknown as Stripe, fetchSecret: fcSecret(), onCancel });
    await waitFor(() => expect(result.current.ready).toBe(true));
    await act(async () => {
      expect(await result.current.open()).toEqual({ type: 'cancelled', session: session([]) });
    });
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('resolves Stripe errors and secret failures as failed, never rejecting', async () => {
    const stripeError = { type: 'api_error', message: 'down' };
    const stripe = fakeStripe(async () => ({ financialConnectionsSession: undefined, error: stripeError }));
    const onError = vi.fn();
    const { result } = openWith({ stripe: stripe as unknown as Stripe, fetchSecret: fcSecret(), onError });
    await waitFor(() => expect(result.current.ready).toBe(true));
    await act(async () => {
      expect(await result.current.open()).toEqual({ type: 'failed', error: stripeError });
    });
    expect(onError).toHaveBeenCalledWith(stripeError);

    const wrongKind = openWith({ stripe: stripe as unknown as Stripe, fetchSecret: async () => ({ client_secret: 'cuss_secret_abc', expires_at: 9e9 }) });
    await waitFor(() => expect(wrongKind.result.current.ready).toBe(true));
    await act(async () => {
      const ended = await wrongKind.result.current.open();
      expect(ended).toMatchObject({ type: 'failed', error: { name: 'EmbedkitError', code: 'invalid_response' } });
      expect(String((ended as { error: Error }).error.message)).not.toContain('cuss_secret_abc');
    });
    expect(stripe.collectFinancialConnectionsAccounts).toHaveBeenCalledTimes(1);
  });

  it('ignores a second open() while a flow is open: same promise, one secret, one modal', async () => {
    let finish!: (value: unknown) => void;
    const stripe = fakeStripe(() => new Promise((resolve) => (finish = resolve)));
    const fetchSecret = fcSecret();
    const { result } = openWith({ stripe: stripe as unknown as Stripe, fetchSecret });
    await waitFor(() => expect(result.current.ready).toBe(true));
    let first!: Promise<unknown>;
    let second!: Promise<unknown>;
    act(() => {
      first = result.current.open();
      second = result.current.open();
    });
    expect(second).toBe(first);
    await waitFor(() => expect(stripe.collectFinancialConnectionsAccounts).toHaveBeenCalledTimes(1));
    expect(result.current.status).toBe('open');
    await act(async () => {
      finish({ financialConnectionsSession: session([account]) });
      await first;
    });
    expect(fetchSecret).toHaveBeenCalledTimes(1);
    expect(result.current.status).toBe('ready');
  });

  it('in bank_account_token mode collects a token and includes it', async () => {
    const stripe = fakeStripe(async () => ({ financialConnectionsSession: session([account]), token }));
    const { result } = renderHook(() => useFinancialConnections({ stripe: stripe as unknown as Stripe, fetchSecret: fcSecret(), mode: 'bank_account_token' }));
    await waitFor(() => expect(result.current.ready).toBe(true));
    await act(async () => {
      const ended = await result.current.open();
      expect(ended).toEqual({ type: 'linked', accounts: [account], session: session([account]), token });
    });
    expect(stripe.collectBankAccountToken).toHaveBeenCalledTimes(1);
    expect(stripe.collectFinancialConnectionsAccounts).not.toHaveBeenCalled();
  });

  it('before Stripe.js is ready, open() waits for it instead of doing nothing', async () => {
    const stripe = fakeStripe(async () => ({ financialConnectionsSession: session([account]) }));
    let provide!: (value: Stripe) => void;
    const pending = new Promise<Stripe>((resolve) => (provide = resolve));
    const { result } = openWith({ stripe: pending, fetchSecret: fcSecret() });
    expect(result.current).toMatchObject({ status: 'loading', ready: false });
    let ended: Promise<unknown>;
    act(() => {
      ended = result.current.open();
    });
    await act(async () => provide(stripe as unknown as Stripe));
    await act(async () => {
      expect(await ended).toMatchObject({ type: 'linked' });
    });
  });

  it('reports why it is not ready when there is no Stripe.js', async () => {
    const { result } = openWith({ stripe: null, fetchSecret: fcSecret() });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error?.message).toMatch(/Stripe.js is not available/);
    expect(result.current.error).toBeInstanceOf(EmbedkitError);
    expect(result.current.error).toMatchObject({ code: 'network', kind: 'financial_connections_session' });
    await act(async () => {
      const ended = await result.current.open();
      expect(ended).toMatchObject({ type: 'failed', error: { message: expect.stringMatching(/not available/) } });
      expect(ended.type === 'failed' && ended.error).toBeInstanceOf(EmbedkitError);
    });
  });

  it("reports Stripe.js' own load failure as an EmbedkitError that keeps it as the cause", async () => {
    const loadFailure = new Error('Failed to load Stripe.js');
    const { result } = openWith({ stripe: Promise.reject(loadFailure), fetchSecret: fcSecret() });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toBeInstanceOf(EmbedkitError);
    expect(result.current.error).toMatchObject({ code: 'network', kind: 'financial_connections_session', cause: loadFailure });
  });

  it('open() called before the hook has mounted waits for Stripe.js like any early call', async () => {
    const stripe = fakeStripe(async () => ({ financialConnectionsSession: session([account]) }));
    let ended: Promise<unknown> | undefined;
    function Early() {
      const { open } = useFinancialConnections({ stripe: stripe as unknown as Stripe, fetchSecret: fcSecret() });
      // A layout effect runs before the hook's own effect has started Stripe.js.
      useLayoutEffect(() => {
        ended = open();
      }, [open]);
      return null;
    }
    render(<Early />);
    await act(async () => {
      expect(await ended).toMatchObject({ type: 'linked', accounts: [account] });
    });
    expect(stripe.collectFinancialConnectionsAccounts).toHaveBeenCalledTimes(1);
  });

  it('unmounting during the secret request aborts it and calls no callback', async () => {
    const stripe = fakeStripe(async () => ({ financialConnectionsSession: session([account]) }));
    const signals: AbortSignal[] = [];
    const onError = vi.fn();
    const fetchSecret = vi.fn((context: FetchSecretContext) => {
      signals.push(context.signal);
      return new Promise<never>(() => {});
    });
    const { result, unmount } = openWith({ stripe: stripe as unknown as Stripe, fetchSecret, onError });
    await waitFor(() => expect(result.current.ready).toBe(true));
    let ended!: Promise<unknown>;
    act(() => {
      ended = result.current.open();
    });
    await waitFor(() => expect(signals).toHaveLength(1));
    unmount();
    expect(signals[0]!.aborted).toBe(true);
    await expect(ended).resolves.toMatchObject({ type: 'failed', error: { code: 'aborted' } });
    expect(onError).not.toHaveBeenCalled();
    expect(stripe.collectFinancialConnectionsAccounts).not.toHaveBeenCalled();
  });

  it('loads Stripe.js once per publishable key through the official loader', async () => {
    const stripe = fakeStripe(async () => ({ financialConnectionsSession: session([account]) }));
    const StripeGlobal = Object.assign(vi.fn(() => stripe), { version: 'endive' });
    (window as unknown as { Stripe: unknown }).Stripe = StripeGlobal;
    const first = openWith({ publishableKey: 'pk_test_fc', fetchSecret: fcSecret() });
    const second = openWith({ publishableKey: 'pk_test_fc', fetchSecret: fcSecret() });
    await waitFor(() => expect(first.result.current.ready && second.result.current.ready).toBe(true));
    expect(StripeGlobal).toHaveBeenCalledTimes(1);
    expect(StripeGlobal).toHaveBeenCalledWith('pk_test_fc');
    expect(document.querySelector('script[src*="js.stripe.com"]')).toBeNull();
  });
});
