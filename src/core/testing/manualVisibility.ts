import type { Visibility } from '../types.js';

/** A {@link Visibility} that tests switch by hand. */
export interface ManualVisibility extends Visibility {
  set(visible: boolean): void;
}

export function createManualVisibility(visible = true): ManualVisibility {
  const listeners = new Set<() => void>();
  return {
    isVisible: () => visible,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      if (next === visible) return;
      visible = next;
      for (const listener of [...listeners]) listener();
    },
  };
}
