import type Stripe from 'stripe';
import type { SandboxCard, SandboxInstitution, SandboxPlan, SandboxSessionKind, SandboxStateSnapshot } from '../protocol.js';
import type { SessionRecord, FcSessionRecord } from './SessionRecord.js';
import { buildPaymentMethod } from '../rest/paymentObjects.js';
import type { StoredPaymentIntent, StoredPaymentMethod } from '../rest/paymentRecords.js';
import { generateAccountData, seedData, type AccountData } from '../rest/seedData.js';
import { WebhookHub, type StoredEndpoint, type WebhookOptions } from '../webhooks/WebhookHub.js';

export interface StoreOptions {
  seed: number;
  lifetimeSeconds: number;
  maxSessions: number;
  /** Epoch milliseconds, before the test clock's offset. */
  clock: () => number;
  /** Forwarding and retry settings of webhook delivery. */
  webhooks?: WebhookOptions;
}

/** Sessions stay answerable as "expired" for this long after `expires_at`, then are evicted (sandbox choice). */
export const EXPIRED_SESSION_GRACE_SECONDS = 600;
/** FC sessions have no `expires_at`; the sandbox keeps them this long (sandbox choice). */
export const FC_SESSION_RETENTION_SECONDS = 86_400;
/** Redacted claimed secrets kept for `state().claimedSecrets`. */
const CLAIMED_SECRETS_KEPT = 1000;

export interface StoredFcAccount {
  account: Stripe.FinancialConnections.Account;
  context: string | null;
  session: string;
}

const zeroKinds = (): Record<SandboxSessionKind, number> => ({
  account_session: 0,
  customer_session: 0,
  financial_connections_session: 0,
});

/** Counters keyed by names a request chose (event types, methods): no prototype, so `constructor` is just a name. */
const counters = (): Record<string, number> => Object.create(null) as Record<string, number>;

/** Prefix and last four characters: enough to tell secrets apart in a test, useless to an attacker. */
export const redactSecret = (secret: string) => `${secret.slice(0, secret.indexOf('_secret_') + 8)}…${secret.slice(-4)}`;

/**
 * Everything the sandbox knows, in memory and bounded: objects are capped at `maxSessions` each,
 * and sessions are evicted once expired past a grace period (oldest first).
 */
export class SandboxStore {
  readonly options: StoreOptions;
  lifetimeSeconds: number;
  clockOffsetSeconds = 0;

  platformId = '';
  seededIds = new Set<string>();
  accounts = new Map<string, Stripe.Account>();
  accountData = new Map<string, AccountData>();
  customers = new Map<string, { customer: Stripe.Customer; context: string | null }>();
  cards = new Map<string, SandboxCard[]>();
  plans: SandboxPlan[] = [];
  institutions: SandboxInstitution[] = [];
  paymentIntents = new Map<string, StoredPaymentIntent>();
  /** Every PaymentMethod by id: seeded saved cards and those made from test cards. */
  paymentMethods = new Map<string, StoredPaymentMethod>();
  /** Webhook endpoints, the event log and delivery. */
  readonly webhooks: WebhookHub;

  /** By client secret. */
  sessions = new Map<string, SessionRecord>();
  /** Claim token → client secret. */
  tokens = new Map<string, string>();
  fcSessions = new Map<string, FcSessionRecord>();
  fcAccounts = new Map<string, StoredFcAccount>();

  sessionsCreated = zeroKinds();
  claims = zeroKinds();
  claimErrors = counters();
  claimedSecrets: string[] = [];
  events = counters();
  requests = counters();
  /**
   * Counts resets. A request reads it when it starts and may change the world only if it is
   * unchanged, so a create still in flight during `reset()` cannot land in the fresh world.
   */
  generation = 0;

  constructor(options: StoreOptions) {
    this.options = options;
    this.lifetimeSeconds = options.lifetimeSeconds;
    this.webhooks = new WebhookHub(options.webhooks ?? {}, () => this.now(), options.maxSessions);
    this.reset();
  }

  /** Sandbox time in unix seconds: the clock plus the test clock's offset. */
  now(): number {
    return Math.floor(this.options.clock() / 1000) + this.clockOffsetSeconds;
  }

  /** Back to the seeded world: objects, sessions and counters. Settings (lifetime, clock) stay. */
  reset(): void {
    this.generation += 1;
    const seed = seedData(this.options.seed, this.now());
    this.platformId = seed.platformId;
    this.accounts = new Map(seed.accounts.map((a) => [a.id, a]));
    this.accountData = seed.accountData;
    this.customers = new Map(seed.customers.map((c) => [c.id, { customer: c, context: null }]));
    this.cards = seed.cards;
    this.plans = seed.plans;
    this.institutions = seed.institutions;
    this.paymentIntents = new Map();
    this.paymentMethods = new Map();
    for (const [customer, cards] of this.cards) {
      for (const card of cards) {
        const created = this.customers.get(customer)?.customer.created ?? this.now();
        const pm = buildPaymentMethod({ id: card.id, created, customer, card, fingerprint: card.id.slice(3, 19) });
        this.paymentMethods.set(card.id, { pm, outcome: { kind: 'succeed' }, context: null });
      }
    }
    this.seededIds = new Set([...this.accounts.keys(), ...this.customers.keys(), ...this.paymentMethods.keys()]);
    this.webhooks.reset();
    this.sessions = new Map();
    this.tokens = new Map();
    this.fcSessions = new Map();
    this.fcAccounts = new Map();
    this.sessionsCreated = zeroKinds();
    this.claims = zeroKinds();
    this.claimErrors = counters();
    this.claimedSecrets = [];
    this.events = counters();
    this.requests = counters();
  }

  addAccount(account: Stripe.Account): void {
    const evicted = this.capRuntimeObjects(this.accounts);
    if (evicted) this.accountData.delete(evicted);
    this.accounts.set(account.id, account);
    this.accountData.set(account.id, generateAccountData(account, this.now()));
  }

  addCustomer(customer: Stripe.Customer, context: string | null): void {
    this.capRuntimeObjects(this.customers);
    this.customers.set(customer.id, { customer, context });
  }

  addFcAccount(stored: StoredFcAccount): void {
    this.capRuntimeObjects(this.fcAccounts);
    this.fcAccounts.set(stored.account.id, stored);
  }

  addPaymentIntent(stored: StoredPaymentIntent): void {
    this.capRuntimeObjects(this.paymentIntents);
    this.paymentIntents.set(stored.intent.id, stored);
  }

  addPaymentMethod(stored: StoredPaymentMethod): void {
    this.capRuntimeObjects(this.paymentMethods);
    this.paymentMethods.set(stored.pm.id, stored);
  }

  addWebhookEndpoint(stored: StoredEndpoint): void {
    this.capRuntimeObjects(this.webhooks.endpoints);
    this.webhooks.endpoints.set(stored.endpoint.id, stored);
  }

  addSession(record: SessionRecord): void {
    this.evictExpired();
    while (this.sessions.size >= this.options.maxSessions) {
      const oldest = this.sessions.values().next().value;
      if (!oldest) break;
      this.evict(oldest);
    }
    this.sessions.set(record.secret, record);
    if (record.kind === 'financial_connections_session') this.fcSessions.set(record.object.id, record);
    this.sessionsCreated[record.kind] += 1;
  }

  recordClaim(record: SessionRecord, token: string): void {
    record.token = token;
    this.tokens.set(token, record.secret);
    this.claims[record.kind] += 1;
    this.claimedSecrets.push(redactSecret(record.secret));
    if (this.claimedSecrets.length > CLAIMED_SECRETS_KEPT) this.claimedSecrets.shift();
  }

  count(bucket: Record<string, number>, key: string): void {
    bucket[key] = (bucket[key] ?? 0) + 1;
  }

  /** Drops sessions past their retention, oldest first; stops at the first one still kept (amortized O(1)). */
  evictExpired(): void {
    const now = this.now();
    for (const record of this.sessions.values()) {
      const until =
        record.expiresAt === null ? record.createdAt + FC_SESSION_RETENTION_SECONDS : record.expiresAt + EXPIRED_SESSION_GRACE_SECONDS;
      if (until >= now) return;
      this.evict(record);
    }
  }

  private evict(record: SessionRecord): void {
    this.sessions.delete(record.secret);
    if (record.token) this.tokens.delete(record.token);
    if (record.kind === 'financial_connections_session') this.fcSessions.delete(record.object.id);
  }

  /** Runtime-created objects are capped like sessions; the seeded ones are never evicted. */
  private capRuntimeObjects(map: Map<string, unknown>): string | undefined {
    if (map.size < this.options.maxSessions) return undefined;
    for (const id of map.keys()) {
      if (!this.seededIds.has(id)) {
        map.delete(id);
        return id;
      }
    }
    return undefined;
  }

  snapshot(latencyMs: number): SandboxStateSnapshot {
    return {
      sessionsCreated: { ...this.sessionsCreated },
      claims: { ...this.claims },
      claimErrors: { ...this.claimErrors },
      claimedSecrets: [...this.claimedSecrets],
      events: { ...this.events },
      requests: { ...this.requests },
      now: this.now(),
      lifetimeSeconds: this.lifetimeSeconds,
      latencyMs,
      seeded: {
        platform: this.platformId,
        accounts: [...this.seededIds].filter((id) => id.startsWith('acct_')),
        customers: [...this.seededIds].filter((id) => id.startsWith('cus_')),
      },
      liveSessions: this.sessions.size,
      webhooks: { ...this.webhooks.stats },
    };
  }
}
