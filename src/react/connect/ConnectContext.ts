import { createContext } from 'react';
import type { SessionState } from '../../core/types.js';

/** What `useConnect()` returns: the provider's session state plus its actions. */
export type ConnectState = SessionState & {
  /** Clears an error, requests a new secret and recreates the Connect.js instance (remounting the components). */
  refresh: () => void;
  /**
   * Ends the AccountSession in Connect.js (components stop rendering). For app sign-out only:
   * unmounting never logs out.
   */
  logout: () => Promise<void>;
};

export const ConnectContext = createContext<ConnectState | null>(null);
ConnectContext.displayName = 'EmbedkitConnect';
