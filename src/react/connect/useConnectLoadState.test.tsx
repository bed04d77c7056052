// @vitest-environment jsdom
import { renderHook, waitFor } from '@testing-library/react';
import type { StripeConnectInstance } from '@stripe/connect-js/pure.js';
import { describe, expect, it } from 'vitest';
import { useConnectLoadState } from './useConnectLoadState.js';

const instanceWith = (debugInstance: unknown) => ({ create() {}, update() {}, logout() {}, debugInstance }) as unknown as StripeConnectInstance;

describe('useConnectLoadState', () => {
  it('follows the promise debugInstance() answers', async () => {
    let load!: () => void;
    const loading = new Promise<void>((resolve) => (load = resolve));
    const instance = instanceWith(() => loading);
    const { result } = renderHook(() => useConnectLoadState(instance));
    expect(result.current).toEqual({ loaded: false, error: null });
    load();
    await waitFor(() => expect(result.current).toEqual({ loaded: true, error: null }));
  });

  // debugInstance() is undeclared: a loader of another shape must not break the provider.
  it.each([
    ['is missing', undefined],
    ['is not a function', 'debug'],
    ['answers no promise', () => ({ ready: true })],
    ['throws', () => {
      throw new Error('changed');
    }],
  ])('counts the instance as loaded when debugInstance %s', async (_shape, debugInstance) => {
    const instance = instanceWith(debugInstance);
    const { result } = renderHook(() => useConnectLoadState(instance));
    await waitFor(() => expect(result.current).toEqual({ loaded: true, error: null }));
  });
});
