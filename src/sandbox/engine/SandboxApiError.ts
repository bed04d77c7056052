/** The body of a Stripe error: `{ error: StripeErrorBody }`. */
export interface StripeErrorBody {
  type: 'invalid_request_error' | 'idempotency_error' | 'api_error' | 'card_error';
  code?: string;
  param?: string;
  message: string;
  doc_url?: string;
  /** Card errors: the issuer's reason (`insufficient_funds`), the failed charge, and the objects involved. */
  decline_code?: string;
  charge?: string;
  payment_intent?: unknown;
  payment_method?: unknown;
}

const docUrl = (code: string) => `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}`;

/**
 * An error the sandbox answers in Stripe's error format. Thrown anywhere inside a handler; the
 * router turns it into the HTTP answer, so a handler never builds error JSON by hand.
 */
export class SandboxApiError extends Error {
  override readonly name = 'SandboxApiError';
  readonly status: number;
  readonly body: StripeErrorBody;

  constructor(status: number, body: Omit<StripeErrorBody, 'doc_url'>) {
    super(body.message);
    this.status = status;
    this.body = body.code ? { ...body, doc_url: docUrl(body.code) } : body;
  }

  static invalid(message: string, param?: string, code?: string): SandboxApiError {
    return new SandboxApiError(400, { type: 'invalid_request_error', message, ...(code && { code }), ...(param && { param }) });
  }

  static missing(param: string): SandboxApiError {
    return SandboxApiError.invalid(`Missing required param: ${param}.`, param, 'parameter_missing');
  }

  static unknown(param: string): SandboxApiError {
    return SandboxApiError.invalid(`Received unknown parameter: ${param}`, param, 'parameter_unknown');
  }

  /** `No such customer: 'cus_x'`, Stripe's wording for an id it does not know. */
  static noSuch(noun: string, id: string, param?: string): SandboxApiError {
    return new SandboxApiError(404, {
      type: 'invalid_request_error',
      code: 'resource_missing',
      message: `No such ${noun}: '${id}'`,
      ...(param && { param }),
    });
  }

  toJSON(): { error: StripeErrorBody } {
    return { error: this.body };
  }
}
