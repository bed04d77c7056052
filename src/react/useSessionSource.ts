import { useSyncExternalStore } from 'react';
import type { SessionState } from '../core/types.js';
import { mirrorToQueryCache } from './mirrorToQueryCache.js';
import { useQueryClientOrOwn } from './useQueryClientOrOwn.js';
import { useSharedResource } from './useSharedResource.js';

interface Source<State> {
  getState(): State;
  subscribe(listener: () => void): () => void;
  dispose(): void;
}

const noSubscription = () => () => {};

/**
 * The session source shared under `queryKey` in the app's (or embedkit's own) QueryClient,
 * mirrored into its cache, and its state. Created on the client only; `idle` is the state before
 * that, and on the server.
 */
export function useSessionSource<State extends SessionState, S extends Source<State>>(
  queryKey: readonly unknown[],
  create: () => S,
  idle: State,
): { source: S | null; state: State } {
  const client = useQueryClientOrOwn();
  const source = useSharedResource(client, JSON.stringify(queryKey), () => {
    const created = create();
    const stopMirroring = mirrorToQueryCache(client, queryKey, created);
    return {
      value: created,
      dispose: () => {
        stopMirroring();
        created.dispose();
      },
    };
  });
  const idleSnapshot = () => idle;
  const state = useSyncExternalStore(source?.subscribe ?? noSubscription, source?.getState ?? idleSnapshot, idleSnapshot);
  return { source, state };
}
