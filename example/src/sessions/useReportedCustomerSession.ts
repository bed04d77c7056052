import { useCustomerSession } from 'embedkit';
import { endpoints } from '../config';
import { useReportSession } from './useReportSession';

/** The signed-in customer's CustomerSession, kept fresh by the kit and listed in the session panel. */
export function useReportedCustomerSession(usedBy: string) {
  const session = useCustomerSession({ fetchSecret: endpoints.customerSession });
  useReportSession('customer-session', {
    kind: 'CustomerSession',
    usedBy,
    status: session.status,
    redacted: session.redacted,
    expiresAt: session.expiresAt,
    fetchCount: session.fetchCount,
  });
  return session;
}
