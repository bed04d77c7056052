import { CONTROL_ROUTE_PREFIX } from '../protocol.js';
import { SandboxApiError } from './SandboxApiError.js';

/** One injected failure: answer `status` (with `code`), or run the request and then cut the connection. */
export interface FailRule {
  /** A route key (`POST /v1/account_sessions`) or a bare path (`/sandbox/v1/claim`, any method). */
  route: string;
  /** HTTP status to answer; ignored when `drop` is set. */
  status?: number;
  /** How many of the next matching requests fail. Default 1. */
  count?: number;
  code?: string;
  /**
   * A lost response: the request runs (and is saved for idempotent replay), then the connection is
   * closed before the answer. The SDK sees a connection error and retries with the same key.
   */
  drop?: boolean;
}

/** A request the sandbox ran and then chose not to answer; over HTTP the socket is destroyed. */
export class SandboxConnectionDrop extends TypeError {
  constructor() {
    super('embedkit sandbox: connection dropped on purpose (control.failNext with drop: true)');
  }
}

/** The error body an injected status gets, shaped as Stripe shapes that status. */
export function injectedError(status: number, code?: string): SandboxApiError {
  const why = 'injected by the embedkit sandbox (control.failNext)';
  if (status === 429) {
    return new SandboxApiError(429, { type: 'invalid_request_error', code: code ?? 'rate_limit', message: `Too many requests hit the API too quickly (${why}).` });
  }
  if (status >= 500) {
    return new SandboxApiError(status, { type: 'api_error', ...(code && { code }), message: `An unexpected error occurred (${why}).` });
  }
  return new SandboxApiError(status, { type: 'invalid_request_error', ...(code && { code }), message: `Request failed with status ${status} (${why}).` });
}

/** Latency and injected failures, per route key or for every route except the control routes. */
export class FaultPlan {
  latencyMs = 0;
  private readonly routeLatency = new Map<string, number>();
  private readonly rules: (FailRule & { count: number })[] = [];

  constructor(private readonly knownRoutes: () => string[]) {}

  setLatency(ms: number, route?: string): void {
    if (!Number.isFinite(ms) || ms < 0) throw new TypeError(`latency: expected milliseconds >= 0, received ${String(ms)}.`);
    if (route === undefined) this.latencyMs = ms;
    else this.routeLatency.set(this.checkRoute(route), ms);
  }

  latencyFor(key: string, path: string): number {
    return this.routeLatency.get(key) ?? this.routeLatency.get(path) ?? this.latencyMs;
  }

  failNext(rule: FailRule): void {
    const count = rule.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new TypeError(`failNext: count must be a positive integer, received ${String(rule.count)}.`);
    if (!rule.drop && (!Number.isInteger(rule.status) || (rule.status as number) < 400 || (rule.status as number) > 599)) {
      throw new TypeError(`failNext: status must be an HTTP error status (400–599), received ${String(rule.status)}; or pass drop: true.`);
    }
    this.rules.push({ ...rule, route: this.checkRoute(rule.route), count });
  }

  /** The rule that applies to this request, if any, counting it down. */
  take(key: string, path: string): FailRule | undefined {
    const index = this.rules.findIndex((r) => r.route === key || r.route === path);
    if (index === -1) return undefined;
    const rule = this.rules[index] as FailRule & { count: number };
    rule.count -= 1;
    if (rule.count === 0) this.rules.splice(index, 1);
    return rule;
  }

  clear(): void {
    this.latencyMs = 0;
    this.routeLatency.clear();
    this.rules.length = 0;
  }

  private checkRoute(route: string): string {
    if (route.includes(CONTROL_ROUTE_PREFIX)) {
      throw new TypeError(`Control routes cannot be failed or delayed ("${route}"): they always answer, so a reset always works.`);
    }
    const known = this.knownRoutes().filter((key) => !key.includes(CONTROL_ROUTE_PREFIX));
    const paths = known.map((k) => k.slice(k.indexOf(' ') + 1));
    if (!known.includes(route) && !paths.includes(route)) {
      throw new TypeError(`Unknown sandbox route "${route}". Use one of: ${known.join(', ')}.`);
    }
    return route;
  }
}
