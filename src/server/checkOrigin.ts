import { configError } from './configError.js';
import { Refusal } from './Refusal.js';

/** Headers a cross-origin caller needs to read the answer; empty for same-origin callers. */
export type CorsHeaders = Readonly<Record<string, string>>;

/**
 * The CSRF gate. Browsers send `Origin` on every POST, so a present Origin must be the request's
 * own or an allowed one. A request without Origin is not from a browser page (or is a
 * same-origin navigation) unless Fetch Metadata says it is cross-site; `authorize` still decides.
 */
export function checkOrigin(request: Request, allowedOrigins: ReadonlySet<string>): CorsHeaders {
  const origin = request.headers.get('origin');
  if (origin === null) {
    if (request.headers.get('sec-fetch-site') === 'cross-site') throw originNotAllowed();
    return {};
  }
  if (origin === new URL(request.url).origin) return {};
  if (allowedOrigins.has(origin)) {
    return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' };
  }
  throw originNotAllowed();
}

function originNotAllowed(): Refusal {
  return new Refusal(403, 'origin_not_allowed', "This page's origin may not call the endpoint. Add it to the handler's allowedOrigins, or call from the same origin.");
}

/** Start-up check: each entry must be exactly `scheme://host[:port]`, as browsers send it. */
export function normalizeAllowedOrigins(allowedOrigins: readonly string[] | undefined, factory: string): ReadonlySet<string> {
  const result = new Set<string>();
  for (const entry of allowedOrigins ?? []) {
    let origin: string | undefined;
    try {
      origin = new URL(entry).origin;
    } catch {
      origin = undefined;
    }
    if (origin === undefined || origin === 'null' || origin !== entry) {
      throw configError(
        factory,
        `allowedOrigins entry ${JSON.stringify(entry)} is not an origin. Write it as scheme://host[:port] with no path or trailing slash, e.g. "https://app.example.com".`,
      );
    }
    result.add(origin);
  }
  return result;
}
