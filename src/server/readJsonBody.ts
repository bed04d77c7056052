import { Refusal } from './Refusal.js';

/**
 * Reads the request body as a JSON object, never holding more than `maxBytes` of it: the
 * declared Content-Length is checked first and the stream is cancelled as soon as it runs over.
 * An empty body (what a bare POST sends) reads as `{}`.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<Record<string, unknown>> {
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  // Form and text/plain posts are what a cross-site <form> can send without a CORS preflight:
  // refusing every non-JSON type closes that CSRF route, even for an empty body.
  if (mediaType !== undefined && mediaType !== 'application/json') throw unsupportedMediaType();

  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);

  const text = await readText(request, maxBytes);
  if (text.trim() === '') return {};
  if (mediaType === undefined) throw unsupportedMediaType();

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Refusal(400, 'invalid_body', 'The request body is not valid JSON. Send a JSON object, or no body at all.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Refusal(400, 'invalid_body', 'The request body must be a JSON object, e.g. {"account":"acct_…"}, or empty.');
  }
  return parsed as Record<string, unknown>;
}

async function readText(request: Request, maxBytes: number): Promise<string> {
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
      throw tooLarge(maxBytes);
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
    throw new Refusal(400, 'invalid_body', 'The request body is not valid UTF-8. Send a JSON object, or no body at all.');
  }
}

function unsupportedMediaType(): Refusal {
  return new Refusal(415, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json (form and text bodies are refused).');
}

function tooLarge(maxBytes: number): Refusal {
  return new Refusal(413, 'body_too_large', `The request body is larger than ${maxBytes} bytes. The endpoint only needs a few fields.`);
}
