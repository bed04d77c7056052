/** One row of the session panel: what the kit exposes about a session, never the secret itself. */
export interface SessionEntry {
  /** Stripe's object name, e.g. `AccountSession`. */
  kind: string;
  /** Who uses it, e.g. `Connect components`. */
  usedBy: string;
  status: string;
  /** The kit's redacted form (prefix and last characters). */
  redacted: string | null;
  /** Unix seconds (Stripe's `expires_at`), or null when the session has none (Financial Connections). */
  expiresAt: number | null;
  fetchCount: number;
}

/**
 * A tiny external store: pages report the sessions they hold and the panel lists them. A store
 * rather than context state so a page's report re-renders the panel only, not the whole app.
 */
export function createSessionBoard() {
  let entries: ReadonlyMap<string, SessionEntry> = new Map();
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((listener) => listener());
  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => entries,
    set(id: string, entry: SessionEntry) {
      entries = new Map(entries).set(id, entry);
      emit();
    },
    remove(id: string) {
      const next = new Map(entries);
      if (!next.delete(id)) return;
      entries = next;
      emit();
    },
  };
}

export type SessionBoard = ReturnType<typeof createSessionBoard>;
