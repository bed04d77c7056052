import type { SessionKind } from './types.js';

interface SessionKindInfo {
  /** How messages name the session, as Stripe's docs do. */
  label: string;
  /** The shape messages tell the developer to expect. */
  prefix: string;
  /** What a secret of this kind looks like. Secrets are otherwise opaque. */
  pattern: RegExp;
  /** Whether Stripe gives this session an `expires_at`. */
  expires: boolean;
}

/** What embedkit knows about each session kind's secret. */
export const SESSION_KINDS: Record<SessionKind, SessionKindInfo> = {
  account_session: { label: 'AccountSession', prefix: 'accs_secret_', pattern: /^accs_secret_./, expires: true },
  customer_session: { label: 'CustomerSession', prefix: 'cuss_secret_', pattern: /^cuss_secret_./, expires: true },
  financial_connections_session: {
    label: 'Financial Connections session',
    prefix: 'fcsess_…_secret_',
    pattern: /^fcsess_[A-Za-z0-9]+_secret_./,
    expires: false,
  },
};

/**
 * The Stripe API call that creates each session, for development-only messages that name the fix:
 * read only inside `hint`, so production bundles drop the table.
 */
export const CREATED_BY: Record<SessionKind, string> = {
  account_session: 'POST /v1/account_sessions',
  customer_session: 'POST /v1/customer_sessions',
  financial_connections_session: 'POST /v1/financial_connections/sessions',
};
