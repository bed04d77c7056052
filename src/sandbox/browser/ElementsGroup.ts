import type { StripeElements } from '@stripe/stripe-js';
import { PaymentElement, type CustomerSessionState } from './PaymentElement.js';
import { claimSecret } from './sandboxApi.js';
import { stripeError } from './stripeError.js';

interface ElementsOptions {
  customerSessionClientSecret?: string;
  /** A PaymentIntent's secret, when the intent exists before the element (the non-deferred flow). */
  clientSecret?: string;
  /** `payment` etc.: the deferred-intent flow, where `elements.submit()` must precede confirmation. */
  mode?: string;
  [key: string]: unknown;
}

/**
 * `stripe.elements(options)`. Holds the CustomerSession: claims each new
 * `customerSessionClientSecret` once and hands the result to the Payment Elements it created.
 */
export class ElementsGroup {
  private session: CustomerSessionState = { kind: 'none' };
  private secret: string | undefined;
  private claimId = 0;
  private readonly created = new Map<string, PaymentElement>();
  readonly clientSecret: string | undefined;
  readonly deferred: boolean;
  /** Whether `submit()` validated the element since it last changed, as the deferred flow requires. */
  submitted = false;

  constructor(
    options: ElementsOptions,
    private readonly publishableKey: string,
  ) {
    this.clientSecret = options.clientSecret;
    this.deferred = options.mode !== undefined && options.clientSecret === undefined;
    this.useSecret(options.customerSessionClientSecret);
  }

  create(type: string, _options?: unknown): PaymentElement {
    if (type !== 'payment') {
      throw new Error(`The embedkit sandbox simulates only the 'payment' element; elements.create('${type}') is not available offline.`);
    }
    if (this.created.has(type)) throw new Error(`Can only create one Element of type ${type}.`);
    const element = new PaymentElement(this.session);
    this.created.set(type, element);
    element.on('change', () => {
      this.submitted = false;
    });
    const destroy = element.destroy.bind(element);
    element.destroy = () => {
      destroy();
      this.created.delete(type);
    };
    return element;
  }

  getElement(type: string): PaymentElement | null {
    return this.created.get(type) ?? null;
  }

  update(options: ElementsOptions = {}): void {
    if ('customerSessionClientSecret' in options) this.useSecret(options.customerSessionClientSecret);
  }

  fetchUpdates(): Promise<Record<string, never>> {
    return Promise.resolve({});
  }

  /** Validates the Payment Element (errors show at their field) before the app creates its PaymentIntent. */
  submit(): Promise<Awaited<ReturnType<StripeElements['submit']>>> {
    const details = this.getElement('payment')?.paymentDetails();
    if (!details) return Promise.resolve({ error: { type: 'validation_error' as const, message: 'elements.submit(): create and mount a Payment Element first.' } });
    if ('error' in details) return Promise.resolve({ error: details.error });
    this.submitted = true;
    return Promise.resolve({ selectedPaymentMethod: 'card' });
  }

  private setSession(session: CustomerSessionState): void {
    this.session = session;
    for (const element of this.created.values()) element.setSession(session);
  }

  private useSecret(secret: string | undefined): void {
    if (secret === this.secret) return;
    this.secret = secret;
    const id = ++this.claimId;
    if (!secret) {
      this.setSession({ kind: 'none' });
      return;
    }
    this.setSession({ kind: 'loading' });
    claimSecret(secret, this.publishableKey).then(
      (claim) => id === this.claimId && this.setSession({ kind: 'ready', token: claim.token, customer: claim.customer }),
      (error: unknown) => id === this.claimId && this.setSession({ kind: 'error', error: stripeError(error) }),
    );
  }
}
