// @vitest-environment jsdom
import { useEffect } from 'react';
import { act, cleanup, render, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FetchSecretContext } from '../../core/types.js';
import { useAccountSession } from './useAccountSession.js';
import { secretFunction } from '../__tests__/secretFor.js';

afterEach(cleanup);

describe('useAccountSession', () => {
  it('gives a stable fetchClientSecret that works even when called in the first effect', async () => {
    const fetchSecret = secretFunction('accs_secret_');
    const got: string[] = [];
    function Dashboard() {
      const { fetchClientSecret } = useAccountSession({ fetchSecret, account: 'acct_1' });
      useEffect(() => {
        void fetchClientSecret().then((secret) => got.push(secret));
      }, [fetchClientSecret]);
      return null;
    }
    render(<Dashboard />);
    await waitFor(() => expect(got).toHaveLength(1));
    expect(got[0]).toMatch(/^accs_secret_test1_/);
    expect(fetchSecret.mock.calls[0]![0].params).toEqual({ account: 'acct_1' });
  });

  it('hands every secret out once and reports the life of the session', async () => {
    const fetchSecret = secretFunction('accs_secret_');
    const { result } = renderHook(() => useAccountSession({ fetchSecret, warm: false }));
    const first = result.current.fetchClientSecret;
    let secrets: string[] = [];
    await act(async () => {
      secrets = [await result.current.fetchClientSecret(), await result.current.fetchClientSecret()];
    });
    expect(new Set(secrets).size).toBe(2);
    expect(result.current).toMatchObject({ status: 'success', isFetching: false, fetchCount: 2, redacted: 'accs_secret_…[redacted]' });
    expect(result.current.fetchClientSecret).toBe(first);
  });

  it('aborts the request in flight a microtask after the component unmounts', async () => {
    const signals: AbortSignal[] = [];
    const fetchSecret = vi.fn((context: FetchSecretContext) => {
      signals.push(context.signal);
      return new Promise<never>(() => {});
    });
    const { result, unmount } = renderHook(() => useAccountSession({ fetchSecret }));
    act(() => {
      void result.current.fetchClientSecret().catch(() => {});
    });
    await waitFor(() => expect(signals).toHaveLength(1));
    unmount();
    // Not within the unmount itself (StrictMode's simulated unmount remounts synchronously)...
    expect(signals[0]!.aborted).toBe(false);
    // ...but one microtask later, as the README's "Important defaults" say.
    await Promise.resolve();
    expect(signals[0]!.aborted).toBe(true);
  });
});
