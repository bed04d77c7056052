// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSandbox, type Sandbox } from '../engine/createSandbox.js';
import { ConnectSession, refreshLeadSeconds } from './ConnectSession.js';

// The real sandbox handler answers the stand-in's fetches; one fake clock drives both sides.
let sandbox: Sandbox;

async function accountSecret(): Promise<string> {
  const account = sandbox.state().seeded.accounts[0]!;
  const response = await sandbox.fetch(
    new Request('http://localhost/v1/account_sessions', {
      method: 'POST',
      headers: { Authorization: 'Bearer sk_test_unit', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ account, 'components[payments][enabled]': 'true' }),
    }),
  );
  return ((await response.json()) as { client_secret: string }).client_secret;
}

/** Lets the fetch → handler → response chain run; it needs real I/O turns, not timers. */
async function settle(): Promise<void> {
  for (let i = 0; i < 30; i++) await new Promise((resolve) => setImmediate(resolve));
}

function start(fetchClientSecret = vi.fn(accountSecret), eager: Promise<string> = accountSecret()) {
  return { session: new ConnectSession({ fetchClientSecret, metaOptions: { eagerClientSecretPromise: eager } }), fetchClientSecret };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  sandbox = createSandbox({ lifetimeSeconds: 600, clock: () => Date.now() });
  window.__EMBEDKIT_SANDBOX__ = { apiBase: 'http://localhost' };
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => sandbox.fetch(new Request(input, init)));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('refreshLeadSeconds', () => {
  it('is a quarter of short lifetimes and at most 60 s', () => {
    expect(refreshLeadSeconds(600)).toBe(60);
    expect(refreshLeadSeconds(3600)).toBe(60);
    expect(refreshLeadSeconds(120)).toBe(30);
    expect(refreshLeadSeconds(-5)).toBe(0);
  });
});

describe('ConnectSession', () => {
  it('claims the eager secret without calling fetchClientSecret', async () => {
    const { session, fetchClientSecret } = start();
    await settle();
    expect(session.status.kind).toBe('ready');
    expect(fetchClientSecret).not.toHaveBeenCalled();
    expect(sandbox.state().claims.account_session).toBe(1);
  });

  it('fails with authentication_error naming the fix when the page uses a live publishable key (the sandbox is test mode)', async () => {
    const session = new ConnectSession({ publishableKey: 'pk_live_123456789012', fetchClientSecret: accountSecret, metaOptions: { eagerClientSecretPromise: accountSecret() } });
    await settle();
    expect(session.status).toEqual({ kind: 'error', error: { type: 'authentication_error', message: expect.stringMatching(/pk_live_\*\*\*\*9012\. The sandbox is test mode: use a pk_test_ publishable key/) } });
    expect(sandbox.state().claims.account_session ?? 0).toBe(0);
  });

  it('refreshes once per session at expires_at - lead, however many components listen', async () => {
    const { session, fetchClientSecret } = start();
    session.subscribe(() => {});
    session.subscribe(() => {});
    await settle();
    await vi.advanceTimersByTimeAsync(539_000);
    await settle();
    expect(fetchClientSecret).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(2_000);
    await settle();
    expect(fetchClientSecret).toHaveBeenCalledTimes(1);
    expect(sandbox.state()).toMatchObject({ claims: { account_session: 2 }, events: { fetch_client_secret: 1 } });
    expect(session.status.kind).toBe('ready');
  });

  it('waits for a component before refreshing when nothing is mounted at the due time', async () => {
    const { session, fetchClientSecret } = start();
    await settle();
    await vi.advanceTimersByTimeAsync(545_000);
    await settle();
    expect(fetchClientSecret).not.toHaveBeenCalled();
    session.subscribe(() => {});
    await settle();
    expect(fetchClientSecret).toHaveBeenCalledTimes(1);
    expect(sandbox.state().claims.account_session).toBe(2);
  });

  it('maps a failing fetchClientSecret and a reused secret to Connect error types', async () => {
    const failing = start(vi.fn(), Promise.reject(new Error('backend down'))).session;
    const secret = await accountSecret();
    start(vi.fn(), Promise.resolve(secret)); // the first use claims it
    const reused = start(vi.fn(), Promise.resolve(secret)).session;
    await settle();
    expect(failing.status).toMatchObject({ kind: 'error', error: { type: 'account_session_create_error' } });
    expect(reused.status).toMatchObject({ kind: 'error', error: { type: 'authentication_error' } });
  });

  it('logout ends the session at the sandbox and stops refreshing', async () => {
    const { session, fetchClientSecret } = start();
    session.subscribe(() => {});
    await settle();
    await session.logout();
    expect(session.status.kind).toBe('logged_out');
    expect(sandbox.state().requests['POST /sandbox/v1/logout']).toBe(1);
    await vi.advanceTimersByTimeAsync(600_000);
    await settle();
    expect(fetchClientSecret).not.toHaveBeenCalled();
  });
});

describe('ConnectSession logout during the first claim', () => {
  it('ends the session claimed after logout() was called', async () => {
    const { session } = start();
    const loggingOut = session.logout();
    await settle();
    await loggingOut;
    expect(session.status.kind).toBe('logged_out');
    expect(sandbox.state().claims.account_session).toBe(1);
    expect(sandbox.state().requests['POST /sandbox/v1/logout']).toBe(1);
  });
});

describe('ConnectSession without the sandbox address', () => {
  it('says how to load the stand-in instead of reporting a network error', async () => {
    delete window.__EMBEDKIT_SANDBOX__;
    const { session } = start(vi.fn(), Promise.resolve('accs_secret_whatever'));
    await settle();
    expect(session.status).toMatchObject({ kind: 'error', error: { type: 'api_error', message: expect.stringContaining('embedkitSandbox() Vite plugin') } });
  });
});
