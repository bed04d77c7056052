import { Refusal } from './Refusal.js';

/** The app's `authorize` answered something unusable: the operator's bug, so a 500 naming the fix. */
export function invalidAuthorization(fix: string): Refusal {
  return new Refusal(500, 'invalid_authorization', `The server's authorize() gave an unusable answer. The server operator should ${fix}.`);
}
