import { useContext } from 'react';
import { development } from '../../core/development.js';
import { EmbedkitError } from '../../core/EmbedkitError.js';
import { ConnectContext, type ConnectState } from './ConnectContext.js';

export type { ConnectState } from './ConnectContext.js';

/**
 * The nearest `<ConnectProvider>`'s session: `{ status, isFetching, error, expiresAt, fetchCount,
 * redacted, refresh, logout }`, narrowing by `status`.
 */
export function useConnect(): ConnectState {
  const state = useContext(ConnectContext);
  if (!state) {
    throw new EmbedkitError(
      `useConnect() must be called inside <ConnectProvider>.${development() && process.env.NODE_ENV !== 'production' ? ' Wrap the part of your app that uses Connect components in <ConnectProvider publishableKey fetchSecret>.' : ''}`,
      { code: 'invalid_options', kind: 'account_session' },
    );
  }
  return state;
}
