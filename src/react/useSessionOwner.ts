import { useContext } from 'react';
import { QueryClientContext, type QueryClient } from '@tanstack/react-query';

/** Who holds the shared sessions and Connect.js instances when the app has no QueryClient. */
const standalone = {};

/**
 * Where embedkit's shared sessions and Connect.js instances live: under the app's QueryClient when
 * the tree has a `QueryClientProvider` (`client`, into whose cache sessions are mirrored so they
 * show in the app's devtools), otherwise under one page-wide owner and mirrored nowhere, since no
 * cache of embedkit's own could be read by anyone. Reading the context directly (not
 * `useQueryClient`) is what makes the provider optional, and importing no `QueryClient` keeps
 * TanStack Query's core out of bundles of apps that do not use it.
 */
export function useSessionOwner(): { owner: object; client: QueryClient | null } {
  const client = useContext(QueryClientContext) ?? null;
  return { owner: client ?? standalone, client };
}
