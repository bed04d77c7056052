import { useLayoutEffect, useEffect, useRef, type RefObject } from 'react';

// useLayoutEffect warns during server rendering; there is nothing to keep fresh on the server anyway.
const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/**
 * A ref that always holds the latest rendered value, so callbacks and long-lived sources read
 * fresh props without re-subscribing when an inline lambda changes identity.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useIsomorphicLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
