import { readBoundedText } from '../../shared/readBoundedText.js';
import { SandboxApiError } from './SandboxApiError.js';

/** Largest request body the sandbox reads; Stripe's requests for these endpoints are a few kB. */
export const MAX_BODY_BYTES = 100 * 1024;

const tooLarge = () =>
  new SandboxApiError(413, {
    type: 'invalid_request_error',
    message: `The request body is larger than the sandbox accepts (${MAX_BODY_BYTES / 1024} kB). Send fewer or shorter parameters.`,
  });

/** The body as text, refusing (413) anything over {@link MAX_BODY_BYTES} without buffering it all. */
export function readBody(request: Request): Promise<string> {
  return readBoundedText(request, MAX_BODY_BYTES, {
    tooLarge,
    invalidUtf8: () => SandboxApiError.invalid('The request body is not valid UTF-8.'),
  });
}
