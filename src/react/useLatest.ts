import { useInsertionEffect, useRef, type RefObject } from 'react';

/**
 * A ref that always holds the latest rendered value, so callbacks and long-lived sources read
 * fresh props without re-subscribing when an inline lambda changes identity. Updated in an
 * insertion effect: before any layout effect of the same commit reads it, and (unlike a layout
 * effect) without React's server-rendering warning, so no isomorphic switch is needed.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useInsertionEffect(() => {
    ref.current = value;
  });
  return ref;
}
