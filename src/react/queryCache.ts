import type { QueryClient } from '@tanstack/react-query';
import type { SessionState } from '../core/types.js';

/** What embedkit stores in the query cache for one session: display data only, never a secret. */
export interface CachedSession {
  status: SessionState['status'];
  isFetching: boolean;
  expiresAt: number | null;
  fetchCount: number;
  /** e.g. `accs_secret_…[redacted]`. */
  redacted: string | null;
  error: { code: string; message: string } | null;
}

/**
 * Marks embedkit's queries. Persisters should skip them (there is nothing worth restoring: a
 * secret is single use): `shouldDehydrateQuery: (q) => defaultShouldDehydrateQuery(q) && q.meta?.persist !== false`.
 */
export const EMBEDKIT_QUERY_META = { embedkit: true, persist: false } as const;

interface LinkedSource {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
  /** What `invalidateQueries` on the session's key does. */
  refresh(): unknown;
}

function toCached(state: SessionState): CachedSession {
  return {
    status: state.status,
    isFetching: state.isFetching,
    expiresAt: state.expiresAt,
    fetchCount: state.fetchCount,
    redacted: state.redacted,
    error: state.error ? { code: state.error.code, message: state.error.message } : null,
  };
}

/**
 * Links a session to TanStack Query's cache, both ways. Its redacted state is mirrored under
 * `queryKey`, so it shows in the app's devtools and can be read with `useQuery`/`getQueryData`
 * (the cache never sees the secret: the copy is built field by field from display data). And the
 * cache's levers work on it: `invalidateQueries` on the key refreshes the session (a new secret
 * now), `removeQueries` or `clear()` (sign-out) calls `onRemoved`, which drops the session.
 * Returns the function that unlinks and removes the entry.
 */
export function linkToQueryCache(client: QueryClient, queryKey: readonly unknown[], source: LinkedSource, onRemoved: () => void): () => void {
  const cache = client.getQueryCache();
  const options = client.defaultQueryOptions({ queryKey, meta: EMBEDKIT_QUERY_META, gcTime: Infinity, staleTime: Infinity });
  let query = cache.build(client, options);
  const write = () => {
    // `build` (not `setQueryData`) so the entry keeps its meta even if it was garbage-collected.
    query = cache.build(client, options);
    query.setData(toCached(source.getState()), { manual: true });
  };
  write();
  const stopMirroring = source.subscribe(write);
  let unlinking = false;
  const stopListening = cache.subscribe((event) => {
    if (unlinking || event.query !== query) return;
    if (event.type === 'removed') onRemoved();
    else if (event.type === 'updated' && event.action.type === 'invalidate') source.refresh();
  });
  return () => {
    unlinking = true;
    stopListening();
    stopMirroring();
    client.removeQueries({ queryKey, exact: true });
  };
}
