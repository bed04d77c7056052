import { useCustomerSession } from 'embedkit';
import { endpoints } from '../config';
import { useReportSession } from './useReportSession';

/**
 * The signed-in customer's CustomerSession, kept fresh by the kit and listed in the session panel
 * under `panelId` (one per element on a page: each element needs its own session).
 */
export function useReportedCustomerSession(usedBy: string, panelId = 'customer-session') {
  const session = useCustomerSession({ fetchSecret: endpoints.customerSession });
  useReportSession(panelId, {
    kind: 'CustomerSession',
    usedBy,
    status: session.status,
    redacted: session.redacted,
    expiresAt: session.expiresAt,
    fetchCount: session.fetchCount,
  });
  return session;
}
