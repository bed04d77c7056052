/**
 * Stripe's documented test cards (https://docs.stripe.com/testing), by PaymentMethod token and by
 * card number, with the outcome Stripe documents for each. The sandbox decides a payment's fate
 * from this table alone: no amount-based or random outcomes.
 */

/** How a confirmation with the card ends. */
export type CardOutcome =
  | { kind: 'succeed' }
  /** 402 `card_error`: `code` and `decline_code` as Stripe answers them. */
  | { kind: 'decline'; code: string; declineCode: string; message: string; param?: string }
  /** `requires_action` (3D Secure); once authenticated, `then` decides. */
  | { kind: 'authenticate'; then: CardOutcome };

export interface TestCard {
  /** `pm_card_…`, Stripe's shortcut PaymentMethod id. */
  token: string;
  number: string;
  brand: 'visa' | 'mastercard' | 'amex';
  outcome: CardOutcome;
}

const succeed: CardOutcome = { kind: 'succeed' };
const declined = (declineCode: string, message = 'Your card was declined.', code = 'card_declined', param?: string): CardOutcome => ({
  kind: 'decline',
  code,
  declineCode,
  message,
  ...(param && { param }),
});
const insufficientFunds = declined('insufficient_funds', 'Your card has insufficient funds.');

export const TEST_CARDS: readonly TestCard[] = [
  { token: 'pm_card_visa', number: '4242424242424242', brand: 'visa', outcome: succeed },
  { token: 'pm_card_mastercard', number: '5555555555554444', brand: 'mastercard', outcome: succeed },
  { token: 'pm_card_amex', number: '378282246310005', brand: 'amex', outcome: succeed },
  { token: 'pm_card_chargeDeclined', number: '4000000000000002', brand: 'visa', outcome: declined('generic_decline') },
  { token: 'pm_card_visa_chargeDeclinedInsufficientFunds', number: '4000000000009995', brand: 'visa', outcome: insufficientFunds },
  { token: 'pm_card_visa_chargeDeclinedLostCard', number: '4000000000009987', brand: 'visa', outcome: declined('lost_card') },
  { token: 'pm_card_visa_chargeDeclinedStolenCard', number: '4000000000009979', brand: 'visa', outcome: declined('stolen_card') },
  { token: 'pm_card_chargeDeclinedExpiredCard', number: '4000000000000069', brand: 'visa', outcome: declined('expired_card', 'Your card has expired.', 'expired_card', 'exp_month') },
  {
    token: 'pm_card_chargeDeclinedIncorrectCvc',
    number: '4000000000000127',
    brand: 'visa',
    outcome: declined('incorrect_cvc', "Your card's security code is incorrect.", 'incorrect_cvc', 'cvc'),
  },
  {
    token: 'pm_card_chargeDeclinedProcessingError',
    number: '4000000000000119',
    brand: 'visa',
    outcome: declined('processing_error', 'An error occurred while processing your card. Try again in a little bit.', 'processing_error'),
  },
  { token: 'pm_card_authenticationRequired', number: '4000002500003155', brand: 'visa', outcome: { kind: 'authenticate', then: succeed } },
  { token: 'pm_card_threeDSecure2Required', number: '4000000000003220', brand: 'visa', outcome: { kind: 'authenticate', then: succeed } },
  {
    token: 'pm_card_authenticationRequiredChargeDeclinedInsufficientFunds',
    number: '4000008260003178',
    brand: 'visa',
    outcome: { kind: 'authenticate', then: insufficientFunds },
  },
];

const BY_TOKEN = new Map(TEST_CARDS.map((card) => [card.token, card]));
const BY_NUMBER = new Map(TEST_CARDS.map((card) => [card.number, card]));

export const testCardByToken = (token: string): TestCard | undefined => BY_TOKEN.get(token);

/** A typed number (spaces and dashes allowed) → its test card; any other number is not one of Stripe's. */
export const testCardByNumber = (number: string): TestCard | undefined => BY_NUMBER.get(number.replace(/[\s-]/g, ''));


/** A well-formed card number that is not one of Stripe's test cards: Stripe declines it in test mode. */
export const NON_TEST_CARD: CardOutcome = declined(
  'test_mode_live_card',
  'Your card was declined. Your request was in test mode, but used a non test (live) card. For a list of valid test cards, visit: https://stripe.com/docs/testing.',
);

/** The Luhn checksum every card number carries; a mistyped digit fails it. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** The brand a card number's prefix names, as the Payment Element shows it while typing. */
export function cardBrand(digits: string): string {
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^(5[1-5]|2[2-7])/.test(digits)) return 'mastercard';
  if (/^4/.test(digits)) return 'visa';
  return 'unknown';
}

/** How a test card ends, in words, for the sandbox Payment Element's list of test cards. */
export function describeOutcome(outcome: CardOutcome): string {
  switch (outcome.kind) {
    case 'succeed':
      return 'succeeds';
    case 'decline':
      return `declined (${outcome.declineCode})`;
    case 'authenticate':
      return `asks for authentication, then ${describeOutcome(outcome.then)}`;
  }
}
