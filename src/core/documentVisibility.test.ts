// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentVisibility } from './documentVisibility.js';

const setVisibility = (state: DocumentVisibilityState) => {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
};

afterEach(() => setVisibility('visible'));

describe('documentVisibility', () => {
  it('follows document.visibilityState and its event until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = documentVisibility.subscribe(listener);
    setVisibility('hidden');
    expect(documentVisibility.isVisible()).toBe(false);
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    setVisibility('visible');
    expect(documentVisibility.isVisible()).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('without a document (SSR) counts as visible and subscribes to nothing', () => {
    vi.stubGlobal('document', undefined);
    try {
      expect(documentVisibility.isVisible()).toBe(true);
      expect(() => documentVisibility.subscribe(() => {})()).not.toThrow();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
