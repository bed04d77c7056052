import type { Visibility } from './types.js';

/**
 * The page's visibility from `document.visibilityState`. Without a `document` (server rendering,
 * Node) the page counts as visible and there is nothing to listen to; `document` is only read
 * when a method is called, never at import.
 */
export const documentVisibility: Visibility = {
  isVisible: () => typeof document === 'undefined' || document.visibilityState !== 'hidden',
  subscribe(listener) {
    if (typeof document === 'undefined') return () => {};
    document.addEventListener('visibilitychange', listener);
    return () => document.removeEventListener('visibilitychange', listener);
  },
};
