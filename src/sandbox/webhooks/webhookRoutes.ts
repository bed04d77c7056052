import type Stripe from 'stripe';
import { checkExpand, EXPAND, METADATA, PAGINATION } from '../rest/commonParams.js';
import { randomId } from '../engine/randomId.js';
import { inRange, readParams } from '../rest/readParams.js';
import type { Route } from '../engine/Route.js';
import { SandboxApiError } from '../engine/SandboxApiError.js';
import type { SandboxStore } from '../engine/SandboxStore.js';
import { buildList } from '../rest/stripeObjects.js';
import { newSigningSecret } from './signature.js';
import type { StoredEndpoint } from './WebhookHub.js';

const ENDPOINT_FIELDS = {
  url: { type: 'string' },
  enabled_events: { type: 'array', items: { type: 'string' } },
  description: { type: 'string' },
  ...METADATA,
  ...EXPAND,
} as const;

const CREATE_ENDPOINT = {
  ...ENDPOINT_FIELDS,
  url: { type: 'string', required: true },
  enabled_events: { type: 'array', required: true, items: { type: 'string' } },
  connect: { type: 'boolean' },
  api_version: { type: 'string' },
} as const;

const UPDATE_ENDPOINT = { ...ENDPOINT_FIELDS, disabled: { type: 'boolean' } } as const;

const LIST_EVENTS = {
  ...PAGINATION,
  type: { type: 'string' },
  types: { type: 'array', items: { type: 'string' } },
  created: { type: 'range' },
  delivery_success: { type: 'boolean' },
} as const;

/** `payment_intent.succeeded`, `financial_connections.account.created`, or `*` for every event. */
const EVENT_TYPE = /^[a-z0-9_]+(\.[a-z0-9_]+)+$/;

function checkUrl(store: SandboxStore, url: string): string {
  const problem = store.webhooks.targetProblem(url);
  if (problem) throw SandboxApiError.invalid(`Invalid URL: ${problem}`, 'url', 'url_invalid');
  return url;
}

function checkEvents(types: string[]): string[] {
  if (types.length === 0) throw SandboxApiError.invalid('enabled_events must list at least one event type, or * for all of them.', 'enabled_events');
  types.forEach((type, i) => {
    if (type !== '*' && !EVENT_TYPE.test(type)) {
      throw SandboxApiError.invalid(`Invalid enabled_events[${i}]: ${JSON.stringify(type.slice(0, 80))} is not an event type. Use one such as payment_intent.succeeded, or * for all events.`, `enabled_events[${i}]`);
    }
  });
  return types;
}

function findEndpoint(store: SandboxStore, id: string, context: string | null): StoredEndpoint {
  const stored = store.webhooks.endpoints.get(id);
  if (!stored || stored.context !== context) throw SandboxApiError.noSuch('webhook endpoint', id);
  return stored;
}

/** Retrieve and list answers never carry the secret; only the create answer does, as at Stripe. */
const withoutSecret = ({ endpoint }: StoredEndpoint): Stripe.WebhookEndpoint => endpoint;

/** Events visible from `context`: the platform's own, or one connected account's. Newest first. */
function visibleEvents(store: SandboxStore, context: string | null): Stripe.Event[] {
  return store.webhooks.events.filter((event) => (event.account ?? null) === context).reverse();
}

/** `/v1/webhook_endpoints` (create, list, retrieve, update, delete) and `/v1/events` (list, retrieve). */
export const webhookRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/webhook_endpoints',
    handle({ store, form, stripeAccount }) {
      const params = readParams(form, CREATE_ENDPOINT);
      checkExpand(params.expand, []);
      const secret = newSigningSecret();
      const endpoint: Stripe.WebhookEndpoint = {
        id: randomId('we_', 24),
        object: 'webhook_endpoint',
        api_version: params.api_version ?? null,
        application: null,
        created: store.now(),
        description: params.description ?? null,
        enabled_events: checkEvents(params.enabled_events),
        livemode: false,
        metadata: params.metadata ?? {},
        status: 'enabled',
        url: checkUrl(store, params.url),
      };
      store.addWebhookEndpoint({ endpoint, secret, context: stripeAccount, connect: params.connect ?? false });
      return { ...endpoint, secret };
    },
  },
  {
    method: 'GET',
    path: '/v1/webhook_endpoints',
    handle({ store, form, stripeAccount }) {
      const params = readParams(form, PAGINATION);
      checkExpand(params.expand, []);
      const mine = [...store.webhooks.endpoints.values()].filter((stored) => stored.context === stripeAccount).map(withoutSecret).reverse();
      return buildList(mine, '/v1/webhook_endpoints', params, (param, id) => SandboxApiError.noSuch('webhook endpoint', id, param));
    },
  },
  {
    method: 'GET',
    path: '/v1/webhook_endpoints/:id',
    handle({ store, form, path, stripeAccount }) {
      checkExpand(readParams(form, EXPAND).expand, []);
      return withoutSecret(findEndpoint(store, path.id ?? '', stripeAccount));
    },
  },
  {
    method: 'POST',
    path: '/v1/webhook_endpoints/:id',
    handle({ store, form, path, stripeAccount }) {
      const stored = findEndpoint(store, path.id ?? '', stripeAccount);
      const params = readParams(form, UPDATE_ENDPOINT);
      checkExpand(params.expand, []);
      const { endpoint } = stored;
      if (params.url !== undefined) endpoint.url = checkUrl(store, params.url);
      if (params.enabled_events !== undefined) endpoint.enabled_events = checkEvents(params.enabled_events);
      if (params.description !== undefined) endpoint.description = params.description;
      if (params.metadata !== undefined) endpoint.metadata = { ...endpoint.metadata, ...params.metadata };
      if (params.disabled !== undefined) endpoint.status = params.disabled ? 'disabled' : 'enabled';
      return endpoint;
    },
  },
  {
    method: 'DELETE',
    path: '/v1/webhook_endpoints/:id',
    handle({ store, form, path, stripeAccount }) {
      readParams(form, {});
      const { endpoint } = findEndpoint(store, path.id ?? '', stripeAccount);
      store.webhooks.endpoints.delete(endpoint.id);
      return { id: endpoint.id, object: 'webhook_endpoint', deleted: true } satisfies Stripe.DeletedWebhookEndpoint;
    },
  },
  {
    method: 'GET',
    path: '/v1/events',
    handle({ store, form, stripeAccount }) {
      const params = readParams(form, LIST_EVENTS);
      checkExpand(params.expand, []);
      if (params.type !== undefined && params.types !== undefined) {
        throw SandboxApiError.invalid('You may only specify one of these parameters: type, types.', 'types');
      }
      const wanted = params.types ?? (params.type === undefined ? undefined : [params.type]);
      // `type` may end in `*`: `payment_intent.*` matches every PaymentIntent event, as at Stripe.
      const matches = (type: string) => !wanted || wanted.some((w) => (w.endsWith('*') ? type.startsWith(w.slice(0, -1)) : type === w));
      const events = visibleEvents(store, stripeAccount).filter(
        (event) =>
          matches(event.type) &&
          inRange(event.created, params.created) &&
          (params.delivery_success === undefined || (event.pending_webhooks === 0) === params.delivery_success),
      );
      return buildList(events, '/v1/events', params, (param, id) => SandboxApiError.noSuch('event', id, param));
    },
  },
  {
    method: 'GET',
    path: '/v1/events/:id',
    handle({ store, form, path, stripeAccount }) {
      checkExpand(readParams(form, EXPAND).expand, []);
      const event = visibleEvents(store, stripeAccount).find((e) => e.id === path.id);
      if (!event) throw SandboxApiError.noSuch('event', path.id ?? '');
      return event;
    },
  },
];
