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

interface Observable {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
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
 * Mirrors a session's redacted state into TanStack Query's cache so it shows in the app's
 * devtools and can be read with `useQuery`/`getQueryData`. The cache never sees the secret: the
 * copy is built field by field from display data. Returns the function that stops mirroring and
 * removes the entry.
 */
export function mirrorToQueryCache(client: QueryClient, queryKey: readonly unknown[], source: Observable): () => void {
  const options = client.defaultQueryOptions({ queryKey, meta: EMBEDKIT_QUERY_META, gcTime: Infinity, staleTime: Infinity });
  const write = () => {
    // `build` (not `setQueryData`) so the entry keeps its meta even if it was garbage-collected.
    client.getQueryCache().build(client, options).setData(toCached(source.getState()), { manual: true });
  };
  write();
  const unsubscribe = source.subscribe(write);
  return () => {
    unsubscribe();
    client.removeQueries({ queryKey, exact: true });
  };
}
