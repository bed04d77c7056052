/** Stand-in for https://js.stripe.com/v3/buy-button.js: defines `<stripe-buy-button>`. */
import { customerSessionElement, formatPlanPrice } from './CustomerSessionElement.js';
import { h } from './h.js';

if (!customElements.get('stripe-buy-button')) {
  customElements.define(
    'stripe-buy-button',
    customerSessionElement({
      title: 'Buy button',
      idAttribute: 'buy-button-id',
      render: (plans, customer) => {
        const plan = plans[0];
        const status = h('p', { role: 'status' });
        if (!plan) return h('p', {}, 'The sandbox has no product to sell.');
        return h(
          'div',
          {},
          h('button', { type: 'button', onclick: () => (status.textContent = `Checkout for ${plan.name}${customer ? ` as ${customer}` : ''} is not simulated by the sandbox.`) }, `Buy ${plan.name} – ${formatPlanPrice(plan)}`),
          status,
        );
      },
    }),
  );
}
