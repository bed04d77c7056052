import { SandboxApiError } from './SandboxApiError.js';

/** Largest request body the sandbox reads; Stripe's requests for these endpoints are a few kB. */
export const MAX_BODY_BYTES = 100 * 1024;

const tooLarge = () =>
  new SandboxApiError(413, {
    type: 'invalid_request_error',
    message: `The request body is larger than the sandbox accepts (${MAX_BODY_BYTES / 1024} kB). Send fewer or shorter parameters.`,
  });

/** The body as text, refusing (413) anything over {@link MAX_BODY_BYTES} without buffering it all. */
export async function readBody(request: Request): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw SandboxApiError.invalid('The request body is not valid UTF-8.');
  }
}
