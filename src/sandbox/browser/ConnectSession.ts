import type { ClaimResponse } from '../protocol.js';
import { BROWSER_ROUTES } from '../protocol.js';
import { SandboxApiError, claimSecret, getWithToken, postWithToken, reportEvent } from './sandboxApi.js';

/** The `onLoadError` types Connect.js uses (`@stripe/connect-js` `ConnectElementCommonMethodConfig`). */
export type ConnectErrorType =
  | 'api_connection_error'
  | 'authentication_error'
  | 'account_session_create_error'
  | 'invalid_request_error'
  | 'rate_limit_error'
  | 'render_error'
  | 'api_error';

export interface ConnectLoadError {
  type: ConnectErrorType;
  message: string;
}

export interface ConnectAppearance {
  variables?: Record<string, string | number | undefined>;
  [key: string]: unknown;
}

export interface ConnectInitParams {
  publishableKey?: string;
  fetchClientSecret?: () => Promise<string>;
  appearance?: ConnectAppearance;
  locale?: string;
  metaOptions?: { eagerClientSecretPromise?: Promise<string>; [key: string]: unknown };
  [key: string]: unknown;
}

export type ConnectSessionStatus =
  | { kind: 'loading' }
  | { kind: 'ready'; account: string | undefined; components: ClaimResponse['components'] }
  | { kind: 'error'; error: ConnectLoadError }
  | { kind: 'logged_out' };

/**
 * Refresh rule (a sandbox choice; Stripe documents only that Connect.js refreshes "when it
 * expires"): refresh once the claimed session has `min(60 s, a quarter of its lifetime)` left,
 * measured on the sandbox clock. One refresh per session, shared by every component.
 */
export function refreshLeadSeconds(lifetimeSeconds: number): number {
  return Math.min(60, Math.max(0, lifetimeSeconds) / 4);
}

type Listener = () => void;

function toLoadError(error: unknown, whileFetching: boolean): ConnectLoadError {
  if (whileFetching) {
    return {
      type: 'account_session_create_error',
      message: 'fetchClientSecret failed or returned no client secret, so no AccountSession could be used.',
    };
  }
  if (error instanceof SandboxApiError) {
    if (error.status === 0) return { type: 'api_connection_error', message: error.message };
    if (error.status === 429) return { type: 'rate_limit_error', message: error.message };
    if (error.status >= 500) return { type: 'api_error', message: error.message };
    // A reused, expired, unknown or logged-out AccountSession secret: the secret does not authenticate.
    return { type: 'authentication_error', message: `${error.message} (${error.code ?? error.type})` };
  }
  return { type: 'api_error', message: error instanceof Error ? error.message : 'The sandbox Connect.js stand-in failed unexpectedly.' };
}

/**
 * One Connect.js instance's AccountSession: takes the loader's eager secret, claims it at the
 * sandbox, refreshes it before expiry through `fetchClientSecret`, and tells the components
 * when anything they show changes. The secret itself is dropped as soon as it is claimed.
 */
export class ConnectSession {
  status: ConnectSessionStatus = { kind: 'loading' };
  appearance: ConnectAppearance | undefined;
  locale: string | undefined;

  private token: string | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly cache = new Map<string, Promise<unknown>>();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<void> | null = null;
  private refreshDue = false;
  /** Sandbox time minus local time, in seconds, measured at the last claim. */
  private clockSkew = 0;

  constructor(private readonly params: ConnectInitParams) {
    this.appearance = params.appearance;
    this.locale = params.locale;
    const eager = params.metaOptions?.eagerClientSecretPromise;
    // Without the npm loader there is no eager promise: ask for the first secret ourselves.
    void this.useSecret(eager ?? this.callFetchClientSecret(false));
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.refreshDue) void this.refresh();
    return () => this.listeners.delete(listener);
  }

  /**
   * GET a sandbox data route for the claimed account, shared by every component of this session
   * until the next claim; one transparent refresh if the session expired meanwhile.
   */
  get<T>(route: string): Promise<T> {
    let pending = this.cache.get(route) as Promise<T> | undefined;
    if (!pending) {
      pending = this.fetchData<T>(route);
      this.cache.set(route, pending);
      pending.catch(() => this.cache.delete(route));
    }
    return pending;
  }

  private async fetchData<T>(route: string): Promise<T> {
    const attempt = () => {
      if (this.status.kind !== 'ready' || !this.token) throw new Error('The AccountSession is not ready.');
      return getWithToken<T>(route, this.token);
    };
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof SandboxApiError && error.code === 'session_expired') {
        await this.refresh();
        return attempt();
      }
      throw error;
    }
  }

  /**
   * POSTs a change the user made (e.g. submitting onboarding) for the claimed account. What every
   * component shows may have changed with it, so the shared data is dropped and they re-render.
   */
  async post<T>(route: string): Promise<T> {
    if (this.status.kind !== 'ready' || !this.token) throw new Error('The AccountSession is not ready.');
    const answer = await postWithToken<T>(route, this.token);
    this.cache.clear();
    this.notify();
    return answer;
  }

  update(options: { appearance?: ConnectAppearance; locale?: string }): void {
    if (options.appearance !== undefined) this.appearance = options.appearance;
    if (options.locale !== undefined) this.locale = options.locale;
    this.notify();
  }

  async logout(): Promise<void> {
    clearTimeout(this.refreshTimer);
    const token = this.token;
    this.token = null;
    this.status = { kind: 'logged_out' };
    this.notify();
    if (token) await postWithToken(BROWSER_ROUTES.logout, token).catch(() => undefined);
  }

  private callFetchClientSecret(report: boolean): Promise<string> {
    if (report) reportEvent('fetch_client_secret');
    try {
      const fetchClientSecret = this.params.fetchClientSecret;
      if (typeof fetchClientSecret !== 'function') {
        return Promise.reject(new Error('StripeConnect.init needs a fetchClientSecret function.'));
      }
      return Promise.resolve(fetchClientSecret());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private async useSecret(secretPromise: Promise<string>): Promise<void> {
    let secret: string;
    try {
      secret = await secretPromise;
      if (typeof secret !== 'string' || secret === '') throw new Error('empty secret');
    } catch (error) {
      this.fail(toLoadError(error, true));
      return;
    }
    try {
      const claimedAt = Date.now() / 1000;
      const claim = await claimSecret(secret, this.params.publishableKey);
      if (this.status.kind === 'logged_out') {
        // logout() ran while this claim was in flight: end the session it just opened too.
        await postWithToken(BROWSER_ROUTES.logout, claim.token).catch(() => undefined);
        return;
      }
      this.clockSkew = typeof claim.now === 'number' ? claim.now - claimedAt : 0;
      this.token = claim.token;
      this.cache.clear();
      this.status = { kind: 'ready', account: claim.account, components: claim.components };
      this.schedule(claim.expires_at);
      this.notify();
    } catch (error) {
      this.fail(toLoadError(error, false));
    }
  }

  private fail(error: ConnectLoadError): void {
    if (this.status.kind === 'logged_out') return;
    this.token = null;
    this.status = { kind: 'error', error };
    reportEvent('load_error', { type: error.type });
    this.notify();
  }

  private schedule(expiresAt: number | null): void {
    clearTimeout(this.refreshTimer);
    if (expiresAt === null) return;
    const now = Date.now() / 1000 + this.clockSkew;
    const lifetime = expiresAt - now;
    const delaySeconds = Math.max(0, lifetime - refreshLeadSeconds(lifetime));
    this.refreshTimer = setTimeout(() => {
      // Connect.js only needs a live session while something is on screen; otherwise refresh on the next mount.
      if (this.listeners.size > 0) void this.refresh();
      else this.refreshDue = true;
    }, delaySeconds * 1000);
  }

  private refresh(): Promise<void> {
    if (this.status.kind === 'logged_out') return Promise.resolve();
    this.refreshDue = false;
    this.refreshing ??= this.useSecret(this.callFetchClientSecret(true)).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
