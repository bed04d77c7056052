import type { EmbedkitError } from './EmbedkitError.js';
import type { SessionState } from './types.js';

/** What a secret put to use shows of itself: a {@link ClientSecret}, or its display data. */
export interface Handed {
  expiresAt: number | null;
  redacted: string;
}

/** What happens to a session; the sources dispatch these, the reducer decides the next state. */
export type SessionAction =
  /** A request starts. `clearError` (a user's refresh) leaves the error state at once. */
  | { type: 'fetch'; clearError?: boolean }
  /** A request succeeded. `handed` is the secret now in use, or `null` for one kept warm. */
  | { type: 'fetched'; handed: Handed | null }
  /** A secret was put to use without a request (a warm one). */
  | { type: 'handed'; handed: Handed }
  | { type: 'failed'; error: EmbedkitError }
  /** A request was stopped on purpose (last subscriber left): not an error for the user. */
  | { type: 'cancelled' }
  /** The secret in use expired with no successor, or a new use wants a new one: there is no usable secret any more. */
  | { type: 'dropped' }
  /** The source was disposed: what it held goes, the state otherwise stays as it was. */
  | { type: 'disposed' };

export const initialSessionState: SessionState = {
  status: 'idle',
  isFetching: false,
  error: null,
  expiresAt: null,
  fetchCount: 0,
  redacted: null,
};

/**
 * The session state machine as a pure function. `status` says whether there is a secret in use;
 * `isFetching` says whether a request is in flight, so a background renewal never turns a working
 * UI back into a spinner.
 */
export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  const { fetchCount } = state;
  switch (action.type) {
    case 'fetch': {
      if (state.status === 'idle') return { ...state, status: 'pending', isFetching: true };
      if (state.status === 'error' && action.clearError) {
        return state.redacted === null
          ? { status: 'pending', isFetching: true, error: null, expiresAt: null, fetchCount, redacted: null }
          : { status: 'success', isFetching: true, error: null, expiresAt: state.expiresAt, fetchCount, redacted: state.redacted };
      }
      return { ...state, isFetching: true };
    }
    case 'fetched': {
      if (action.handed) return { status: 'success', isFetching: false, error: null, expiresAt: action.handed.expiresAt, redacted: action.handed.redacted, fetchCount: fetchCount + 1 };
      return { ...state, isFetching: false, fetchCount: fetchCount + 1 };
    }
    case 'handed':
      return { status: 'success', isFetching: state.isFetching, error: null, expiresAt: action.handed.expiresAt, redacted: action.handed.redacted, fetchCount };
    case 'failed':
      return { status: 'error', isFetching: false, error: action.error, expiresAt: state.expiresAt, fetchCount, redacted: state.redacted };
    case 'dropped':
      if (state.status === 'success') return { status: 'pending', isFetching: state.isFetching, error: null, expiresAt: null, fetchCount, redacted: null };
      if (state.status === 'error') return { ...state, expiresAt: null, redacted: null };
      return state;
    case 'cancelled':
      if (state.status === 'pending') return { ...initialSessionState, fetchCount };
      return state.isFetching ? { ...state, isFetching: false } : state;
    case 'disposed':
      return state;
  }
}
