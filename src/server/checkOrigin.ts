import { hostInList } from '../shared/hostNames.js';
import { configError } from './configError.js';
import { Refusal } from './Refusal.js';

/** Headers a cross-origin caller needs to read the answer; empty for same-origin callers. */
export type CorsHeaders = Readonly<Record<string, string>>;

/** The start-up-checked form of the handler options that decide who may call. */
export interface OriginRules {
  allowedOrigins: ReadonlySet<string>;
  /** Lower-case host names; an entry starting with '.' also allows every subdomain. `undefined`: any host. */
  allowedHosts: readonly string[] | undefined;
  /** Believe `X-Forwarded-Host` / `X-Forwarded-Proto` (the rightmost entry: the one the app's own proxy set). */
  trustProxy: boolean;
}

/**
 * The CSRF gate. Fetch Metadata first: every current browser sends `Sec-Fetch-Site`, and only the
 * browser can set it, so `same-origin` is accepted and `cross-site` / `same-site` refused unless
 * Origin is in `allowedOrigins`. This does not depend on `request.url`, which some frameworks
 * build from the server's own address (Next.js: `http://localhost:PORT` whatever host the browser
 * used). Without Fetch Metadata (older browsers), a present Origin must be the request's own; a
 * request without either is not from a browser page, and `authorize` still decides.
 */
export function checkOrigin(request: Request, rules: OriginRules): CorsHeaders {
  const origin = request.headers.get('origin');
  if (origin !== null && rules.allowedOrigins.has(origin)) {
    return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' };
  }
  const site = request.headers.get('sec-fetch-site');
  if (site === 'same-origin') return {};
  if (site === 'cross-site' || site === 'same-site') throw originNotAllowed();
  if (origin === null || origin === ownOrigin(request, rules.trustProxy)) return {};
  throw originNotAllowed();
}

/**
 * The DNS-rebinding gate: a page on `evil.example` whose name the attacker re-points at this server
 * is "same-origin" to the browser, so only the host it addressed gives it away.
 */
export function checkHost(request: Request, rules: OriginRules): void {
  if (rules.allowedHosts === undefined) return;
  const name = hostName(requestHost(request, rules.trustProxy));
  const allowed = name !== undefined && hostInList(name, rules.allowedHosts);
  if (!allowed) {
    throw new Refusal(403, 'host_not_allowed', "This server does not answer for the host this request addressed. The server operator should add the host to the handler's allowedHosts.");
  }
}

/**
 * The origin the browser addressed, as far as the handler may know it (see `trustProxy`).
 * `undefined` rather than the opaque origin 'null', which must never match `Origin: null`.
 */
function ownOrigin(request: Request, trustProxy: boolean): string | undefined {
  const url = new URL(request.url);
  let origin = url.origin;
  if (trustProxy) {
    const protocol = forwarded(request, 'x-forwarded-proto') ?? url.protocol.slice(0, -1);
    try {
      origin = new URL(`${protocol}://${requestHost(request, true)}`).origin;
    } catch {
      return undefined;
    }
  }
  return origin === 'null' ? undefined : origin;
}

/**
 * `Host` names what the browser addressed (frameworks pass it on even where `request.url` is the
 * server's own address); behind a trusted proxy, the host the proxy forwarded.
 */
function requestHost(request: Request, trustProxy: boolean): string {
  return (trustProxy ? forwarded(request, 'x-forwarded-host') : undefined) ?? request.headers.get('host') ?? new URL(request.url).host;
}

function forwarded(request: Request, name: string): string | undefined {
  return rightmostEntry(request.headers.get(name));
}

/**
 * The rightmost entry of a list header such as `X-Forwarded-For`: a proxy that appends writes what
 * it saw after whatever the client sent, so the entries to its left are the client's own claims.
 * (Node joins repeated headers with ', ', so one split covers both forms.)
 */
export function rightmostEntry(value: string | null | undefined): string | undefined {
  const entry = value?.split(',').pop()?.trim();
  return entry === undefined || entry === '' ? undefined : entry;
}

/** The lower-case name of `host[:port]`, without a trailing dot; `undefined` when it is not one. */
function hostName(host: string): string | undefined {
  if (!/^(\[[0-9a-fA-F:.]+\]|[^/:@?#\\\s[\]]+)(:\d*)?$/.test(host)) return undefined;
  try {
    return new URL(`http://${host}`).hostname.replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

function originNotAllowed(): Refusal {
  return new Refusal(403, 'origin_not_allowed', "This page's origin may not call the endpoint. Add it to the handler's allowedOrigins, or call from the same origin.");
}

/** Start-up checks of `allowedOrigins`, `allowedHosts` and `trustProxy`. */
export function originRules(options: { allowedOrigins?: unknown; allowedHosts?: unknown; trustProxy?: unknown }, factory: string): OriginRules {
  const { trustProxy = false } = options;
  if (typeof trustProxy !== 'boolean') {
    throw configError(factory, 'trustProxy must be true or false. Set it to true only when a proxy you run sets X-Forwarded-Host and X-Forwarded-Proto (or Host) on every request.');
  }
  return { allowedOrigins: normalizeAllowedOrigins(options.allowedOrigins, factory), allowedHosts: normalizeAllowedHosts(options.allowedHosts, factory), trustProxy };
}

/** Each entry must be exactly `scheme://host[:port]`, as browsers send it. */
function normalizeAllowedOrigins(allowedOrigins: unknown, factory: string): ReadonlySet<string> {
  if (allowedOrigins !== undefined && !Array.isArray(allowedOrigins)) {
    throw configError(factory, 'allowedOrigins must be an array of origins, e.g. ["https://admin.example.com"].');
  }
  const result = new Set<string>();
  for (const entry of (allowedOrigins ?? []) as unknown[]) {
    let origin: string | undefined;
    try {
      origin = new URL(String(entry)).origin;
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

/** Host names without scheme or port; a leading '.' also allows subdomains, as in Vite's `server.allowedHosts`. */
function normalizeAllowedHosts(allowedHosts: unknown, factory: string): readonly string[] | undefined {
  if (allowedHosts === undefined) return undefined;
  if (!Array.isArray(allowedHosts)) {
    throw configError(factory, 'allowedHosts must be an array of host names, e.g. ["app.example.com", ".example.com"].');
  }
  return allowedHosts.map((entry: unknown) => {
    const dot = typeof entry === 'string' && entry.startsWith('.') ? '.' : '';
    // hostName() accepts a port, which an entry must not have: the check is on the name only.
    const name = typeof entry === 'string' && !/:\d*$/.test(entry.replace(/^\[.*\]$/, '')) ? hostName(entry.slice(dot.length)) : undefined;
    if (name === undefined || name === '') {
      throw configError(
        factory,
        `allowedHosts entry ${JSON.stringify(entry)} is not a host name. Write the name only, without scheme or port, e.g. "app.example.com", or ".example.com" for it and its subdomains.`,
      );
    }
    return dot + name;
  });
}
