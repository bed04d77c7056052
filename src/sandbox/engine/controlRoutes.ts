import type Stripe from 'stripe';
import type { SandboxControl } from './createSandbox.js';
import type { SandboxStateSnapshot } from '../protocol.js';
import { CONTROL_ROUTES } from '../protocol.js';
import type { Route } from './Route.js';
import { SandboxApiError } from './SandboxApiError.js';

const OK = { ok: true } as const;

/** Control misuse (a bad route name, a negative latency) is a TypeError; over HTTP it is a 400. */
function run(action: () => void): typeof OK {
  try {
    action();
  } catch (error) {
    if (error instanceof TypeError) throw SandboxApiError.invalid(error.message);
    throw error;
  }
  return OK;
}

const num = (json: Record<string, unknown>, key: string): number => {
  const value = json[key];
  if (typeof value !== 'number') throw SandboxApiError.invalid(`Expected a number in "${key}", received ${JSON.stringify(value) ?? 'nothing'}.`, key);
  return value;
};
const optional = <T>(json: Record<string, unknown>, key: string, type: 'string' | 'number' | 'boolean'): T | undefined => {
  const value = json[key];
  if (value === undefined) return undefined;
  if (typeof value !== type) throw SandboxApiError.invalid(`Expected a ${type} in "${key}".`, key);
  return value as T;
};

/** `/sandbox/control/*`: the same controls as `sandbox.control`, over HTTP with JSON bodies. */
export function controlRoutes(control: SandboxControl, state: () => SandboxStateSnapshot): Route[] {
  return [
    { method: 'GET', path: CONTROL_ROUTES.state, handle: () => state() },
    { method: 'POST', path: CONTROL_ROUTES.reset, handle: () => run(() => control.reset()) },
    {
      method: 'POST',
      path: CONTROL_ROUTES.latency,
      handle: ({ json }) => run(() => control.latency(num(json, 'ms'), optional<string>(json, 'route', 'string'))),
    },
    {
      method: 'POST',
      path: CONTROL_ROUTES.fail,
      handle: ({ json }) =>
        run(() => {
          const route = optional<string>(json, 'route', 'string');
          if (route === undefined) throw SandboxApiError.missing('route');
          const count = optional<number>(json, 'count', 'number');
          if (optional<boolean>(json, 'drop', 'boolean')) control.dropNext(route, count);
          else control.failNext(route, num(json, 'status'), count, optional<string>(json, 'code', 'string'));
        }),
    },
    {
      method: 'POST',
      path: CONTROL_ROUTES.waitForEvent,
      // Answers when the event is emitted (a long poll), so a test never sleeps to see it.
      handle: async ({ json }) => {
        const type = optional<string>(json, 'type', 'string');
        if (type === undefined) throw SandboxApiError.missing('type');
        const objectId = optional<string>(json, 'objectId', 'string');
        const timeoutMs = optional<number>(json, 'timeoutMs', 'number');
        let waiting: Promise<Stripe.Event> | undefined;
        run(() => {
          waiting = control.waitForEvent(type as Stripe.Event.Type, { ...(objectId && { objectId }), ...(timeoutMs !== undefined && { timeoutMs }) });
        });
        try {
          return await waiting;
        } catch (error) {
          throw new SandboxApiError(408, { type: 'invalid_request_error', code: 'sandbox_event_timeout', message: (error as Error).message });
        }
      },
    },
    {
      method: 'POST',
      path: CONTROL_ROUTES.completeOnboarding,
      handle: ({ json }) => {
        const account = optional<string>(json, 'account', 'string');
        if (account === undefined) throw SandboxApiError.missing('account');
        return control.completeOnboarding(account);
      },
    },
    { method: 'POST', path: CONTROL_ROUTES.lifetime, handle: ({ json }) => run(() => control.lifetime(num(json, 'seconds'))) },
    {
      method: 'POST',
      path: CONTROL_ROUTES.clock,
      handle: ({ json }) =>
        run(() => {
          if (json.now !== undefined) control.setTime(num(json, 'now'));
          else control.advanceClock(num(json, 'advanceSeconds'));
        }),
    },
  ];
}
