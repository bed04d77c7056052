/**
 * Stand-in for https://connect-js.stripe.com/v1.0/connect.js. Serves the unmodified
 * `@stripe/connect-js` loader: `window.StripeConnect.init`, and every GA `stripe-connect-*`
 * element defined synchronously, before the script's `load` event.
 */
import {
  ConnectElementCommonMethodConfig,
  ConnectElementCustomMethodConfig,
  connectElementTagNames,
} from '@stripe/connect-js/pure';
import { ConnectSession, type ConnectAppearance, type ConnectInitParams } from './ConnectSession.js';
import { defineConnectElement } from './SandboxConnectElement.js';

interface SandboxConnectInstance {
  connect: ConnectSession;
  create(tagName: string): HTMLElement;
  update(options: { appearance?: ConnectAppearance; locale?: string }): void;
  logout(): Promise<void>;
}

declare global {
  interface Window {
    StripeConnect?: { init?: (params: ConnectInitParams) => SandboxConnectInstance; onLoad?: () => void; [key: string]: unknown };
  }
}

// The setter list comes from the installed loader, so a setter added upstream gets a handler too.
const customSetters = ConnectElementCustomMethodConfig as Record<string, Record<string, unknown>>;
for (const tag of connectElementTagNames) {
  defineConnectElement(tag, [...Object.keys(ConnectElementCommonMethodConfig), ...Object.keys(customSetters[tag] ?? {})]);
}

function init(params: ConnectInitParams): SandboxConnectInstance {
  if (!params || typeof params !== 'object') {
    throw new TypeError('StripeConnect.init(params) needs { publishableKey, fetchClientSecret }.');
  }
  const session = new ConnectSession(params);
  return {
    connect: session,
    create(tagName) {
      const element = document.createElement(tagName.startsWith('stripe-connect-') ? tagName : `stripe-connect-${tagName}`);
      (element as unknown as { setConnector(connector: unknown): void }).setConnector(session);
      return element;
    },
    update: (options) => session.update(options ?? {}),
    logout: () => session.logout(),
  };
}

// Merge rather than replace: pages may set `StripeConnect.onLoad` (and the loader sets flags) first.
const existing = window.StripeConnect;
window.StripeConnect = Object.assign(existing && typeof existing === 'object' ? existing : {}, { init });
window.StripeConnect.onLoad?.();
