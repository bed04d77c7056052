import { useEffect, useState } from 'react';
import { acquireShared } from './acquireShared.js';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect.js';
import { useLatest } from './useLatest.js';

/**
 * Holds the shared resource for `(owner, key)` while mounted, creating it in an effect (so never
 * during server rendering) through the reference-counted registry. `null` until acquired, and
 * while `key` is `null` or has just changed. `acquireInLayoutEffect` acquires during the commit
 * instead of after paint, for a resource whose creation starts slow work (network) worth starting
 * at the earliest moment; the re-render with the value then also happens before paint.
 */
export function useSharedResource<T>(
  owner: object,
  key: string | null,
  create: () => { value: T; dispose: () => void },
  { acquireInLayoutEffect = false }: { acquireInLayoutEffect?: boolean } = {},
): T | null {
  const [held, setHeld] = useState<{ owner: object; key: string; value: T } | null>(null);
  const latestCreate = useLatest(create);
  // Fixed per call site, so the hook order never changes.
  const useAcquireEffect = acquireInLayoutEffect ? useIsomorphicLayoutEffect : useEffect;
  useAcquireEffect(() => {
    if (key === null) return;
    const lease = acquireShared(owner, key, () => latestCreate.current());
    setHeld({ owner, key, value: lease.value });
    return () => lease.release();
  }, [owner, key, latestCreate]);
  return held !== null && held.owner === owner && held.key === key ? held.value : null;
}
