import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { SessionState } from '../core/types.js';
import { linkSessions, type LinkedSession } from './sessionRegistry.js';

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
 * Links one session to the cache, both ways: its redacted state is mirrored under its key (built
 * field by field from display data, so the cache never sees the secret), `invalidateQueries` on
 * the key refreshes it (a new secret now), and `removeQueries` or `clear()` drops it. Returns
 * what unlinks it and removes the mirrored query.
 */
function linkSession(client: QueryClient, { queryKey, source, remove }: LinkedSession): () => void {
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
    if (event.type === 'removed') remove();
    else if (event.type === 'updated' && event.action.type === 'invalidate') source.refresh();
  });
  return () => {
    unlinking = true;
    stopListening();
    stopMirroring();
    client.removeQueries({ queryKey, exact: true });
  };
}

/**
 * Mirrors embedkit's sessions, those running now and those started later, into `queryClient`'s
 * cache, and makes the cache's levers work on them: `invalidateQueries` on an embedkit key
 * refreshes the session, `removeQueries` or `clear()` (sign-out) drops it. Each session's redacted
 * state ({@link CachedSession}) lives under its key, e.g. `['embedkit', 'customer_session', …]`.
 * Returns what unlinks them: the mirrored queries are removed, the sessions keep running. In a
 * React tree, render {@link LinkSessionsToQueryClient} instead.
 */
export function linkSessionsToQueryClient(queryClient: QueryClient): () => void {
  return linkSessions((session) => linkSession(queryClient, session));
}

/**
 * Links embedkit's sessions to the QueryClient of the `QueryClientProvider` above while it is
 * mounted ({@link linkSessionsToQueryClient}). Renders nothing; put it once inside the provider:
 * `<QueryClientProvider client={queryClient}><LinkSessionsToQueryClient />…`.
 */
export function LinkSessionsToQueryClient(): null {
  const queryClient = useQueryClient();
  useEffect(() => linkSessionsToQueryClient(queryClient), [queryClient]);
  return null;
}
