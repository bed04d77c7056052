import { SandboxApiError, type SandboxErrorBody } from './sandboxApi.js';

/** A Stripe.js-shaped error (`StripeError`: `type`, `code?`, `message`) for anything that went wrong. */
export function stripeError(error: unknown): SandboxErrorBody {
  if (error instanceof SandboxApiError) {
    return { type: error.type, ...(error.code ? { code: error.code } : {}), message: error.message };
  }
  return { type: 'api_error', message: error instanceof Error ? error.message : 'The sandbox Stripe.js stand-in failed unexpectedly.' };
}

/** For bad arguments, the way Stripe.js reports them: `validation_error`… or an IntegrationError throw where Stripe.js throws. */
export function validationError(message: string): SandboxErrorBody {
  return { type: 'validation_error', message };
}
