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
 * UI back into a spinner. A state that carries its `secret` (a CustomerSession's, published to
 * the app) gets the handed one and loses it when dropped or disposed; other fields a state
 * carries pass through. Returns `state` itself when nothing changes, so listeners hear of real
 * changes only.
 */
export function sessionReducer<S extends SessionState & { secret?: Handed | null }>(state: S, action: SessionAction): S {
  // Fields as locals: the one object literal at the end is the only place their names appear.
  let { status, isFetching, error, expiresAt, fetchCount, redacted, secret } = state as SessionState & { secret?: Handed | null };
  switch (action.type) {
    case 'fetch':
      isFetching = true;
      if (status === 'idle') status = 'pending';
      else if (status === 'error' && action.clearError) {
        error = null;
        // An error state without secret info has no expiry either (see 'dropped').
        status = redacted === null ? 'pending' : 'success';
      }
      break;
    case 'fetched':
      fetchCount++;
      isFetching = false;
      if (!action.handed) break;
    // falls through: a secret fetched for a caller is handed to it
    case 'handed':
      status = 'success';
      error = null;
      secret = action.handed!;
      ({ expiresAt, redacted } = secret);
      break;
    case 'failed':
      status = 'error';
      isFetching = false;
      error = action.error;
      break;
    case 'dropped':
      if (status === 'success') status = 'pending';
      expiresAt = redacted = secret = null;
      break;
    case 'cancelled':
      isFetching = false;
      if (status === 'pending') status = 'idle';
      break;
    case 'disposed':
      secret = null;
  }
  const next = { ...state, status, isFetching, error, expiresAt, fetchCount, redacted, ...('secret' in state && { secret }) } as S;
  for (const key in next) if (next[key] !== state[key]) return next;
  return state;
}
