import { useSyncExternalStore } from 'react';
import { useSessionBoardStore } from './SessionBoardContext';
import { useNow } from './useNow';

function expiresIn(expiresAt: number | null, now: number): string {
  if (expiresAt === null) return 'no expiry (single use)';
  const seconds = Math.round(expiresAt - now / 1000);
  if (seconds <= 0) return 'expired';
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}

/** Each live session's kind, redacted secret, time left and fetch count: what the kit is doing. */
export function SessionPanel() {
  const board = useSessionBoardStore();
  const entries = useSyncExternalStore(board.subscribe, board.getSnapshot);
  const now = useNow();
  return (
    <section aria-labelledby="session-panel-title" className="session-panel">
      <h2 id="session-panel-title">Sessions</h2>
      {entries.size === 0 ? (
        <p>No session on this page yet.</p>
      ) : (
        <ul>
          {[...entries].sort(([a], [b]) => a.localeCompare(b)).map(([id, entry]) => (
            <li key={id} data-session={id}>
              <h3>{entry.kind}</h3>
              <dl>
                <dt>Used by</dt>
                <dd>{entry.usedBy}</dd>
                <dt>Status</dt>
                <dd data-field="status">{entry.status}</dd>
                <dt>Secret</dt>
                <dd data-field="redacted">
                  <code>{entry.redacted ?? '—'}</code>
                </dd>
                <dt>Expires in</dt>
                <dd data-field="expires-in">{entry.redacted ? expiresIn(entry.expiresAt, now) : '—'}</dd>
                <dt>Fetches</dt>
                <dd data-field="fetch-count">{entry.fetchCount}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
