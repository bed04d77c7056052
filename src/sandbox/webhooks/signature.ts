import { createHmac } from 'node:crypto';
import { randomId } from '../engine/randomId.js';

/** A new endpoint signing secret, shaped like Stripe's (`whsec_` + 32 characters). */
export const newSigningSecret = () => randomId('whsec_', 32);

/**
 * Stripe's `Stripe-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">`,
 * keyed with the endpoint secret. `stripe.webhooks.constructEvent` verifies exactly this.
 */
export function signatureHeader(payload: string, secret: string, timestamp: number): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${v1}`;
}
