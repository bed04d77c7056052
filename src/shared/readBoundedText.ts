/** The errors {@link readBoundedText} throws, built by the caller in its own error format. */
export interface BoundedTextErrors {
  tooLarge: () => Error;
  invalidUtf8: () => Error;
}

/**
 * A web `Request`'s body as UTF-8 text, never holding more than `maxBytes` of it: the declared
 * Content-Length is checked first and the stream is cancelled as soon as it runs over. Shared by
 * the sandbox and the server handlers, which differ only in the errors they answer with.
 */
export async function readBoundedText(request: Request, maxBytes: number, errors: BoundedTextErrors): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw errors.tooLarge();
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw errors.tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw errors.invalidUtf8();
  }
}
