// The public API of `embedkit/tanstack-query`: embedkit's sessions in TanStack Query's cache, for
// apps that use it (opt-in, so the main entry never imports @tanstack/react-query).
export { LinkSessionsToQueryClient, linkSessionsToQueryClient, EMBEDKIT_QUERY_META, type CachedSession } from './react/queryCache.js';
