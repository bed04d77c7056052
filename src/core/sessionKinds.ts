import type { SessionKind } from './types';

interface SessionKindInfo {
  /** How messages name the session, as Stripe's docs do. */
  label: string;
  /** The prefix messages tell the developer to expect. */
  prefix: string;
  /** The Stripe API call that creates this session, for messages that name the fix. */
  createdBy: string;
  /** Whether Stripe gives this session an `expires_at`. */
  expires: boolean;
  matches(secret: string): boolean;
}

/** What embedkit knows about each session kind's secret. Secrets are otherwise opaque. */
export const SESSION_KINDS: Record<SessionKind, SessionKindInfo> = {
  account_session: {
    label: 'AccountSession',
    prefix: 'accs_secret_',
    createdBy: 'POST /v1/account_sessions',
    expires: true,
    matches: (secret) => secret.startsWith('accs_secret_'),
  },
  customer_session: {
    label: 'CustomerSession',
    prefix: 'cuss_secret_',
    createdBy: 'POST /v1/customer_sessions',
    expires: true,
    matches: (secret) => secret.startsWith('cuss_secret_'),
  },
  financial_connections_session: {
    label: 'Financial Connections session',
    prefix: 'fcsess_…_secret_',
    createdBy: 'POST /v1/financial_connections/sessions',
    expires: false,
    matches: (secret) => /^fcsess_[A-Za-z0-9]+_secret_[A-Za-z0-9]/.test(secret),
  },
};

/** Which kind a secret looks like, to tell a developer they wired the wrong endpoint. */
export function guessSessionKind(secret: string): SessionKind | undefined {
  return (Object.keys(SESSION_KINDS) as SessionKind[]).find((kind) => SESSION_KINDS[kind].matches(secret));
}
