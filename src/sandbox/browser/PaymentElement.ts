import { BROWSER_ROUTES, type SandboxCard } from '../protocol.js';
import { h } from './h.js';
import { getWithToken } from './sandboxApi.js';
import { sandboxStyles } from './sandboxStyles.js';
import { stripeError } from './stripeError.js';

type Handler = (event?: unknown) => void;

/** The customer session as the elements group holds it: a claim token or why there is none. */
export type CustomerSessionState =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'ready'; token: string; customer: string | undefined }
  | { kind: 'error'; error: ReturnType<typeof stripeError> };

const NEW_CARD = 'new';
let instances = 0;

/**
 * Sandbox Payment Element: the customer's saved cards (from the CustomerSession) as a radio group,
 * plus "a new card". The selection belongs to the element, not to the session, so a new
 * `customerSessionClientSecret` re-lists the cards and keeps what the user picked.
 */
export class PaymentElement {
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly name = `ek-payment-${++instances}`;
  private host: HTMLElement | null = null;
  private cards: SandboxCard[] = [];
  private selected: string | null = null;
  private loadId = 0;
  private readyFired = false;
  private cardsLoaded = false;

  constructor(private session: CustomerSessionState) {}

  mount(target: string | HTMLElement): void {
    const node = typeof target === 'string' ? document.querySelector<HTMLElement>(target) : target;
    if (!node) throw new Error(`Payment Element: mount target ${String(target)} was not found in the document.`);
    this.host = h('div', { 'data-embedkit-sandbox': 'payment-element' });
    this.host.attachShadow({ mode: 'open' });
    node.append(this.host);
    this.render();
    // Like Stripe's iframe, the element loads a turn later: wrappers attach listeners after mount().
    setTimeout(() => {
      if (!this.host) return;
      this.fire('loaderstart', { elementType: 'payment' });
      void this.load();
    }, 0);
  }

  /** Called by the elements group whenever its customer session changes. */
  setSession(session: CustomerSessionState): void {
    this.session = session;
    void this.load();
  }

  on(event: string, handler: Handler): this {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(handler);
    return this;
  }
  off(event: string, handler?: Handler): this {
    if (handler) this.handlers.get(event)?.delete(handler);
    else this.handlers.delete(event);
    return this;
  }
  once(event: string, handler: Handler): this {
    const wrapped: Handler = (payload) => {
      this.off(event, wrapped);
      handler(payload);
    };
    return this.on(event, wrapped);
  }
  update(): void {
    // The sandbox element has no options that change its look.
  }
  focus(): void {
    this.host?.shadowRoot?.querySelector<HTMLInputElement>('input:checked, input')?.focus();
  }
  blur(): void {
    (this.host?.shadowRoot?.activeElement as HTMLElement | null)?.blur();
  }
  clear(): void {
    this.selected = null;
    this.render();
  }
  collapse(): void {}
  unmount(): void {
    this.host?.remove();
    this.host = null;
  }
  destroy(): void {
    this.unmount();
    this.handlers.clear();
  }

  /** The saved card chosen by the user, if any (used by `createPaymentMethod`). */
  selectedCard(): SandboxCard | undefined {
    return this.cards.find((card) => card.id === this.selected);
  }

  private fire(event: string, payload?: unknown): void {
    for (const handler of [...(this.handlers.get(event) ?? [])]) handler(payload);
  }

  private async load(): Promise<void> {
    if (!this.host) return;
    const id = ++this.loadId;
    const session = this.session;
    if (session.kind === 'ready') {
      try {
        const { data } = await getWithToken<{ data: SandboxCard[] }>(BROWSER_ROUTES.paymentMethods, session.token);
        if (id !== this.loadId) return;
        this.cards = data;
        this.cardsLoaded = true;
      } catch (error) {
        if (id !== this.loadId) return;
        this.session = { kind: 'error', error: stripeError(error) };
      }
    } else if (session.kind !== 'loading') {
      this.cards = [];
    }
    this.render();
    if (this.session.kind === 'error') this.fire('loaderror', { elementType: 'payment', error: this.session.error });
    else if (this.session.kind !== 'loading' && !this.readyFired) {
      this.readyFired = true;
      this.fire('ready', { elementType: 'payment' });
    }
  }

  private select(value: string): void {
    this.selected = value;
    const card = this.selectedCard();
    this.fire('change', {
      elementType: 'payment',
      complete: card !== undefined,
      empty: false,
      collapsed: false,
      value: card ? { type: 'card', payment_method: { id: card.id, type: 'card' } } : { type: 'card' },
    });
  }

  private render(): void {
    const shadow = this.host?.shadowRoot;
    if (!shadow) return;
    const session = this.session;
    const option = (value: string, label: string) =>
      h('label', {}, h('input', { type: 'radio', name: this.name, value, checked: this.selected === value, onchange: () => this.select(value) }), ' ', label);
    let body: Node;
    if (session.kind === 'loading' || (session.kind === 'ready' && !this.cardsLoaded)) body = h('p', { role: 'status' }, 'Loading saved cards…');
    else if (session.kind === 'error') body = h('p', { role: 'alert' }, `Saved cards unavailable: ${session.error.message} (${session.error.code ?? session.error.type})`);
    else
      body = h(
        'fieldset',
        {},
        h('legend', {}, session.kind === 'ready' ? 'Saved cards' : 'Payment method'),
        ...this.cards.map((card) => option(card.id, `${card.brand} •••• ${card.last4}, expires ${String(card.exp_month).padStart(2, '0')}/${card.exp_year}`)),
        option(NEW_CARD, 'A new card (not simulated by the sandbox)'),
      );
    shadow.replaceChildren(
      h('style', {}, sandboxStyles),
      h(
        'section',
        { class: `ek-root${session.kind === 'error' ? ' ek-error' : ''}`, 'aria-label': 'Sandbox: Payment Element' },
        h('h2', { class: 'ek-title' }, h('span', { class: 'ek-badge' }, 'Sandbox'), 'Payment'),
        body,
      ),
    );
  }
}
