import { ConnectSession, type ConnectLoadError } from './ConnectSession.js';
import { rendererFor, type RenderContext } from './connectRenderers.js';
import { connectText } from './connectText.js';
import { formatMoney } from './formatMoney.js';
import { h } from './h.js';
import { reportEvent } from './sandboxApi.js';
import { sandboxStyles } from './sandboxStyles.js';

/** `appearance.variables` the stand-in applies, and the custom property each one drives. */
const APPEARANCE_VARIABLES: Record<string, string> = {
  colorPrimary: '--ek-primary',
  colorBackground: '--ek-background',
  colorText: '--ek-text',
  fontFamily: '--ek-font',
  borderRadius: '--ek-radius',
};

/**
 * Base class of every `stripe-connect-*` element. The official loader assigns own-property
 * setters that call `this[setter + 'InternalOnly'](value)` once the instance exists; those
 * methods are added per tag by `defineConnectElement`, all storing into `settings`.
 */
export class SandboxConnectElement extends HTMLElement {
  /** The `stripe-connect-` suffix, set per defined subclass. */
  static tag = '';

  readonly settings: Record<string, unknown> = {};
  private readonly root = this.attachShadow({ mode: 'open' });
  private readonly uiState: Record<string, unknown> = {};
  private session: ConnectSession | null = null;
  private unsubscribe: (() => void) | null = null;
  private renderId = 0;
  private loaderStart: 'idle' | 'shown' | 'delivered' = 'idle';
  private undeliveredError: ConnectLoadError | null = null;
  private lastError: ConnectLoadError | null = null;

  private get tag(): string {
    return (this.constructor as typeof SandboxConnectElement).tag;
  }

  setConnector(connector: unknown): void {
    if (!(connector instanceof ConnectSession)) {
      throw new TypeError(`stripe-connect-${this.tag}: setConnector expects the \`connect\` value of a StripeConnect.init() instance.`);
    }
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.session = connector;
    this.attach();
  }

  connectedCallback(): void {
    this.attach();
  }

  disconnectedCallback(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Called by every `set…InternalOnly` method. */
  applySetting(method: string, value: unknown): void {
    this.settings[method] = value;
    // Listeners set after the event already happened still hear about it once.
    if (method === 'setOnLoaderStart' && this.loaderStart === 'shown') this.deliverLoaderStart();
    if (method === 'setOnLoadError' && this.undeliveredError) this.deliverError(this.undeliveredError);
    if (!method.startsWith('setOn')) this.render();
  }

  private attach(): void {
    if (!this.isConnected || !this.session || this.unsubscribe) return;
    this.unsubscribe = this.session.subscribe(() => this.render());
    this.render();
  }

  private emit(setter: string, payload?: unknown): void {
    const listener = this.settings[setter];
    if (typeof listener === 'function') listener(payload);
  }

  private deliverLoaderStart(): void {
    const listener = this.settings.setOnLoaderStart;
    if (typeof listener !== 'function') return;
    this.loaderStart = 'delivered';
    listener({ elementTagName: `stripe-connect-${this.tag}` });
  }

  private deliverError(error: ConnectLoadError): void {
    const listener = this.settings.setOnLoadError;
    if (typeof listener !== 'function') {
      this.undeliveredError = error;
      return;
    }
    this.undeliveredError = null;
    listener({ elementTagName: `stripe-connect-${this.tag}`, error: { ...error } });
  }

  private shell(title: string, extraClass = ''): { root: HTMLElement; body: HTMLElement } {
    const session = this.session;
    const text = connectText(session?.locale);
    const body = h('div', { class: 'ek-body' });
    const root = h(
      'section',
      { class: `ek-root ${extraClass}`.trim(), lang: session?.locale ?? 'en', 'aria-label': `${text.sandbox}: ${title}`, 'data-tag': this.tag },
      h('h2', { class: 'ek-title' }, h('span', { class: 'ek-badge' }, text.sandbox), title),
      body,
    );
    for (const [variable, property] of Object.entries(APPEARANCE_VARIABLES)) {
      const value = session?.appearance?.variables?.[variable];
      if (value !== undefined) root.style.setProperty(property, String(value));
    }
    return { root, body };
  }

  private show(root: HTMLElement): void {
    this.root.replaceChildren(h('style', {}, sandboxStyles), root);
  }

  private render(): void {
    const session = this.session;
    if (!session || !this.isConnected) return;
    const id = ++this.renderId;
    const renderer = rendererFor(this.tag);
    const text = connectText(session.locale);
    const status = session.status;

    if (this.loaderStart === 'idle') {
      this.loaderStart = 'shown';
      reportEvent('loader_start', { tag: this.tag });
      // Setters queued by the loader right after setConnector land in the same microtask burst.
      queueMicrotask(() => {
        if (this.loaderStart === 'shown') this.deliverLoaderStart();
      });
    }

    if (status.kind === 'error') {
      const { root, body } = this.shell(renderer.title, 'ek-error');
      body.append(h('p', { role: 'alert' }, `${text.failed} ${renderer.title}: ${status.error.message}`), h('p', { class: 'ek-muted' }, `Error type: ${status.error.type}`));
      this.show(root);
      if (this.lastError !== status.error) {
        this.lastError = status.error;
        this.deliverError(status.error);
      }
      return;
    }
    if (status.kind === 'logged_out') {
      const { root, body } = this.shell(renderer.title);
      body.append(h('p', { role: 'status', 'data-testid': 'logged-out' }, text.loggedOut));
      this.show(root);
      return;
    }
    if (status.kind === 'loading') {
      const { root, body } = this.shell(renderer.title);
      body.append(h('p', { role: 'status', 'aria-busy': 'true' }, text.loading));
      this.show(root);
      return;
    }

    const locale = session.locale ?? 'en';
    const ctx: RenderContext = {
      tag: this.tag,
      settings: this.settings,
      state: this.uiState,
      text,
      locale,
      components: status.components,
      load: (route) => session.get(route),
      post: (route) => session.post(route),
      emit: (setter, payload) => this.emit(setter, payload),
      rerender: () => this.render(),
      money: (amount, currency) => formatMoney(amount, currency, locale),
      date: (unix) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(unix * 1000)),
    };
    Promise.resolve()
      .then(() => renderer.render(ctx))
      .then(
        (content) => {
          if (id !== this.renderId) return;
          const { root, body } = this.shell(renderer.title);
          body.append(content);
          this.show(root);
        },
        (error: unknown) => {
          if (id !== this.renderId || session.status.kind !== 'ready') return;
          const { root, body } = this.shell(renderer.title, 'ek-error');
          const message = error instanceof Error ? error.message : 'render failed';
          body.append(h('p', { role: 'alert' }, `${text.failed} ${renderer.title}: ${message}`));
          this.show(root);
          this.deliverError({ type: 'render_error', message });
        },
      );
  }
}

/** Defines `stripe-connect-<tag>` with a `set…InternalOnly` method for each of `setters`. */
export function defineConnectElement(tag: string, setters: readonly string[]): void {
  const name = `stripe-connect-${tag}`;
  if (customElements.get(name)) return;
  const element = class extends SandboxConnectElement {
    static override tag = tag;
  };
  for (const setter of setters) {
    Object.defineProperty(element.prototype, `${setter}InternalOnly`, {
      value(this: SandboxConnectElement, value: unknown) {
        this.applySetting(setter, value);
      },
      configurable: true,
    });
  }
  customElements.define(name, element);
}
