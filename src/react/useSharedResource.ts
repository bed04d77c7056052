import { useEffect, useState } from 'react';
import { acquireShared } from './acquireShared.js';
import { useLatest } from './useLatest.js';

/**
 * Holds the shared resource for `(owner, key)` while mounted, creating it in an effect (so never
 * during server rendering) through the reference-counted registry. `null` until acquired, and
 * while `key` is `null` or has just changed.
 */
export function useSharedResource<T>(owner: object, key: string | null, create: () => { value: T; dispose: () => void }): T | null {
  const [held, setHeld] = useState<{ owner: object; key: string; value: T } | null>(null);
  const latestCreate = useLatest(create);
  useEffect(() => {
    if (key === null) return;
    const lease = acquireShared(owner, key, () => latestCreate.current());
    setHeld({ owner, key, value: lease.value });
    return () => lease.release();
  }, [owner, key, latestCreate]);
  return held !== null && held.owner === owner && held.key === key ? held.value : null;
}
