import { useEffect, useReducer, useSyncExternalStore } from 'react';
import type { SessionSourceOptions } from '../core/SessionSource.js';
import type { SessionState } from '../core/types.js';
import { useLatest } from './useLatest.js';

/**
 * The one place where embedkit's shared things live: the page's session sources by key, and the
 * Connect.js instances bound to each (registered under their session). An entry is *registered*
 * (get-or-create, no side effects), *held* by mounted components (the first hold starts it) and
 * *released*; the last release removes and stops it a macrotask later, after the StrictMode
 * window (its simulated unmount and remount happen within one commit and must not create anything
 * twice).
 */
export interface Registration<T> {
  value: T;
  /** Runs on the first hold and returns what stops it. */
  start: () => () => void;
}

interface Entry<T = unknown> extends Registration<T> {
  stop?: (() => void) | null;
  timer?: ReturnType<typeof setTimeout>;
  /** One per hold (so releasing twice is harmless); each is called when the entry is removed while held, to register anew. */
  holders: Set<() => void>;
}

/**
 * An entry nobody held this long after it was registered is removed: a render React threw away
 * (Suspense, a transition) registered it and its effect never came. Long, since a concurrent
 * render may yield for a while before it commits; never started, it costs only memory meanwhile.
 */
const UNHELD_MS = 10_000;

type Entries = Map<string, Entry>;
const registries = new WeakMap<object, Entries>();
const entriesOf = (owner: object): Entries => registries.get(owner) ?? registries.set(owner, new Map()).get(owner)!;

function remove(entries: Entries, key: string, entry: Entry): void {
  if (entries.get(key) === entry) entries.delete(key);
  entry.stop?.();
  entry.stop = null;
  for (const holder of [...entry.holders]) holder();
}

function removeUnheld(entries: Entries, key: string, entry: Entry, afterMs: number): void {
  clearTimeout(entry.timer);
  entry.timer = setTimeout(() => entry.holders.size || remove(entries, key, entry), afterMs);
}

/** The entry under `key`, registered by `create` if there is none. Starts nothing. */
export function register<T>(owner: object, key: string, create: () => Registration<T>): Entry<T> {
  const entries = entriesOf(owner);
  let entry = entries.get(key);
  if (!entry) {
    entry = { ...create(), holders: new Set() };
    entries.set(key, entry);
    removeUnheld(entries, key, entry, UNHELD_MS);
  }
  return entry as Entry<T>;
}

/**
 * Holds `entry` under `key` (putting it back if it was removed unheld meanwhile), starting it on
 * its first hold; `onRemoved` is told if it is removed while held. Returns the entry actually held
 * (another one, if `key` was registered anew meanwhile) and its idempotent release, as a pair.
 */
export function hold<T>(owner: object, key: string, entry: Entry<T>, onRemoved?: () => void): [held: Entry<T>, release: () => void] {
  const entries = entriesOf(owner);
  const held = entries.get(key) ?? (entry as Entry);
  // A pending removal finds it held, and leaves it.
  entries.set(key, held);
  held.stop ??= held.start();
  const holder = () => onRemoved?.();
  held.holders.add(holder);
  return [held as Entry<T>, () => held.holders.delete(holder) && !held.holders.size && removeUnheld(entries, key, held, 0)];
}

/** What every session source is: observable, refreshable, disposable. */
export interface RegisteredSource<State extends SessionState> {
  getState(): State;
  subscribe(listener: () => void): () => void;
  refresh(): unknown;
  dispose(): void;
}

const noSubscription = () => () => {};

/** A started session as a link sees it. */
export interface LinkedSession {
  queryKey: readonly unknown[];
  source: RegisteredSource<SessionState>;
  /** Drops the session (sign-out): its hooks start a new one. */
  remove: () => void;
}

/** Told of each started session (`embedkit/tanstack-query` mirrors it into a QueryClient); returns what unlinks it. */
export type SessionLink = (session: LinkedSession) => () => void;

/** The page-wide owner of the sessions. */
const sessions = {};
/** Each link's watcher, told when the session under a key starts (`true`) and when it stops. */
const watchers = new Set<(key: string, starts?: true) => void>();

/**
 * Links every session, those started already and those to come, until the returned function
 * unlinks them again (the sessions keep running). The hook point of optional integrations, so
 * the main entry imports none of their packages.
 */
export function linkSessions(link: SessionLink): () => void {
  const entries = entriesOf(sessions);
  // By key: one session runs under a key at a time (a new one is registered only once the old one
  // is removed, and so stopped).
  const unlinks = new Map<string, () => void>();
  const watch = (key: string, starts?: true) => {
    if (starts) {
      const entry = entries.get(key)!;
      unlinks.set(key, link({ queryKey: JSON.parse(key), source: entry.value as RegisteredSource<SessionState>, remove: () => remove(entries, key, entry) }));
    } else {
      unlinks.get(key)?.();
      unlinks.delete(key);
    }
  };
  watchers.add(watch);
  // The sessions running already: those registered and started.
  entries.forEach((entry, key) => entry.stop && watch(key, true));
  return () => {
    watchers.delete(watch);
    unlinks.forEach((unlink) => unlink());
  };
}

/**
 * The session source registered under `queryKey` (`null`: wrong options, none) and its state. It
 * is got or created while rendering, on the client only (`idle` on the server and while
 * hydrating); holding it is an effect, and subscribing (which starts its requests) is React's
 * `useSyncExternalStore`. `create` receives the first render's options with a `fetchSecret` that
 * calls the newest function the component rendered with (an inline arrow closing over an auth
 * token stays fresh); a URL or request description is handed on as is.
 */
export function useSession<O extends SessionSourceOptions<any>, State extends SessionState, S extends RegisteredSource<State>>(
  queryKey: readonly unknown[] | null,
  options: O,
  create: (options: O) => S,
  idle: State,
): { source: S | null; state: State } {
  const [, registerAnew] = useReducer((n: number) => n + 1, 0);
  const latest = useLatest(options.fetchSecret);
  const key = queryKey && JSON.stringify(queryKey);
  const entry =
    !key || typeof document === 'undefined'
      ? null
      : register(sessions, key, () => {
          const { fetchSecret } = options;
          const source = create({
            ...options,
            fetchSecret: typeof fetchSecret === 'function' ? (context: never) => (typeof latest.current === 'function' ? latest.current : fetchSecret)(context) : fetchSecret,
          } as O);
          return {
            value: source,
            start: () => {
              watchers.forEach((watch) => watch(key, true));
              return () => {
                watchers.forEach((watch) => watch(key));
                source.dispose();
              };
            },
          };
        });
  useEffect(() => {
    if (!entry) return;
    const [held, release] = hold(sessions, key!, entry, registerAnew);
    if (held !== entry) registerAnew();
    return release;
  }, [key, entry]);
  const source = entry?.value ?? null;
  const idleSnapshot = () => idle;
  const state = useSyncExternalStore(source?.subscribe ?? noSubscription, source?.getState ?? idleSnapshot, idleSnapshot);
  return { source, state };
}
