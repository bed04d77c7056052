import type { Refusal } from './Refusal.js';

/** Headers on every answer the handlers (and toNodeHandler) write. */
export const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  // The answer depends on Origin (CORS headers), so shared caches must key on it.
  Vary: 'Origin',
};

/** The one JSON answer builder: every body embedkit's server side sends goes through here. */
export function jsonAnswer(status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}

/** `{ error: { code, message, request_id? } }` with the refusal's status and headers. */
export function refusalAnswer(refusal: Refusal, headers: Readonly<Record<string, string>> = {}, requestId?: string): Response {
  const id = requestId === undefined ? {} : { request_id: requestId };
  return jsonAnswer(refusal.status, { error: { code: refusal.code, message: refusal.message, ...id } }, { ...headers, ...refusal.headers });
}
