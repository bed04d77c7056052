import { createContext } from 'react';
import { development } from '../../core/development.js';
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
// The name React DevTools shows, a development aid (react-redux names its context the same way).
if (development() && process.env.NODE_ENV !== 'production') ConnectContext.displayName = 'EmbedkitConnect';
