import { cardBrand, luhnValid } from '../rest/testCards.js';

/** What the person typed in the Payment Element's card fields. */
export interface CardFields {
  number: string;
  expiry: string;
  cvc: string;
}

/** The card as Stripe.js sends it in `payment_method_data[card]`. */
export interface CardData {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
}

/** A Payment Element validation error, as `elements.submit()` resolves it. */
export interface CardValidationError {
  type: 'validation_error';
  code: string;
  message: string;
  /** Which field it is about, so the element can show it there. */
  field: keyof CardFields;
}

const invalid = (field: keyof CardFields, code: string, message: string): { error: CardValidationError } => ({
  error: { type: 'validation_error', code, message, field },
});

/**
 * Checks the typed card the way the Payment Element does before it sends anything, with Stripe's
 * codes and messages; `now` decides which expiry dates are in the past.
 */
export function readCard(fields: CardFields, now: Date): { card: CardData; brand: string } | { error: CardValidationError } {
  const number = fields.number.replace(/\D/g, '');
  const brand = cardBrand(number);
  const numberLength = brand === 'amex' ? 15 : 16;
  if (number.length < numberLength) return invalid('number', 'incomplete_number', 'Your card number is incomplete.');
  if (number.length > 19 || !luhnValid(number)) return invalid('number', 'invalid_number', 'Your card number is invalid.');
  const expiry = fields.expiry.replace(/\D/g, '');
  if (expiry.length !== 4 && expiry.length !== 6) return invalid('expiry', 'incomplete_expiry', "Your card's expiration date is incomplete.");
  const month = Number(expiry.slice(0, 2));
  const year = expiry.length === 4 ? 2000 + Number(expiry.slice(2)) : Number(expiry.slice(2));
  if (month < 1 || month > 12) return invalid('expiry', 'invalid_expiry_month', "Your card's expiration month is invalid.");
  const thisYear = now.getFullYear();
  if (year < thisYear) return invalid('expiry', 'invalid_expiry_year_past', "Your card's expiration year is in the past.");
  if (year === thisYear && month < now.getMonth() + 1) return invalid('expiry', 'invalid_expiry_month_past', "Your card's expiration date is in the past.");
  if (year > thisYear + 50) return invalid('expiry', 'invalid_expiry_year', "Your card's expiration year is invalid.");
  const cvc = fields.cvc.replace(/\D/g, '');
  if (cvc.length < (brand === 'amex' ? 4 : 3)) return invalid('cvc', 'incomplete_cvc', "Your card's security code is incomplete.");
  return { card: { number, exp_month: month, exp_year: year, cvc }, brand };
}

/** Groups the digits as they are printed on the card: 4-6-5 for amex, blocks of four otherwise. */
export function formatCardNumber(digits: string): string {
  const groups = cardBrand(digits) === 'amex' ? [4, 6, 5] : [4, 4, 4, 4, 3];
  const parts: string[] = [];
  let rest = digits;
  for (const size of groups) {
    if (!rest) break;
    parts.push(rest.slice(0, size));
    rest = rest.slice(size);
  }
  return parts.join(' ');
}
