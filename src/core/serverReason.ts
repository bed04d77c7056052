import { withoutSecrets } from '../shared/secretLike.js';
import { development } from './development.js';

/** What a refusing endpoint said about why, as far as it is safe to repeat. */
export interface ServerReason {
  /** `error.code` of the JSON body, when it is a short snake_case word. */
  code: string;
  /**
   * `error.message`, only from embedkit's own error shape; capped, secrets cut out. Development
   * only (see development): embedkit/server's messages name the fix, the code says what failed.
   */
  message?: string | undefined;
}

/** An error body is a few hundred bytes; anything larger is not one worth reading. */
const MAX_BODY_BYTES = 4096;
const MAX_MESSAGE_CHARS = 300;
const CODE = /^[a-z][a-z0-9_]{0,63}$/;
/** embedkit/server answers exactly `{ error: { code, message, request_id? } }`. */
const OWN_ERROR_KEYS = ['code', 'message', 'request_id'];

/**
 * Where to look, for the refusals whose cause is usually not where the developer looks first.
 * Others get embedkit/server's own message (which names its fix) or the generic hint.
 */
export const SERVER_CODE_HINTS: Readonly<Record<string, string>> = {
  origin_not_allowed: "The server's CSRF check refused this page's origin: list it in allowedOrigins, or behind a proxy check that the handler sees the public host.",
  unauthorized: 'No signed-in user reached the server: check the cookie or auth header fetchSecret sends.',
};

/**
 * The server's `error.code` (and, in development, embedkit's own error shape's `error.message`) of
 * a refused request, or `null`. Reads at most a few KB, and never returns text that looks like a
 * secret: the result ends up in an error message.
 */
export async function readServerReason(response: Response): Promise<ServerReason | null> {
  try {
    // Anything unexpected on the way (no body, too large, not JSON, no error object) throws: no reason.
    const body = JSON.parse(await readCapped(response.body!)) as { error: Record<string, unknown> };
    const { code } = body.error;
    if (typeof code !== 'string' || !CODE.test(code)) return null;
    return { code, ...(development() && process.env.NODE_ENV !== 'production' ? { message: ownMessage(body) } : {}) };
  } catch {
    return null;
  }
}

/** `error.message` of embedkit's own error shape, capped, without control characters or anything secret-like. */
function ownMessage(body: { error: Record<string, unknown> }): string | undefined {
  const { message } = body.error;
  if (Object.keys(body).length !== 1 || !Object.keys(body.error).every((key) => OWN_ERROR_KEYS.includes(key)) || typeof message !== 'string') return undefined;
  const safe = withoutSecrets(message)
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim();
  return safe.length > MAX_MESSAGE_CHARS ? `${safe.slice(0, MAX_MESSAGE_CHARS - 1)}…` : safe;
}

/** The body as text, or `''` (no JSON) past {@link MAX_BODY_BYTES}: then the rest is not read. */
async function readCapped(stream: ReadableStream<Uint8Array<ArrayBuffer>>): Promise<string> {
  const reader = stream.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for (let bytes = 0, chunk; !(chunk = await reader.read()).done; chunks.push(chunk.value)) {
    if ((bytes += chunk.value.byteLength) > MAX_BODY_BYTES) {
      // Not awaited: some runtimes never settle a cancel, and nothing here needs it to.
      reader.cancel().catch(() => {});
      return '';
    }
  }
  return new Blob(chunks).text();
}
