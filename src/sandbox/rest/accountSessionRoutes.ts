import type Stripe from 'stripe';
import { findAccount } from './accountRoutes.js';
import { ACCOUNT_SESSION_COMPONENTS, fillAccountSessionComponents, type RequestedComponents } from './accountSessionComponents.js';
import { checkExpand, EXPAND } from './commonParams.js';
import { randomId } from '../engine/randomId.js';
import { readParams, type Fields } from './readParams.js';
import type { Route } from '../engine/Route.js';
import { SandboxApiError } from '../engine/SandboxApiError.js';

const COMPONENT_PARAMS: Fields = Object.fromEntries(
  Object.entries(ACCOUNT_SESSION_COMPONENTS).map(([key, features]) => [
    key,
    {
      type: 'object',
      fields: {
        enabled: { type: 'boolean', required: true },
        features: { type: 'object', fields: Object.fromEntries(Object.keys(features).map((f) => [f, { type: 'boolean' }])) },
      },
    },
  ]),
);

const CREATE_ACCOUNT_SESSION = {
  account: { type: 'string', required: true },
  // Typed as an empty field list: the full table is checked at runtime, and the result is read as RequestedComponents.
  components: { type: 'object', required: true, fields: COMPONENT_PARAMS as Record<never, never> },
  ...EXPAND,
} as const;

/** Throws Stripe's 400 unless at least one of `components` has `enabled: true`. */
export function requireEnabledComponent(components: Record<string, { enabled: boolean } | undefined>): void {
  if (!Object.values(components).some((c) => c?.enabled)) {
    throw SandboxApiError.invalid('At least 1 component must be enabled, e.g. components[payments][enabled]=true.', 'components');
  }
}

/**
 * `POST /v1/account_sessions`. Created by the platform with `account` in the body (the
 * `Stripe-Account` header is not consulted). Lives `lifetimeSeconds`; its secret can be claimed once.
 */
export const accountSessionRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/account_sessions',
    handle({ store, form }) {
      const params = readParams(form, CREATE_ACCOUNT_SESSION);
      checkExpand(params.expand, []);
      const requested = params.components as RequestedComponents;
      const account = findAccount(store.accounts, params.account, 'account');
      requireEnabledComponent(requested);
      const now = store.now();
      const object = {
        object: 'account_session',
        account: account.id,
        client_secret: randomId('accs_secret__', 47),
        components: fillAccountSessionComponents(requested),
        expires_at: now + store.lifetimeSeconds,
        livemode: false,
      } satisfies Stripe.AccountSession;
      store.addSession({
        kind: 'account_session',
        secret: object.client_secret,
        context: null,
        createdAt: now,
        expiresAt: object.expires_at,
        token: null,
        loggedOut: false,
        object,
      });
      return object;
    },
  },
];
