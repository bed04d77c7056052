/**
 * Stand-in for https://js.stripe.com/endive/stripe.js. `window.Stripe` is a plain function (the
 * loader calls it without `new`) whose instance passes `@stripe/react-stripe-js`'s checks and
 * implements what embedkit uses: Elements with a CustomerSession, payments with the Payment Element
 * (saved or test cards, the 3D Secure challenge), and Financial Connections.
 */
import { collectFinancialConnections } from './collectFinancialConnections.js';
import { ElementsGroup } from './ElementsGroup.js';
import { PaymentFlow, type ConfirmPaymentOptions } from './paymentFlow.js';
import { validationError } from './stripeError.js';
import { threeDSecureChallenge } from './threeDSecureChallenge.js';

const unsupported = (method: string) => () =>
  Promise.resolve({ error: { type: 'invalid_request_error', message: `stripe.${method} is not simulated by the embedkit sandbox.` } });

function Stripe(publishableKey: unknown, _options?: Record<string, unknown>) {
  if (typeof publishableKey !== 'string' || !/^pk_(test|live)_/.test(publishableKey)) {
    throw new TypeError('Stripe(publishableKey): expected a publishable key string starting with pk_test_ (sandbox keys work too, e.g. pk_test_sandbox).');
  }
  const payments = new PaymentFlow({
    publishableKey,
    challenge: threeDSecureChallenge,
    navigate: (url) => window.location.assign(url),
    now: () => new Date(),
  });
  return {
    elements: (elementsOptions?: Record<string, unknown>) => new ElementsGroup(elementsOptions ?? {}, publishableKey),
    createPaymentMethod(params: { elements?: ElementsGroup } = {}) {
      const card = params.elements?.getElement('payment')?.selectedCard();
      if (!card) return Promise.resolve({ error: validationError('Choose a saved card in the sandbox Payment Element first.') });
      return Promise.resolve({ paymentMethod: { id: card.id, object: 'payment_method', type: 'card', card: { brand: card.brand, last4: card.last4, exp_month: card.exp_month, exp_year: card.exp_year } } });
    },
    createToken: unsupported('createToken'),
    confirmCardPayment: unsupported('confirmCardPayment'),
    confirmPayment: (options: ConfirmPaymentOptions) => payments.confirmPayment(options),
    handleNextAction: (options: { clientSecret: string }) => payments.handleNextAction(options),
    retrievePaymentIntent: (clientSecret: string) => payments.retrievePaymentIntent(clientSecret),
    collectFinancialConnectionsAccounts: (collectOptions: unknown) => collectFinancialConnections(collectOptions, 'accounts', publishableKey),
    collectBankAccountToken: (collectOptions: unknown) => collectFinancialConnections(collectOptions, 'bank_account_token', publishableKey),
    _registerWrapper(_wrapper: { name: string; version?: string }) {},
    registerAppInfo(_info: { name: string; version?: string; url?: string }) {},
  };
}
Stripe.version = 'endive';

(window as unknown as { Stripe: typeof Stripe }).Stripe = Stripe;
