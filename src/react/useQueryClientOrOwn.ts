import { useContext } from 'react';
import { QueryClient, QueryClientContext } from '@tanstack/react-query';

let ownClient: QueryClient | undefined;

/**
 * The app's QueryClient when the tree has a `QueryClientProvider`, so embedkit's sessions show up
 * in the app's devtools next to its own queries; otherwise one client owned by embedkit. Reading
 * the context directly (not `useQueryClient`) is what makes the provider optional.
 */
export function useQueryClientOrOwn(): QueryClient {
  const appClient = useContext(QueryClientContext);
  return appClient ?? (ownClient ??= new QueryClient());
}
