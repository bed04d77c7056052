import type Stripe from 'stripe';
import type { SandboxSessionKind } from '../protocol.js';

interface SessionBase {
  kind: SandboxSessionKind;
  secret: string;
  /** The `Stripe-Account` the session was created under; null for the platform. */
  context: string | null;
  createdAt: number;
  /** Unix seconds; null for FC sessions, which Stripe gives no expiry. */
  expiresAt: number | null;
  /** Set by the first successful claim. */
  token: string | null;
  loggedOut: boolean;
}

export interface AccountSessionRecord extends SessionBase {
  kind: 'account_session';
  object: Stripe.AccountSession;
}

export interface CustomerSessionRecord extends SessionBase {
  kind: 'customer_session';
  object: Stripe.CustomerSession;
  customer: string;
}

export interface FcSessionRecord extends SessionBase {
  kind: 'financial_connections_session';
  object: Stripe.FinancialConnections.Session;
  completed: boolean;
}

/** A session the sandbox created, with what the browser side has done with its secret. */
export type SessionRecord = AccountSessionRecord | CustomerSessionRecord | FcSessionRecord;
