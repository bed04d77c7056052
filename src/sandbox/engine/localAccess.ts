import { EmbedkitError } from '../../core/EmbedkitError.js';
import { hostInList, LOOPBACK_IP } from '../../shared/hostNames.js';
import { SandboxApiError } from './SandboxApiError.js';

/** Who may reach the sandbox besides the loopback defaults; see {@link LocalAccess}. */
export interface AccessOptions {
  /**
   * Host names (no port) the REST and control routes answer besides loopback names and IP
   * addresses: `'sandbox'` (a docker-compose service), `'.dev.example.test'` (that domain and its
   * subdomains), or `true` for any host.
   */
  allowedHosts?: readonly string[] | true;
  /** Origins whose pages may call the control routes besides loopback ones, e.g. `'https://dev.example.test:8443'`. */
  allowedOrigins?: readonly string[];
}

const LOOPBACK_NAME = /^(localhost|.+\.localhost)$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

const shown = (text: string) => JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);

const forbidden = (code: string, message: string) => new SandboxApiError(403, { type: 'invalid_request_error', code, message });

function hostnameOf(host: string): string | undefined {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * The sandbox is a developer tool on the developer's machine, so it answers only that machine:
 *
 * - REST and control routes answer a `Host` that is a loopback name (`localhost`, `*.localhost`),
 *   an IP address or an allowed host. A web page cannot make a browser send its own domain name to
 *   the sandbox that way (DNS rebinding), and an IP address cannot be rebound.
 * - Control routes answer requests without an `Origin` (tools: the Playwright fixture, curl, Node)
 *   and pages on loopback or allowed origins, with CORS for that origin only. Any other page gets a
 *   403 without CORS headers, so it can neither reset the sandbox nor read its state.
 * - Browser routes and stand-in scripts stay open to every origin: the stand-ins call them from
 *   the app's page, wherever it is served, and they hold nothing without a claimed secret.
 */
export class LocalAccess {
  private readonly hosts: readonly string[] | true;
  private readonly origins: ReadonlySet<string>;

  constructor(options: AccessOptions = {}) {
    this.hosts = options.allowedHosts === true ? true : (options.allowedHosts ?? []).map((host) => host.toLowerCase());
    this.origins = new Set((options.allowedOrigins ?? []).map(normalizeOrigin));
  }

  /** Throws 403 `sandbox_host_not_allowed` unless the request names a host this machine answers to. */
  checkHost(request: Request): void {
    if (this.hosts === true) return;
    const host = request.headers.get('host') ?? new URL(request.url).host;
    const name = hostnameOf(host);
    if (name !== undefined && this.hostAllowed(name)) return;
    throw forbidden(
      'sandbox_host_not_allowed',
      `The embedkit sandbox does not answer requests for host ${shown(host)}: it answers loopback names (localhost), IP addresses ` +
        'and the hosts you allow, so a web page cannot reach it through a domain it controls (DNS rebinding). To use this name, ' +
        `allow it: createSandbox({ allowedHosts: [${shown(name ?? host)}] }), embedkit-sandbox --allow-host ${name ?? host}, or the Vite plugin's allowedHosts.`,
    );
  }

  /**
   * CORS headers for a control-route request from an allowed page (none for tools), or a 403
   * `sandbox_origin_not_allowed` for anything else a browser sends.
   */
  controlHeaders(request: Request): Record<string, string> {
    const origin = request.headers.get('origin');
    if (origin === null) {
      if (request.headers.get('sec-fetch-site') === 'cross-site') throw this.foreignPage('another site');
      return { Vary: 'Origin' };
    }
    if (!this.originAllowed(origin)) throw this.foreignPage(shown(origin));
    return {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    };
  }

  private hostAllowed(name: string): boolean {
    if (LOOPBACK_NAME.test(name) || IPV4.test(name) || name.startsWith('[')) return true;
    return hostInList(name, this.hosts as readonly string[]);
  }

  private originAllowed(origin: string): boolean {
    if (this.origins.has(origin)) return true;
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false;
    }
    return (url.protocol === 'http:' || url.protocol === 'https:') && (LOOPBACK_NAME.test(url.hostname) || LOOPBACK_IP.test(url.hostname));
  }

  private foreignPage(from: string): SandboxApiError {
    return forbidden(
      'sandbox_origin_not_allowed',
      `The embedkit sandbox's control routes answer the developer's own tools and pages only (no Origin, or a loopback origin such as ` +
        `http://localhost:5173); this request came from ${from}. If your dev page lives on another origin, allow it: ` +
        "createSandbox({ allowedOrigins: ['https://…'] }), embedkit-sandbox --allow-origin https://…, or the Vite plugin's allowedOrigins.",
    );
  }
}

/** `https://dev.example.test:8443/` → `https://dev.example.test:8443`; anything that is not an origin is an invalid_options error naming the fix. */
function normalizeOrigin(origin: string): string {
  let url: URL | undefined;
  try {
    url = new URL(origin);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin === 'null') {
    throw new EmbedkitError(`createSandbox: allowedOrigins must list origins such as https://${origin.replace(/^\w+:\/\//, '').split('/')[0] ?? 'dev.example.test'}, received ${shown(origin)}.`, {
      code: 'invalid_options',
      field: 'allowedOrigins',
    });
  }
  return url.origin;
}
