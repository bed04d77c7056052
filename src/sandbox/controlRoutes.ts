import type { SandboxControl } from './createSandbox.js';
import type { SandboxStateSnapshot } from './protocol.js';
import { CONTROL_ROUTES } from './protocol.js';
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
