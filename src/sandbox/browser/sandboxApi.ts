import { BROWSER_ROUTES, type ClaimResponse } from '../protocol.js';

declare global {
  interface Window {
    /** Baked into each stand-in by `readStandinScript`: where the sandbox's browser routes live. */
    __EMBEDKIT_SANDBOX__?: { apiBase: string };
  }
}

/** Stripe's error shape, as the sandbox answers it and as the stand-ins hand it to callers. */
export interface SandboxErrorBody {
  type: string;
  code?: string;
  message: string;
  param?: string;
}

/** A failed sandbox request. `status` 0 means the sandbox could not be reached at all. */
export class SandboxApiError extends Error {
  override readonly name = 'SandboxApiError';
  readonly status: number;
  readonly type: string;
  readonly code: string | undefined;

  constructor(status: number, body: SandboxErrorBody) {
    super(body.message);
    this.status = status;
    this.type = body.type;
    this.code = body.code;
  }
}

/** The sandbox's base URL, baked into the stand-in script: browser routes and Stripe's REST live there. */
export function apiBase(): string {
  const config = window.__EMBEDKIT_SANDBOX__;
  if (!config?.apiBase) {
    throw new Error(
      'embedkit sandbox: this stand-in was loaded without its sandbox address. Load it from the sandbox ' +
        '(the embedkitSandbox() Vite plugin or the embedkit/sandbox/playwright fixture), not from a copied file.',
    );
  }
  return config.apiBase.replace(/\/$/, '');
}

async function request<T>(method: 'GET' | 'POST', route: string, token: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const url = `${apiBase()}${route}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      // The sandbox is the app's own origin or a CORS-open localhost port; no cookies are involved.
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new SandboxApiError(0, {
      type: 'api_connection_error',
      message: 'The embedkit sandbox could not be reached. Is the sandbox server running?',
    });
  }
  const json = (await response.json().catch(() => null)) as { error?: SandboxErrorBody } | null;
  if (!response.ok) {
    const error = json?.error;
    throw new SandboxApiError(response.status, {
      type: error?.type ?? 'api_error',
      ...(error?.code ? { code: error.code } : {}),
      message: error?.message ?? `The embedkit sandbox answered HTTP ${response.status} on ${route}.`,
    });
  }
  return json as T;
}

/**
 * Exchanges a client secret for the sandbox's claim token. The secret travels only in this POST
 * body; everything after it uses the opaque token. The page's publishable key goes along so the
 * sandbox can refuse a live one, as Stripe refuses a key whose mode does not match.
 */
export function claimSecret(clientSecret: string, publishableKey: string | null | undefined): Promise<ClaimResponse & { now?: number }> {
  return request('POST', BROWSER_ROUTES.claim, null, { client_secret: clientSecret, ...(publishableKey ? { publishable_key: publishableKey } : {}) });
}

export function getWithToken<T>(route: string, token: string): Promise<T> {
  return request<T>('GET', route, token);
}

/** A browser route that takes no claim token (its body proves access, e.g. a PaymentIntent's client secret). */
export function postJson<T>(route: string, body: unknown): Promise<T> {
  return request<T>('POST', route, null, body);
}

export function postWithToken<T>(route: string, token: string, body: unknown = {}): Promise<T> {
  return request<T>('POST', route, token, body);
}

/** Reports a browser-side event to the sandbox state. Fire and forget: a lost event must not break the UI. */
export function reportEvent(type: string, detail?: Record<string, string | number | boolean>): void {
  request('POST', BROWSER_ROUTES.events, null, detail ? { type, detail } : { type }).catch(() => undefined);
}
