import type { FormObject } from './decodeForm.js';
import type { SandboxStore } from './SandboxStore.js';

/** What a route handler receives. REST routes read `form`; browser and control routes read `json`. */
export interface RouteContext {
  store: SandboxStore;
  request: Request;
  /** `:name` segments of the route's path. */
  path: Record<string, string>;
  /** REST params: the form body of a POST, the query string of a GET. */
  form: FormObject;
  /** Browser/control routes: the parsed JSON body (an empty object when there is none). */
  json: Record<string, unknown>;
  /** The `Stripe-Account` header, for REST routes. */
  stripeAccount: string | null;
  /** A REST request made with the publishable key (Stripe.js); only {@link Route.publishable} routes get one. */
  publishableKey: boolean;
  /** This request's `Request-Id` and `Idempotency-Key`: events it causes name them, as at Stripe. */
  requestId: string;
  idempotencyKey: string | null;
}

export type RouteFamily = 'rest' | 'browser' | 'control';

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** `/v1/accounts/:id`; the route key is `METHOD path`. */
  path: string;
  /**
   * A JSON body answered with 200, or a Response. Failures are thrown as SandboxApiError. Keep it
   * synchronous: the handler checks just before calling it that no reset happened meanwhile.
   * (A control route that only waits, like `wait_for_event`, may return a Promise.)
   */
  handle(ctx: RouteContext): unknown;
  /**
   * REST routes Stripe.js calls from the browser with the publishable key; the handler must then
   * demand the object's client secret (`ctx.publishableKey`).
   */
  publishable?: boolean;
}
