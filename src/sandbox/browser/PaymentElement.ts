import { BROWSER_ROUTES, type SandboxCard } from '../protocol.js';
import { describeOutcome, TEST_CARDS } from '../rest/testCards.js';
import { formatCardNumber, readCard, type CardData, type CardFields, type CardValidationError } from './cardInput.js';
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

/** What a confirmation pays with: a saved card, a typed card, or why neither is ready. */
export type PaymentDetails = { paymentMethod: string } | { card: CardData } | { error: Omit<CardValidationError, 'field'> };

const NEW_CARD = 'new';
const EMPTY_FIELDS: CardFields = { number: '', expiry: '', cvc: '' };
let instances = 0;

const cardStyles = `
.ek-card { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 12px; margin-top: 8px; }
.ek-card label { display: flex; flex-direction: column; gap: 2px; font-weight: 600; }
.ek-card .ek-wide { grid-column: 1 / -1; }
.ek-card input { font: inherit; padding: 6px 8px; border: 1px solid color-mix(in srgb, currentColor 40%, transparent); border-radius: var(--ek-radius); background: transparent; color: inherit; }
.ek-card input[aria-invalid="true"] { border-color: #c0123c; }
.ek-field-error { color: #a30f33; font-weight: 600; margin: 4px 0 0; }
details { margin-top: 8px; }
details button { margin: 2px 8px 2px 0; padding: 2px 8px; font-variant-numeric: tabular-nums; }
`;

/**
 * Sandbox Payment Element: the customer's saved cards (from the CustomerSession) as a radio group,
 * plus a new card typed into number, expiry and security-code fields (Stripe's test numbers, listed
 * in the element). The selection and the typed card belong to the element, not to the session, so
 * a new `customerSessionClientSecret` re-lists the cards and keeps what the user picked.
 */
export class PaymentElement {
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly name = `ek-payment-${++instances}`;
  private host: HTMLElement | null = null;
  private cards: SandboxCard[] = [];
  private selected: string | null = null;
  private fields: CardFields = { ...EMPTY_FIELDS };
  private fieldError: CardValidationError | null = null;
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
    this.fields = { ...EMPTY_FIELDS };
    this.fieldError = null;
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

  /**
   * What `elements.submit()` and `confirmPayment` pay with. An incomplete or invalid card is a
   * `validation_error`, also shown at its field, as the Payment Element shows it.
   */
  paymentDetails(now = new Date()): PaymentDetails {
    const saved = this.selectedCard();
    if (saved) return { paymentMethod: saved.id };
    if (!this.typingCard()) return { error: { type: 'validation_error', code: 'incomplete', message: 'Choose a saved card or enter a new card.' } };
    const typed = readCard(this.fields, now);
    this.fieldError = 'error' in typed ? typed.error : null;
    this.render();
    if ('error' in typed) {
      this.host?.shadowRoot?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
      const { field: _field, ...error } = typed.error;
      return { error };
    }
    return { card: typed.card };
  }

  /** The card fields show when the user chose "New card", or when there is no saved card to choose. */
  private typingCard(): boolean {
    return this.selected === NEW_CARD || (this.cardsReady() && this.cards.length === 0);
  }

  private cardsReady(): boolean {
    return this.session.kind === 'none' || (this.session.kind === 'ready' && this.cardsLoaded);
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
    this.fieldError = null;
    this.render();
    // Re-rendering (to show or hide the card fields) must not drop the keyboard user's place.
    this.host?.shadowRoot?.querySelector<HTMLInputElement>(`input[value="${CSS.escape(value)}"]`)?.focus();
    this.changed();
  }

  private changed(): void {
    const card = this.selectedCard();
    const typed = this.typingCard() ? readCard(this.fields, new Date()) : null;
    this.fire('change', {
      elementType: 'payment',
      complete: card !== undefined || (typed !== null && !('error' in typed)),
      empty: !card && !this.fields.number && !this.fields.expiry && !this.fields.cvc,
      collapsed: false,
      value: card ? { type: 'card', payment_method: { id: card.id, type: 'card' } } : { type: 'card' },
    });
  }

  private type(field: keyof CardFields, value: string): void {
    this.fields[field] = value;
    if (this.fieldError?.field === field) {
      // The error goes once the field is edited, without re-rendering under the cursor.
      this.fieldError = null;
      const shadow = this.host?.shadowRoot;
      shadow?.querySelector('[aria-invalid="true"]')?.setAttribute('aria-invalid', 'false');
      shadow?.querySelector('.ek-field-error')?.remove();
    }
    this.changed();
  }

  private fillTestCard(number: string): void {
    this.fields = { number: formatCardNumber(number), expiry: this.fields.expiry || '12 / 34', cvc: this.fields.cvc || (number.length === 15 ? '1234' : '123') };
    this.fieldError = null;
    this.render();
    this.changed();
  }

  private cardForm(): Node {
    const errorId = `${this.name}-error`;
    const input = (field: keyof CardFields, label: string, attrs: Record<string, string>, wide = false) =>
      h(
        'label',
        { class: wide ? 'ek-wide' : null },
        label,
        h('input', {
          ...attrs,
          name: `${this.name}-${field}`,
          value: this.fields[field],
          inputmode: 'numeric',
          'aria-invalid': this.fieldError?.field === field ? 'true' : 'false',
          'aria-describedby': this.fieldError?.field === field ? errorId : null,
          oninput: (event) => this.type(field, (event.target as HTMLInputElement).value),
        }),
      );
    return h(
      'div',
      {},
      h(
        'div',
        { class: 'ek-card', role: 'group', 'aria-label': 'New card' },
        input('number', 'Card number', { autocomplete: 'cc-number', placeholder: '1234 1234 1234 1234' }, true),
        input('expiry', 'Expiration date', { autocomplete: 'cc-exp', placeholder: 'MM / YY' }),
        input('cvc', 'Security code', { autocomplete: 'cc-csc', placeholder: 'CVC' }),
      ),
      this.fieldError ? h('p', { class: 'ek-field-error', id: errorId, role: 'alert' }, this.fieldError.message) : null,
      h(
        'details',
        {},
        h('summary', {}, 'Sandbox test cards'),
        h(
          'ul',
          {},
          ...TEST_CARDS.map((card) =>
            h(
              'li',
              {},
              h('button', { type: 'button', class: 'ek-secondary', 'aria-label': `Use test card ${formatCardNumber(card.number)}`, onclick: () => this.fillTestCard(card.number) }, formatCardNumber(card.number)),
              `${card.brand}: ${describeOutcome(card.outcome)}`,
            ),
          ),
        ),
      ),
    );
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
    else if (this.cards.length === 0) body = this.cardForm();
    else
      body = h(
        'fieldset',
        {},
        h('legend', {}, 'Saved cards'),
        ...this.cards.map((card) => option(card.id, `${card.brand} •••• ${card.last4}, expires ${String(card.exp_month).padStart(2, '0')}/${card.exp_year}`)),
        option(NEW_CARD, 'New card'),
        this.selected === NEW_CARD ? this.cardForm() : null,
      );
    shadow.replaceChildren(
      h('style', {}, sandboxStyles + cardStyles),
      h(
        'section',
        { class: `ek-root${session.kind === 'error' ? ' ek-error' : ''}`, 'aria-label': 'Sandbox: Payment Element' },
        h('h2', { class: 'ek-title' }, h('span', { class: 'ek-badge' }, 'Sandbox'), 'Payment'),
        body,
      ),
    );
  }
}
