import { BROWSER_ROUTES, type SandboxPlan } from '../protocol.js';
import { formatMoney } from './formatMoney.js';
import { h } from './h.js';
import { claimSecret, getWithToken } from './sandboxApi.js';
import { sandboxStyles } from './sandboxStyles.js';
import { stripeError } from './stripeError.js';

export interface CustomerSessionView {
  title: string;
  /** The attribute naming the Stripe object (`pricing-table-id`, `buy-button-id`). */
  idAttribute: string;
  render(plans: SandboxPlan[], customer: string | undefined, element: HTMLElement): Node;
}

const SECRET_ATTRIBUTE = 'customer-session-client-secret';

/**
 * Shared by `<stripe-pricing-table>` and `<stripe-buy-button>`: reads the attributes, claims
 * `customer-session-client-secret` whenever it changes, and shows plans for that customer or a
 * visible error when the secret is expired, reused or unknown.
 */
export function customerSessionElement(view: CustomerSessionView): CustomElementConstructor {
  return class extends HTMLElement {
    static observedAttributes = [SECRET_ATTRIBUTE, view.idAttribute, 'publishable-key', 'client-reference-id', 'customer-email'];
    private readonly root = this.attachShadow({ mode: 'open' });
    private claimedSecret: string | null | undefined;
    private loadId = 0;

    connectedCallback(): void {
      this.load();
    }

    attributeChangedCallback(name: string): void {
      if (this.isConnected && (name === SECRET_ATTRIBUTE || this.claimedSecret !== undefined)) this.load();
    }

    private show(body: Node, error = false): void {
      const id = this.getAttribute(view.idAttribute);
      this.root.replaceChildren(
        h('style', {}, sandboxStyles),
        h(
          'section',
          { class: `ek-root${error ? ' ek-error' : ''}`, 'aria-label': `Sandbox: ${view.title}` },
          h('h2', { class: 'ek-title' }, h('span', { class: 'ek-badge' }, 'Sandbox'), view.title),
          id ? h('p', { class: 'ek-muted' }, `${view.idAttribute}: ${id}`) : null,
          body,
        ),
      );
    }

    private load(): void {
      const secret = this.getAttribute(SECRET_ATTRIBUTE);
      const id = ++this.loadId;
      const previous = this.claimedSecret;
      this.claimedSecret = secret;
      if (!secret) {
        this.show(h('p', {}, `No ${SECRET_ATTRIBUTE}: shown without a customer.`));
        return;
      }
      // Attribute changes other than the secret re-render without claiming the same secret twice.
      if (secret === previous && this.lastView) {
        this.show(this.lastView());
        return;
      }
      this.show(h('p', { role: 'status', 'aria-busy': 'true' }, 'Loading…'));
      claimSecret(secret, this.getAttribute('publishable-key'))
        .then(async (claim) => {
          const { data } = await getWithToken<{ data: SandboxPlan[] }>(BROWSER_ROUTES.plans, claim.token);
          if (id !== this.loadId) return;
          this.lastView = () => view.render(data, claim.customer, this);
          this.show(this.lastView());
        })
        .catch((error: unknown) => {
          if (id !== this.loadId) return;
          const { message, code, type } = stripeError(error);
          this.lastView = null;
          this.show(h('p', { role: 'alert', 'data-error-code': code ?? type }, `${view.title} unavailable: ${message}`), true);
        });
    }

    private lastView: (() => Node) | null = null;
  };
}

export function formatPlanPrice(plan: SandboxPlan): string {
  const price = formatMoney(plan.amount, plan.currency);
  return plan.interval ? `${price} per ${plan.interval}` : price;
}
