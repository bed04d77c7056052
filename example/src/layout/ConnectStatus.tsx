import { useConnect } from 'embedkit';
import { useReportSession } from '../sessions/useReportSession';

/**
 * The AccountSession's row in the session panel, and, when no session could be had, an alert
 * with a working retry (never a blank area). Rendered in every state of <ConnectProvider>.
 */
export function ConnectStatus() {
  const { status, error, refresh, expiresAt, fetchCount, redacted } = useConnect();
  useReportSession('account-session', {
    kind: 'AccountSession',
    usedBy: 'Connect components',
    status,
    redacted,
    expiresAt,
    fetchCount,
  });
  if (status !== 'error') return null;
  return (
    <div role="alert" className="alert">
      <p>
        <strong>Your account could not be loaded.</strong> {error.message}
      </p>
      <button type="button" onClick={refresh}>
        Try again
      </button>
    </div>
  );
}
