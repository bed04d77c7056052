import { vi } from 'vitest';
import { ConnectElementCommonMethodConfig, ConnectElementCustomMethodConfig, connectElementTagNames } from '@stripe/connect-js/pure.js';

/** A Connect.js element stand-in: records the listeners the loader hands it. */
export class FakeConnectElement extends HTMLElement {
  listeners: Record<string, unknown> = {};
  connector: unknown = null;
  setConnector(connector: unknown) {
    this.connector = connector;
  }
}

const setterNames = [
  ...Object.keys(ConnectElementCommonMethodConfig),
  ...Object.values(ConnectElementCustomMethodConfig).flatMap((methods) => Object.keys(methods)),
];
for (const name of setterNames) {
  (FakeConnectElement.prototype as unknown as Record<string, unknown>)[`${name}InternalOnly`] = function (this: FakeConnectElement, value: unknown) {
    this.listeners[name] = value;
  };
}

export interface FakeConnect {
  /** Every call in order: `init:<publishableKey>`, `update`, `logout`. */
  log: string[];
  init: ReturnType<typeof vi.fn>;
  instances: Array<{ update: ReturnType<typeof vi.fn>; logout: ReturnType<typeof vi.fn>; params: Record<string, unknown> }>;
}

/**
 * Installs `window.StripeConnect` the way the real script would, so the unmodified
 * `@stripe/connect-js/pure` loader uses it instead of injecting a script (jsdom runs none). The
 * loader memoizes the global object for the whole file, so each test swaps `init`, not the object.
 */
export function installFakeConnect(): FakeConnect {
  for (const tag of connectElementTagNames) {
    const name = `stripe-connect-${tag}`;
    if (!customElements.get(name)) customElements.define(name, class extends FakeConnectElement {});
  }
  const fake: FakeConnect = { log: [], instances: [], init: vi.fn() };
  fake.init.mockImplementation((params: Record<string, unknown>) => {
    fake.log.push(`init:${String(params.publishableKey)}`);
    // Real Connect.js consumes the eager secret promise; so does the stand-in.
    (params.metaOptions as { eagerClientSecretPromise: Promise<string> }).eagerClientSecretPromise.catch(() => {});
    const instance = {
      connect: {},
      params,
      update: vi.fn((options: unknown) => fake.log.push(`update:${JSON.stringify(options)}`)),
      logout: vi.fn(async () => {
        fake.log.push('logout');
      }),
    };
    fake.instances.push(instance);
    return instance;
  });
  const global = window as unknown as { StripeConnect?: Record<string, unknown> };
  global.StripeConnect ??= {};
  global.StripeConnect.init = fake.init;
  return fake;
}
