import { useEffect, useLayoutEffect, useRef, type CSSProperties, type JSX } from 'react';
import { publishableKeyRule, textRule, type OptionRule } from '../../core/checkOptions.js';
import type { ClientSecret } from '../../core/ClientSecret.js';
import { embedScriptUrl } from '../../shared/stripeScriptUrls.js';
import { SessionErrorNotice } from '../SessionErrorNotice.js';
import { useOptionsProblem } from '../useOptionsProblem.js';

/** How a pricing table or buy button gets its CustomerSession. */
export interface CustomerSessionInput {
  /**
   * The result of `useCustomerSession()`. The secret is set on the element from here, never
   * passed through React props, so React DevTools shows only its redacted form.
   */
  customerSession?: { readonly secret: ClientSecret | null; readonly status: string };
  /** A raw secret you manage yourself (it then shows in React DevTools like any prop). */
  customerSessionClientSecret?: string;
}

/** What the pricing table and the buy button share. */
export interface StripeEmbedProps extends CustomerSessionInput {
  publishableKey: string;
  /** Up to 200 characters of `[A-Za-z0-9_-]`; Stripe silently drops anything else. */
  clientReferenceId?: string;
  customerEmail?: string;
  /** CSP nonce for the injected script. */
  nonce?: string;
  className?: string;
  style?: CSSProperties;
}

// Each attribute of Stripe's element is named after its prop in kebab case (publishableKey →
// publishable-key, pricingTableId → pricing-table-id, customerSessionClientSecret →
// customer-session-client-secret), so the props are listed once and the names derived.
const ATTRIBUTE_PROPS = ['publishableKey', 'clientReferenceId', 'customerEmail'];
const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/**
 * One of Stripe's web components as a React component named `name`: checks its props (the
 * publishable key and its own id, `idProp`), loads its script once, and creates the element
 * imperatively inside a wrapper so its attributes (above all the CustomerSession secret, which
 * Stripe's element can only read from an attribute) are set before it connects, and updated in
 * place when the session is renewed.
 */
export function stripeEmbed<P extends StripeEmbedProps>(
  name: string,
  tagName: 'stripe-pricing-table' | 'stripe-buy-button',
  idProp: keyof P & string,
  idFix: OptionRule['fix'],
): (props: P) => JSX.Element {
  const rules = { publishableKey: { ...publishableKeyRule, required: true }, [idProp]: { ...textRule, required: true, fix: idFix } };
  const attributeProps = [idProp, ...ATTRIBUTE_PROPS];
  const attributes = [...attributeProps, 'customerSessionClientSecret'].map(kebab);
  const url = embedScriptUrl(tagName);

  function StripeEmbed(props: P) {
    const problem = useOptionsProblem(`<${name}>`, props, rules);
    const { nonce, customerSession } = props;
    const wrapper = useRef<HTMLDivElement>(null);
    const secret = customerSession ? customerSession.secret?.reveal() : props.customerSessionClientSecret;
    // With a session, wait for its first secret (or its failure) so the customer is known from the start.
    const ready = !problem && (!customerSession || customerSession.secret !== null || customerSession.status === 'error');
    // The attribute values of this render, in the order of `attributes`.
    const values = [...attributeProps.map((prop) => props[prop as keyof P] as string | undefined), secret];

    // Stripe's script, added once per page: not when the element is already defined (a test or the
    // sandbox's Vite plugin defined it) or a tag for the same URL exists (one added earlier
    // included). `nonce` is for pages whose CSP allows scripts by nonce.
    useEffect(() => {
      if (problem || customElements.get(tagName) || document.querySelector(`script[src="${url}"]`)) return;
      document.head.append(Object.assign(document.createElement('script'), { src: url, async: true }, nonce && { nonce }));
    }, [problem, nonce]);

    useLayoutEffect(() => {
      if (!ready || !wrapper.current) return;
      const created = document.createElement(tagName);
      apply(created, values);
      wrapper.current.appendChild(created);
      return () => created.remove();
      // Created once when ready, with the attributes of that moment; later changes are applied in
      // place below, so a renewed secret never recreates the element.
    }, [ready]);

    // After every render, on the element once created (the wrapper's only child): apply() only
    // touches attributes whose value changed.
    useLayoutEffect(() => {
      const created = wrapper.current?.firstElementChild;
      if (created) apply(created, values);
    });

    return problem ? <SessionErrorNotice error={problem} /> : <div ref={wrapper} className={props.className} style={props.style} />;
  }

  function apply(target: Element, values: (string | undefined)[]): void {
    attributes.forEach((attribute, index) => {
      const value = values[index];
      if (value === undefined) target.removeAttribute(attribute);
      else if (target.getAttribute(attribute) !== value) target.setAttribute(attribute, value);
    });
  }

  StripeEmbed.displayName = name;
  return StripeEmbed;
}
