import { useContext, useEffect, useReducer, useRef, useSyncExternalStore } from 'react';
import { QueryClientContext, type QueryClient } from '@tanstack/react-query';
import type { SessionSourceOptions } from '../core/SessionSource.js';
import type { SessionKind, SessionState } from '../core/types.js';
import { linkToQueryCache } from './queryCache.js';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect.js';

/**
 * The one place where embedkit's shared things live: a session source per (owner, key), and the
 * Connect.js instance bound to it. Vocabulary: an entry is *registered* (get-or-create, no side
 * effects), *held* by a mounted component (the first hold starts it), and *released*; the last
 * release stops it after the StrictMode window, a macrotask later, since StrictMode's simulated
 * unmount and remount happen within one commit and must not create anything twice.
 */
export interface Registration<T> {
  value: T;
  /** Runs on the first hold; returns what stops it (after the last release). */
  start: () => () => void;
}

interface Entry<T = unknown> extends Registration<T> {
  holds: number;
  stop: (() => void) | null;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Told when the entry is dropped while held (the app removed its query), to register anew. */
  holders: Set<() => void>;
}

/**
 * An entry nobody holds this long after it was registered is forgotten: a render React threw away
 * (Suspense, a transition) registered it, and its effect never came. It was never started, so
 * there is nothing to stop. Long, since a concurrent render may yield for a while before it commits.
 */
const UNHELD_MS = 10_000;

/** Who holds the entries when the app has no QueryClient. */
const standalone = {};
const registries = new WeakMap<object, Map<string, Entry>>();

function entriesOf(owner: object): Map<string, Entry> {
  let entries = registries.get(owner);
  if (!entries) registries.set(owner, (entries = new Map()));
  return entries;
}

function drop(owner: object, key: string, entry: Entry, afterMs: number): void {
  clearTimeout(entry.timer);
  entry.timer = setTimeout(() => {
    if (entry.holds > 0) return;
    if (entriesOf(owner).get(key) === entry) entriesOf(owner).delete(key);
    entry.stop?.();
    entry.stop = null;
  }, afterMs);
}

/** The entry under `key`, registered by `create` if there is none. Starts nothing. */
export function register<T>(owner: object, key: string, create: () => Registration<T>): Entry<T> {
  const entries = entriesOf(owner);
  let entry = entries.get(key) as Entry<T> | undefined;
  if (!entry) {
    entry = { ...create(), holds: 0, stop: null, timer: undefined, holders: new Set() };
    entries.set(key, entry as Entry);
    drop(owner, key, entry as Entry, UNHELD_MS);
  }
  return entry;
}

/**
 * Holds `entry` under `key` (putting it back if it was forgotten meanwhile) and starts it on its
 * first hold; `onDropped` is told if the entry is dropped while held. Returns the entry actually
 * held (another one, if `key` was registered anew meanwhile) and its release, which is idempotent.
 */
export function hold<T>(owner: object, key: string, entry: Entry<T>, onDropped?: () => void): { entry: Entry<T>; release: () => void } {
  const entries = entriesOf(owner);
  const held = (entries.get(key) as Entry<T> | undefined) ?? entry;
  entries.set(key, held as Entry);
  clearTimeout(held.timer);
  held.holds += 1;
  held.stop ??= held.start();
  if (onDropped) held.holders.add(onDropped);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    if (onDropped) held.holders.delete(onDropped);
    held.holds -= 1;
    if (held.holds === 0) drop(owner, key, held as Entry, 0);
  };
  return { entry: held, release };
}

/** Stops `value`'s entry at once and tells its holders, who register a fresh one. */
function dropNow(owner: object, key: string, value: unknown): void {
  const entries = entriesOf(owner);
  const entry = entries.get(key);
  if (!entry || entry.value !== value) return;
  entries.delete(key);
  clearTimeout(entry.timer);
  entry.stop?.();
  entry.stop = null;
  for (const holder of [...entry.holders]) holder();
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

/** The options every session hook takes and hands its source. */
export type SessionHookOptions<K extends SessionKind> = Pick<SessionSourceOptions<K>, 'fetchSecret' | 'params' | 'retry' | 'clock'>;

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
  options: SessionHookOptions<K>,
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
            start: () => {
              const unlink = client ? linkToQueryCache(client, queryKey!, source, () => dropNow(owner, key, source)) : () => {};
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
