import { useContext, useEffect, useReducer, useRef, useSyncExternalStore } from 'react';
import { QueryClientContext, type QueryClient } from '@tanstack/react-query';
import type { SessionSourceOptions } from '../core/SessionSource.js';
import type { SessionKind, SessionState } from '../core/types.js';
import { linkToQueryCache } from './queryCache.js';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect.js';

/**
 * The one place where embedkit's shared things live: a session source per (owner, key), and the
 * Connect.js instances bound to it. An entry is *registered* (get-or-create, no side effects),
 * *held* by mounted components (the first hold starts it) and *released*; the last release
 * removes and stops it a macrotask later, after the StrictMode window (its simulated unmount and
 * remount happen within one commit and must not create anything twice).
 */
export interface Registration<T> {
  value: T;
  /** Runs on the first hold and returns what stops it; `remove` ends the entry early (sign-out). */
  start: (remove: () => void) => () => void;
}

interface Entry<T = unknown> extends Registration<T> {
  holds: number;
  stop: (() => void) | null;
  timer?: ReturnType<typeof setTimeout>;
  /** Told when the entry is removed while held, to register anew. */
  holders: Set<() => void>;
}

/**
 * An entry nobody held this long after it was registered is removed: a render React threw away
 * (Suspense, a transition) registered it and its effect never came. Long, since a concurrent
 * render may yield for a while before it commits; never started, it costs only memory meanwhile.
 */
const UNHELD_MS = 10_000;

/** Who holds the entries when the app has no QueryClient. */
const standalone = {};
const registries = new WeakMap<object, Map<string, Entry>>();
const entriesOf = (owner: object) => registries.get(owner) ?? registries.set(owner, new Map()).get(owner)!;

function remove(owner: object, key: string, entry: Entry): void {
  if (entriesOf(owner).get(key) === entry) entriesOf(owner).delete(key);
  clearTimeout(entry.timer);
  entry.stop?.();
  entry.stop = null;
  for (const holder of [...entry.holders]) holder();
}

function removeUnheld(owner: object, key: string, entry: Entry, afterMs: number): void {
  clearTimeout(entry.timer);
  entry.timer = setTimeout(() => entry.holds === 0 && remove(owner, key, entry), afterMs);
}

/** The entry under `key`, registered by `create` if there is none. Starts nothing. */
export function register<T>(owner: object, key: string, create: () => Registration<T>): Entry<T> {
  let entry = entriesOf(owner).get(key) as Entry<T> | undefined;
  if (!entry) {
    entry = { ...create(), holds: 0, stop: null, holders: new Set() };
    entriesOf(owner).set(key, entry as Entry);
    removeUnheld(owner, key, entry as Entry, UNHELD_MS);
  }
  return entry;
}

/**
 * Holds `entry` under `key` (putting it back if it was removed unheld meanwhile), starting it on
 * its first hold; `onRemoved` is told if it is removed while held. Returns the entry actually held
 * (another one, if `key` was registered anew meanwhile) and its idempotent release.
 */
export function hold<T>(owner: object, key: string, entry: Entry<T>, onRemoved?: () => void): { entry: Entry<T>; release: () => void } {
  const held = (entriesOf(owner).get(key) as Entry<T> | undefined) ?? entry;
  entriesOf(owner).set(key, held as Entry);
  clearTimeout(held.timer);
  held.holds += 1;
  held.stop ??= held.start(() => remove(owner, key, held as Entry));
  if (onRemoved) held.holders.add(onRemoved);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    if (onRemoved) held.holders.delete(onRemoved);
    held.holds -= 1;
    if (held.holds === 0) removeUnheld(owner, key, held as Entry, 0);
  };
  return { entry: held, release };
}

/**
 * Where the entries live: under the app's QueryClient when the tree has a `QueryClientProvider`
 * (whose cache then mirrors each session), otherwise under one page-wide owner. Reading the
 * context directly (not `useQueryClient`) keeps the provider optional and TanStack Query's core
 * out of bundles of apps that do not use it.
 */
export function useRegistryOwner(): { owner: object; client: QueryClient | null } {
  const client = useContext(QueryClientContext) ?? null;
  return { owner: client ?? standalone, client };
}

/** What every session source is: observable, refreshable, disposable. */
export interface RegisteredSource<State extends SessionState> {
  getState(): State;
  subscribe(listener: () => void): () => void;
  refresh(): unknown;
  dispose(): void;
}

const noSubscription = () => () => {};

/**
 * The session source registered under `queryKey` (`null`: wrong options, none) and its state. It
 * is got or created while rendering, on the client only (`idle` on the server and while
 * hydrating); holding it is an effect, and subscribing (which starts its requests) is React's
 * `useSyncExternalStore`. `create` receives the options every source shares, with a `fetchSecret`
 * that calls the newest function the component rendered with (an inline arrow closing over an
 * auth token stays fresh); a URL or request description is handed on as is.
 */
export function useSession<K extends SessionKind, State extends SessionState, S extends RegisteredSource<State>>(
  queryKey: readonly unknown[] | null,
  options: SessionSourceOptions<K>,
  create: (shared: SessionSourceOptions<K>) => S,
  idle: State,
): { source: S | null; state: State } {
  const { owner, client } = useRegistryOwner();
  const [, registerAnew] = useReducer((n: number) => n + 1, 0);
  const latest = useRef(options.fetchSecret);
  useIsomorphicLayoutEffect(() => {
    latest.current = options.fetchSecret;
  });
  const key = queryKey && JSON.stringify(queryKey);
  const entry =
    key === null || typeof document === 'undefined'
      ? null
      : register(owner, key, () => {
          const { fetchSecret, params, retry, clock } = options;
          const source = create({
            fetchSecret: typeof fetchSecret === 'function' ? (context) => (typeof latest.current === 'function' ? latest.current : fetchSecret)(context) : fetchSecret,
            ...(params && { params }),
            ...(retry && { retry }),
            ...(clock && { clock }),
          });
          return {
            value: source,
            start: (removeSession) => {
              const unlink = client ? linkToQueryCache(client, queryKey!, source, removeSession) : () => {};
              return () => {
                unlink();
                source.dispose();
              };
            },
          };
        });
  useEffect(() => {
    if (!entry) return;
    const held = hold(owner, key!, entry, registerAnew);
    if (held.entry !== entry) registerAnew();
    return held.release;
  }, [owner, key, entry]);
  const source = entry?.value ?? null;
  const idleSnapshot = () => idle;
  const state = useSyncExternalStore(source?.subscribe ?? noSubscription, source?.getState ?? idleSnapshot, idleSnapshot);
  return { source, state };
}
