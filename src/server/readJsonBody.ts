import { readBoundedText } from '../shared/readBoundedText.js';
import { Refusal } from './Refusal.js';

/**
 * Reads the request body as a JSON object, never holding more than `maxBytes` of it: the
 * declared Content-Length is checked first and a body that runs over is refused (see
 * readBoundedText for how much of it is still drained). `signal` bounds the read in time. An empty body (what a bare POST sends) reads as `{}`.
 */
export async function readJsonBody(request: Request, maxBytes: number, signal?: AbortSignal): Promise<Record<string, unknown>> {
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  // Form and text/plain posts are what a cross-site <form> can send without a CORS preflight:
  // refusing every non-JSON type closes that CSRF route, even for an empty body.
  if (mediaType !== undefined && mediaType !== 'application/json') throw unsupportedMediaType();

  const errors = {
    tooLarge: () => tooLarge(maxBytes),
    invalidUtf8: () => new Refusal(400, 'invalid_body', 'The request body is not valid UTF-8. Send a JSON object, or no body at all.'),
  };
  const text = await readBoundedText(request, maxBytes, errors, signal);
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

function unsupportedMediaType(): Refusal {
  return new Refusal(415, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json (form and text bodies are refused).');
}

function tooLarge(maxBytes: number): Refusal {
  return new Refusal(413, 'body_too_large', `The request body is larger than ${maxBytes} bytes. The endpoint only needs a few fields.`);
}
