import type { SessionKind } from './types.js';

export interface SessionKindInfo<K extends SessionKind = SessionKind> {
  kind: K;
  /** How messages name the session, as Stripe's docs do. */
  label: string;
  /** What a secret of this kind looks like. Secrets are otherwise opaque. */
  pattern: RegExp;
  /** Whether Stripe gives this session an `expires_at`. */
  expires: boolean;
}

/*
 * What embedkit knows about each session kind's secret, one constant per kind so a bundle that
 * handles one kind (the Financial Connections flow) carries only that one.
 */
export const ACCOUNT_SESSION: SessionKindInfo<'account_session'> = { kind: 'account_session', label: 'AccountSession', pattern: /^accs_secret_./, expires: true };
export const CUSTOMER_SESSION: SessionKindInfo<'customer_session'> = { kind: 'customer_session', label: 'CustomerSession', pattern: /^cuss_secret_./, expires: true };
export const FINANCIAL_CONNECTIONS_SESSION: SessionKindInfo<'financial_connections_session'> = {
  kind: 'financial_connections_session',
  label: 'Financial Connections session',
  pattern: /^fcsess_[A-Za-z0-9]+_secret_./,
  expires: false,
};

/** All kinds by name. */
export const SESSION_KINDS: { [K in SessionKind]: SessionKindInfo<K> } = {
  account_session: ACCOUNT_SESSION,
  customer_session: CUSTOMER_SESSION,
  financial_connections_session: FINANCIAL_CONNECTIONS_SESSION,
};

/**
 * For development-only messages that name the fix, read only inside `hint`, so production bundles
 * drop the table: the shape each secret starts with, and the Stripe API call that creates it.
 */
export const KIND_HINTS: Record<SessionKind, { prefix: string; createdBy: string }> = {
  account_session: { prefix: 'accs_secret_', createdBy: 'POST /v1/account_sessions' },
  customer_session: { prefix: 'cuss_secret_', createdBy: 'POST /v1/customer_sessions' },
  financial_connections_session: { prefix: 'fcsess_…_secret_', createdBy: 'POST /v1/financial_connections/sessions' },
};
