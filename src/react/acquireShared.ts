interface Entry {
  value: unknown;
  dispose: () => void;
  refs: number;
  pendingDispose: ReturnType<typeof setTimeout> | undefined;
}

/** A counted hold on a shared resource; `release()` is idempotent. */
export interface Lease<T> {
  readonly value: T;
  release(): void;
}

const registry = new WeakMap<object, Map<string, Entry>>();

/**
 * Shares one resource per `(owner, key)` among every holder, disposing it a macrotask after the
 * last holder leaves. The delay is what survives React StrictMode: its simulated
 * unmount/remount happens synchronously inside one commit, so the remount re-acquires the entry
 * before disposal runs and nothing (no Connect instance, no session) is created twice.
 */
export function acquireShared<T>(
  owner: object,
  key: string,
  create: () => { value: T; dispose: () => void },
): Lease<T> {
  let entries = registry.get(owner);
  if (!entries) registry.set(owner, (entries = new Map()));
  let entry = entries.get(key);
  if (!entry) {
    entry = { ...create(), refs: 0, pendingDispose: undefined };
    entries.set(key, entry);
  }
  if (entry.pendingDispose !== undefined) {
    clearTimeout(entry.pendingDispose);
    entry.pendingDispose = undefined;
  }
  entry.refs += 1;
  const held = entry;
  const heldEntries = entries;
  let released = false;
  return {
    value: held.value as T,
    release() {
      if (released) return;
      released = true;
      held.refs -= 1;
      if (held.refs > 0) return;
      held.pendingDispose = setTimeout(() => {
        if (heldEntries.get(key) === held) heldEntries.delete(key);
        held.dispose();
      }, 0);
    },
  };
}
