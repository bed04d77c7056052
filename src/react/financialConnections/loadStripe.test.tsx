// @vitest-environment jsdom
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadStripe, useFinancialConnections } from '../../index.js';

// Stripe's own loader, counted: the app's `loadStripe` and embedkit's hooks must share one call.
const stripeJs = vi.hoisted(() => ({ loadStripe: vi.fn(async (_key: string, _options?: unknown) => ({ collectFinancialConnectionsAccounts: () => {} })) }));
vi.mock('@stripe/stripe-js/pure/index.mjs', () => stripeJs);

afterEach(cleanup);

describe('loadStripe (exported for <Elements>)', () => {
  it('is the instance useFinancialConnections uses: one Stripe.js load for the page', async () => {
    const forElements = loadStripe('pk_test_shared');
    const { result } = renderHook(() => useFinancialConnections({ publishableKey: 'pk_test_shared', fetchSecret: '/api/fc' }));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(loadStripe('pk_test_shared')).toBe(forElements);
    expect(stripeJs.loadStripe.mock.calls.filter(([key]) => key === 'pk_test_shared')).toHaveLength(1);
  });

  it('keeps one instance per key and options, as Stripe.js does', () => {
    expect(loadStripe('pk_test_opts', { stripeAccount: 'acct_1' })).toBe(loadStripe('pk_test_opts', { stripeAccount: 'acct_1' }));
    expect(loadStripe('pk_test_opts', { stripeAccount: 'acct_2' })).not.toBe(loadStripe('pk_test_opts', { stripeAccount: 'acct_1' }));
  });

  it.each([undefined, '', 42, 'sk_test_TOPSECRET'])('rejects publishableKey %j with an invalid_options EmbedkitError, loading nothing', async (key) => {
    const calls = stripeJs.loadStripe.mock.calls.length;
    const error = await loadStripe(key as never).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ name: 'EmbedkitError', code: 'invalid_options', field: 'publishableKey' });
    expect(String((error as Error).message)).not.toContain('TOPSECRET');
    expect(stripeJs.loadStripe.mock.calls.length).toBe(calls);
  });
});
