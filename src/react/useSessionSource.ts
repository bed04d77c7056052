import { useSyncExternalStore } from 'react';
import type { SessionState } from '../core/types.js';
import { acquireShared, type Lease } from './acquireShared.js';
import { mirrorToQueryCache } from './mirrorToQueryCache.js';
import { useSessionOwner } from './useSessionOwner.js';
import { useSharedResource } from './useSharedResource.js';

interface Source<State> {
  getState(): State;
  subscribe(listener: () => void): () => void;
  dispose(): void;
}

const noSubscription = () => () => {};

/**
 * The session source shared under `queryKey` (per app QueryClient, or page-wide without one),
 * mirrored into the app's query cache when there is one, and its state. Created on the client only; `idle` is the state before
 * that, and on the server. `acquire` takes a counted hold on that same source (creating it if
 * need be); call it from an effect, and release the lease. A `null` key creates nothing (the
 * caller's options are wrong and it shows that error instead).
 */
export function useSessionSource<State extends SessionState, S extends Source<State>>(
  queryKey: readonly unknown[] | null,
  create: () => S,
  idle: State,
): { source: S | null; state: State; acquire: () => Lease<S> } {
  const { owner, client } = useSessionOwner();
  const key = JSON.stringify(queryKey);
  const createShared = () => {
    const created = create();
    const stopMirroring = client && queryKey ? mirrorToQueryCache(client, queryKey, created) : () => {};
    return {
      value: created,
      dispose: () => {
        stopMirroring();
        created.dispose();
      },
    };
  };
  const source = useSharedResource(owner, queryKey && key, createShared);
  const idleSnapshot = () => idle;
  const state = useSyncExternalStore(source?.subscribe ?? noSubscription, source?.getState ?? idleSnapshot, idleSnapshot);
  // The same shared entry, for an effect that needs the source before this hook's state has it.
  const acquire = () => acquireShared(owner, key, createShared);
  return { source, state, acquire };
}
