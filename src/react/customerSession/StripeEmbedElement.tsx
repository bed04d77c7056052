import { useEffect, useLayoutEffect, useRef, type CSSProperties } from 'react';
import { publishableKeyRule } from '../../core/checkOptions.js';
import type { ClientSecret } from '../../core/ClientSecret.js';

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

/** The checks the pricing table and the buy button share; each adds its own id. */
export const EMBED_PROP_RULES = { publishableKey: { ...publishableKeyRule, required: true } };

interface StripeEmbedElementProps extends StripeEmbedProps {
  tagName: 'stripe-pricing-table' | 'stripe-buy-button';
  scriptUrl: string;
  /** The element's own id attribute, e.g. `{ 'pricing-table-id': 'prctbl_…' }`. */
  idAttribute: Record<string, string>;
}

const SECRET_ATTRIBUTE = 'customer-session-client-secret';

/**
 * One of Stripe's web components, created imperatively inside a wrapper so its attributes (above
 * all the CustomerSession secret, which Stripe's element can only read from an attribute) are set
 * before it connects, and updated in place when the session is renewed.
 */
export function StripeEmbedElement(props: StripeEmbedElementProps) {
  const { tagName, scriptUrl, nonce, customerSession, customerSessionClientSecret, className, style } = props;
  const wrapper = useRef<HTMLDivElement>(null);
  const element = useRef<HTMLElement | null>(null);
  const secret = customerSession ? (customerSession.secret?.reveal() ?? null) : (customerSessionClientSecret ?? null);
  // With a session, wait for its first secret (or its failure) so the customer is known from the start.
  const ready = !customerSession || customerSession.secret !== null || customerSession.status === 'error';
  const attributesKey = JSON.stringify({
    ...props.idAttribute,
    'publishable-key': props.publishableKey,
    'client-reference-id': props.clientReferenceId,
    'customer-email': props.customerEmail,
  });

  useEffect(() => loadEmbedScript(scriptUrl, tagName, nonce), [scriptUrl, tagName, nonce]);

  useLayoutEffect(() => {
    if (!ready || !wrapper.current) return;
    const created = document.createElement(tagName);
    element.current = created;
    apply(created, JSON.parse(attributesKey) as Record<string, string | undefined>, secret);
    wrapper.current.appendChild(created);
    return () => {
      created.remove();
      element.current = null;
    };
    // Created once when ready (reading the attributes of that moment); later changes are applied
    // in place below, so a renewed secret never recreates the element.
  }, [ready, tagName]);

  useLayoutEffect(() => {
    if (element.current) apply(element.current, JSON.parse(attributesKey) as Record<string, string | undefined>, secret);
  }, [attributesKey, secret]);

  return <div ref={wrapper} className={className} style={style} />;
}

function apply(element: HTMLElement, attributes: Record<string, string | undefined>, secret: string | null): void {
  for (const [name, value] of Object.entries({ ...attributes, [SECRET_ATTRIBUTE]: secret ?? undefined })) {
    if (value === undefined) element.removeAttribute(name);
    else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  }
}

/**
 * Adds Stripe's script for a web component once per page: not when the element is already defined
 * (a test or the sandbox's Vite plugin defined it) or a tag for the same URL exists (one this added
 * earlier included). `nonce` is for pages whose CSP allows scripts by nonce.
 */
function loadEmbedScript(url: string, tagName: string, nonce?: string): void {
  if (customElements.get(tagName) || document.querySelector(`script[src="${url}"]`)) return;
  document.head.append(Object.assign(document.createElement('script'), { src: url, async: true }, nonce && { nonce }));
}
