/** Stand-in for https://js.stripe.com/v3/pricing-table.js: defines `<stripe-pricing-table>`. */
import { customerSessionElement, formatPlanPrice } from './CustomerSessionElement.js';
import { h } from './h.js';

if (!customElements.get('stripe-pricing-table')) {
  customElements.define(
    'stripe-pricing-table',
    customerSessionElement({
      title: 'Pricing table',
      idAttribute: 'pricing-table-id',
      render: (plans, customer) => {
        const status = h('p', { role: 'status' });
        return h(
          'div',
          {},
          h('p', {}, customer ? `Signed-in customer: ${customer}` : 'No customer attached.'),
          h(
            'ul',
            {},
            ...plans.map((plan) =>
              h(
                'li',
                {},
                h('strong', {}, plan.name), ` ${formatPlanPrice(plan)} `,
                h('button', { type: 'button', 'aria-label': `Subscribe to ${plan.name}`, onclick: () => (status.textContent = `Checkout for ${plan.name} is not simulated by the sandbox.`) }, 'Subscribe'),
              ),
            ),
          ),
          status,
        );
      },
    }),
  );
}
