import type { EmbedkitError } from '../core/EmbedkitError.js';

/** What an error fallback receives. */
export interface SessionErrorProps {
  /** Why no session could start; `message` names the endpoint and the fix and is safe to show. */
  error: EmbedkitError;
  /**
   * Requests a new secret and starts Connect.js afresh (an instance whose first secret failed never
   * recovers). Safe to call repeatedly: a request already in flight is joined, not repeated.
   */
  refresh: () => void;
}

/**
 * The error state shown when no session could be started and the app gave no `errorFallback`:
 * never a blank area, and a way out whenever trying again can help (not for wrong options, which
 * only a code change fixes). The message names the endpoint and the problem, never a secret.
 */
export function SessionErrorNotice({ error, refresh }: Pick<SessionErrorProps, 'error'> & Partial<SessionErrorProps>) {
  return (
    <div role="alert" data-embedkit-error={error.code}>
      <p>{error.message}</p>
      {refresh && error.code !== 'invalid_options' && (
        <button type="button" onClick={refresh}>
          Try again
        </button>
      )}
    </div>
  );
}
