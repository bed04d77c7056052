import type Stripe from 'stripe';
import { randomId } from '../engine/randomId.js';
import { SANDBOX_API_VERSION } from '../rest/stripeVersion.js';
import { deliveryTargetProblem } from './deliveryTarget.js';
import { signatureHeader } from './signature.js';

/** Webhook settings of `createSandbox({ webhooks })`; they survive `reset()`. */
export interface WebhookOptions {
  /**
   * Also POST every event here, signed with `forwardSecret`, like `stripe listen --forward-to`.
   * Must be on this machine unless its host is in `allowedHosts`.
   */
  forwardTo?: string;
  /** The `whsec_…` secret for `forwardTo`; default a new random one (read it from `sandbox.webhooks.forwardSecret`). */
  forwardSecret?: string;
  /** Host names besides localhost / 127.0.0.1 / [::1] that webhook URLs may name (e.g. a docker-compose service). */
  allowedHosts?: readonly string[];
  /** Attempts per event and endpoint before giving up. Default 4 (Stripe retries for 3 days; a test run cannot wait that long). */
  maxAttempts?: number;
  /** Wait before retry number `attempt` (1-based), in ms. Default 500 · 2^(attempt-1), capped at 30 s. */
  retryDelayMs?: (attempt: number) => number;
  /** How the sandbox waits between attempts. Default a timer; tests pass their own to skip the wait. */
  sleep?: (ms: number) => Promise<void>;
}

/** A webhook endpoint as stored: Stripe's object, its secret, and who it listens for. */
export interface StoredEndpoint {
  endpoint: Stripe.WebhookEndpoint;
  secret: string;
  /** The `Stripe-Account` it was created under (null: the platform). */
  context: string | null;
  /** `connect=true`: a platform endpoint that also hears its connected accounts' events. */
  connect: boolean;
}

export type EventType = Stripe.Event.Type;
export type EventOf<T extends EventType> = Extract<Stripe.Event, { type: T }>;

/** What caused an event: the connected account it happened on and the API request, if any. */
export interface EventOrigin {
  account: string | null;
  requestId?: string | null;
  idempotencyKey?: string | null;
  previousAttributes?: Record<string, unknown>;
}

/** Counters for `state().webhooks`. */
export interface WebhookStats {
  events: number;
  delivered: number;
  failedAttempts: number;
  gaveUp: number;
}

interface Waiter {
  type: string;
  objectId: string | undefined;
  resolve(event: Stripe.Event): void;
}

const DEFAULT_ATTEMPTS = 4;
const defaultDelay = (attempt: number) => Math.min(30_000, 500 * 2 ** (attempt - 1));
const timer = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** A receiver that never answers must not hold a delivery forever. */
const DELIVERY_TIMEOUT_MS = 10_000;

const objectIdOf = (event: Stripe.Event) => (event.data.object as { id?: unknown }).id;

/**
 * Webhook endpoints, the event log, and delivery: every event is stored (for `GET /v1/events`),
 * wakes whoever waits for it, and is POSTed, signed like Stripe's, to each endpoint that listens
 * for it (and to `forwardTo`), retried with backoff until a 2xx or `maxAttempts`.
 */
export class WebhookHub {
  endpoints = new Map<string, StoredEndpoint>();
  /** Oldest first, capped at `maxEvents`. */
  events: Stripe.Event[] = [];
  stats: WebhookStats = { events: 0, delivered: 0, failedAttempts: 0, gaveUp: 0 };
  private forwardTarget: string | null = null;
  readonly forwardSecret: string;
  readonly allowedHosts: readonly string[];
  private readonly waiters = new Set<Waiter>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly maxAttempts: number;
  private readonly retryDelayMs: (attempt: number) => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Bumped by reset: retries of events from before it stop. */
  private generation = 0;

  constructor(
    options: WebhookOptions,
    private readonly now: () => number,
    private readonly maxEvents: number,
  ) {
    this.allowedHosts = options.allowedHosts ?? [];
    if (options.forwardTo !== undefined) this.forward(options.forwardTo, 'createSandbox: webhooks.forwardTo');
    if (options.forwardSecret !== undefined && !/^whsec_\w+$/.test(options.forwardSecret)) {
      throw new TypeError('createSandbox: webhooks.forwardSecret must look like whsec_… (letters, digits, underscores).');
    }
    const attempts = options.maxAttempts ?? DEFAULT_ATTEMPTS;
    if (!Number.isInteger(attempts) || attempts < 1 || attempts > 20) {
      throw new TypeError(`createSandbox: webhooks.maxAttempts must be an integer from 1 to 20, received ${String(attempts)}.`);
    }
    this.forwardSecret = options.forwardSecret ?? randomId('whsec_', 32);
    this.maxAttempts = attempts;
    this.retryDelayMs = options.retryDelayMs ?? defaultDelay;
    this.sleep = options.sleep ?? timer;
  }

  /** Where every event is forwarded, or null. */
  get forwardTo(): string | null {
    return this.forwardTarget;
  }

  /** Forwards every event from now on to `url` (on this machine or an allowed host), or stops with null. */
  forward(url: string | null, caller = 'sandbox.webhooks.forward'): void {
    if (url !== null) {
      const problem = typeof url === 'string' ? deliveryTargetProblem(url, this.allowedHosts) : 'expected a URL string or null.';
      if (problem) throw new TypeError(`${caller}: ${problem}`);
    }
    this.forwardTarget = url;
  }

  /** Endpoints and events go; settings (forwarding, retries) stay. Retries still pending stop. */
  reset(): void {
    this.generation += 1;
    this.endpoints = new Map();
    this.events = [];
    this.stats = { events: 0, delivered: 0, failedAttempts: 0, gaveUp: 0 };
  }

  /** The problem with a webhook URL (not http(s), or not on this machine and not allowed), or null. */
  targetProblem(url: string): string | null {
    return deliveryTargetProblem(url, this.allowedHosts);
  }

  /** Records an event of `type` about `object` (copied as it is now) and starts its deliveries. */
  emit<T extends EventType>(type: T, object: EventOf<T>['data']['object'], origin: EventOrigin): EventOf<T> {
    const targets = [...this.endpoints.values()].filter((stored) => this.listens(stored, type, origin.account));
    const forward = this.forwardTo;
    const event = {
      id: randomId('evt_', 24),
      object: 'event',
      ...(origin.account !== null && { account: origin.account }),
      api_version: SANDBOX_API_VERSION,
      created: this.now(),
      data: { object: structuredClone(object), ...(origin.previousAttributes && { previous_attributes: origin.previousAttributes }) },
      livemode: false,
      pending_webhooks: targets.length,
      request: { id: origin.requestId ?? null, idempotency_key: origin.idempotencyKey ?? null },
      type,
      // The compiler cannot narrow a generic union member; `emit`'s signature ties object to type.
    } as unknown as EventOf<T>;
    this.events.push(event);
    if (this.events.length > this.maxEvents) this.events.shift();
    this.stats.events += 1;
    for (const stored of targets) this.track(this.deliver(event, stored.endpoint.url, stored.secret, () => this.endpoints.get(stored.endpoint.id) === stored));
    if (forward) this.track(this.deliver(event, forward, this.forwardSecret, () => true, false));
    for (const waiter of this.waiters) {
      if (waiter.type === type && (waiter.objectId === undefined || waiter.objectId === objectIdOf(event))) {
        this.waiters.delete(waiter);
        waiter.resolve(event);
      }
    }
    return event;
  }

  /**
   * The first event of `type` (about `objectId`, if given) since the last reset, or the next one
   * emitted: a test awaits the event itself instead of polling. Rejects after `timeoutMs`.
   */
  waitForEvent(type: string, options: { objectId?: string; timeoutMs?: number } = {}): Promise<Stripe.Event> {
    const found = this.events.find((event) => event.type === type && (options.objectId === undefined || objectIdOf(event) === options.objectId));
    if (found) return Promise.resolve(found);
    const timeoutMs = options.timeoutMs ?? 10_000;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > 600_000) {
      throw new TypeError(`waitForEvent: timeoutMs must be a number of milliseconds from 1 to 600000, received ${String(timeoutMs)}.`);
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        type,
        objectId: options.objectId,
        resolve: (event) => {
          clearTimeout(timeout);
          resolve(event);
        },
      };
      const timeout = setTimeout(() => {
        this.waiters.delete(waiter);
        const about = options.objectId ? ` about ${options.objectId}` : '';
        reject(
          new Error(
            `embedkit sandbox: no ${type} event${about} within ${timeoutMs} ms. Events so far: ${this.events.map((e) => e.type).join(', ') || 'none'}. ` +
              'If your app talks to another sandbox, point the Playwright fixture at it: test.use({ sandboxUrl }) or EMBEDKIT_SANDBOX_URL.',
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Resolves once every delivery started so far has succeeded or given up (retries included). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  private track(delivery: Promise<void>): void {
    this.inFlight.add(delivery);
    void delivery.finally(() => this.inFlight.delete(delivery));
  }

  private listens(stored: StoredEndpoint, type: string, account: string | null): boolean {
    const { endpoint } = stored;
    if (endpoint.status !== 'enabled') return false;
    if (!endpoint.enabled_events.includes('*') && !endpoint.enabled_events.includes(type)) return false;
    return stored.context === account || (stored.context === null && stored.connect && account !== null);
  }

  /**
   * POSTs the event until a 2xx, at most `maxAttempts` times. Redirects are not followed (Stripe
   * counts a 3xx as a failure, and following one could leave this machine).
   */
  private async deliver(event: Stripe.Event, url: string, secret: string, stillListening: () => boolean, counted = true): Promise<void> {
    const generation = this.generation;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      if (generation !== this.generation || !stillListening()) return;
      const payload = JSON.stringify(event, null, 2);
      let ok = false;
      let outcome = 'failed';
      try {
        const response = await fetch(url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks) embedkit-sandbox',
            // Signed with the wall clock, not the test clock: receivers check it against their own.
            'Stripe-Signature': signatureHeader(payload, secret, Math.floor(Date.now() / 1000)),
          },
          body: payload,
        });
        ok = response.status >= 200 && response.status < 300;
        outcome = `answered ${response.status}`;
        await response.body?.cancel();
      } catch (error) {
        ok = false;
        outcome = `could not be reached (${error instanceof Error ? error.message : String(error)})`;
      }
      if (generation !== this.generation) return;
      if (ok) {
        this.stats.delivered += 1;
        if (counted) event.pending_webhooks = Math.max(0, event.pending_webhooks - 1);
        return;
      }
      this.stats.failedAttempts += 1;
      // As `stripe listen` prints each delivery: a rejecting route (a wrong signing secret) is
      // otherwise silent, while waitForEvent, which sees emitted events, still succeeds.
      const last = attempt === this.maxAttempts;
      console.warn(
        `embedkit sandbox: webhook ${event.type} ${event.id} (${objectIdOf(event) ?? 'no object'}) to ${url} ${outcome}; ` +
          `attempt ${attempt} of ${this.maxAttempts}${last ? ', giving up' : ', retrying'}.`,
      );
      if (attempt < this.maxAttempts) await this.sleep(this.retryDelayMs(attempt));
    }
    if (generation === this.generation) this.stats.gaveUp += 1;
  }
}
