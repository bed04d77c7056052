import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { ConnectElementCommonMethodConfig, ConnectElementCustomMethodConfig, connectElementTagNames } from '@stripe/connect-js/pure.js';

/** What a fake instance's elements report on their own once they have a connector. */
export interface FakeConnectorEvents {
  /** Sent to the element's `onLoadError` listener right after its loader start. */
  loadError?: { type: string; message: string };
}

const SECRET_FAILURE = { type: 'account_session_create_error', message: 'fetchClientSecret failed.' };

/** The `connect` value of a fake instance, handed to its elements by the loader. */
interface FakeConnector {
  events: FakeConnectorEvents;
  /** Calls `listener` once the eager secret has failed (at once if it already has). */
  onSecretFailure(listener: () => void): void;
}

/**
 * A Connect.js element stand-in: records the listeners the loader hands it and, like the sandbox's
 * (contracts §3.8), reports its loader start exactly once as soon as it is on the page with a
 * connector (and, if its instance says so, a load error right after).
 */
export class FakeConnectElement extends HTMLElement {
  listeners: Record<string, unknown> = {};
  connector: unknown = null;
  private readonly undelivered = new Map<string, unknown>();
  private shown = false;
  setConnector(connector: unknown) {
    this.connector = connector;
    this.show();
  }
  connectedCallback() {
    this.show();
  }
  /** An element shows its loader once it is both on the page and connected to an instance. */
  private show() {
    if (this.shown || !this.isConnected || !this.connector) return;
    this.shown = true;
    const connector = this.connector as FakeConnector;
    const elementTagName = this.localName;
    this.emitOnce('setOnLoaderStart', { elementTagName });
    if (connector.events.loadError) this.emitOnce('setOnLoadError', { elementTagName, error: connector.events.loadError });
    // Like Connect.js: an element whose instance got no first secret reports it as its load error.
    connector.onSecretFailure(() => this.emitOnce('setOnLoadError', { elementTagName, error: SECRET_FAILURE }));
  }
  /**
   * Reports `event` once, as the sandbox stand-in does: to the first listener set from now on, or
   * else, a microtask later, to the one already there.
   */
  emitOnce(setter: string, event: unknown) {
    this.undelivered.set(setter, event);
    queueMicrotask(() => {
      const listener = this.listeners[setter];
      if (this.undelivered.get(setter) !== event || typeof listener !== 'function') return;
      this.undelivered.delete(setter);
      listener(event);
    });
  }
  receive(setter: string, value: unknown) {
    this.listeners[setter] = value;
    const held = this.undelivered.get(setter);
    if (held === undefined || typeof value !== 'function') return;
    this.undelivered.delete(setter);
    value(held);
  }
}

const setterNames = [
  ...Object.keys(ConnectElementCommonMethodConfig),
  ...Object.values(ConnectElementCustomMethodConfig).flatMap((methods) => Object.keys(methods)),
];
for (const name of setterNames) {
  (FakeConnectElement.prototype as unknown as Record<string, unknown>)[`${name}InternalOnly`] = function (this: FakeConnectElement, value: unknown) {
    this.receive(name, value);
  };
}

export interface FakeConnect {
  /** Every call in order: `init:<publishableKey>`, `update`, `logout`. */
  log: string[];
  init: ReturnType<typeof vi.fn>;
  instances: Array<{ update: ReturnType<typeof vi.fn>; logout: ReturnType<typeof vi.fn>; params: Record<string, unknown> }>;
  /** What every element of instances created from now on reports by itself. */
  events: FakeConnectorEvents;
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
  const fake: FakeConnect = { log: [], instances: [], init: vi.fn(), events: {} };
  fake.init.mockImplementation((params: Record<string, unknown>) => {
    fake.log.push(`init:${String(params.publishableKey)}`);
    let failed = false;
    const failureListeners: Array<() => void> = [];
    // Real Connect.js consumes the eager secret promise; so does the stand-in.
    (params.metaOptions as { eagerClientSecretPromise: Promise<string> }).eagerClientSecretPromise.catch(() => {
      failed = true;
      for (const listener of failureListeners.splice(0)) listener();
    });
    const connect: FakeConnector = {
      events: { ...fake.events },
      onSecretFailure: (listener) => (failed ? listener() : void failureListeners.push(listener)),
    };
    const instance = {
      connect,
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

/**
 * A fresh fake Connect.js for each test of the file, handed to `onInstall`; after each test the
 * tree is unmounted and deferred disposal (a macrotask after unmount) runs, so tests share nothing.
 */
export function installFakeConnectForEachTest(onInstall: (fake: FakeConnect) => void): void {
  beforeEach(() => {
    // The loader warns that it reuses the window.StripeConnect it finds.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    onInstall(installFakeConnect());
  });
  afterEach(async () => {
    cleanup();
    await new Promise((resolve) => setTimeout(resolve, 5));
  });
}
