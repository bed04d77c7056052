import { formatMoney } from './formatMoney.js';
import { h } from './h.js';
import { openSandboxDialog } from './sandboxDialog.js';

export type ChallengeOutcome = 'complete' | 'fail';

/** What the challenge shows about the payment being authenticated. */
export interface ChallengeDetails {
  amount: number;
  currency: string;
  last4: string | undefined;
}

/**
 * The simulated 3D Secure challenge, where Stripe.js opens the card issuer's page in a modal:
 * "Complete" passes it, "Fail" (or Escape, like closing Stripe's modal) fails it.
 */
export function threeDSecureChallenge({ amount, currency, last4 }: ChallengeDetails): Promise<ChallengeOutcome> {
  const { body, answer, finish } = openSandboxDialog<ChallengeOutcome>('three-d-secure', '3D Secure authentication', 'fail');
  const complete = h('button', { type: 'button', onclick: () => finish('complete') }, 'Complete');
  body.append(
    h('p', {}, `Your bank asks you to confirm a payment of ${formatMoney(amount, currency)}${last4 ? ` with the card ending ${last4}` : ''}.`),
    h('p', { class: 'ek-muted' }, 'This is the sandbox’s test challenge: choose how the customer answers it.'),
    complete,
    h('button', { type: 'button', class: 'ek-secondary', onclick: () => finish('fail') }, 'Fail'),
  );
  complete.focus();
  return answer;
}
