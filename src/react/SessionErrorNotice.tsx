import type { EmbedkitError } from '../core/EmbedkitError.js';

/** What an error fallback receives. */
export interface SessionErrorProps {
  /** Why no session could start; `message` names the endpoint and the fix and is safe to show. */
  error: EmbedkitError;
  /**
   * Fetches a new secret and starts Connect.js afresh (an instance whose first secret failed never
   * recovers). Safe to call repeatedly: a request already in flight is joined, not repeated.
   */
  retry: () => void;
}

/**
 * The error state shown when no session could be started and the app gave no `errorFallback`:
 * never a blank area, always a way out. The message names the endpoint and the problem, never a
 * secret.
 */
export function SessionErrorNotice({ error, retry }: SessionErrorProps) {
  return (
    <div role="alert" data-embedkit-error={error.code}>
      <p>{error.message}</p>
      <button type="button" onClick={retry}>
        Try again
      </button>
    </div>
  );
}
