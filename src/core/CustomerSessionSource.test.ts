import { inspect } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { CustomerSessionSource, type CustomerSessionSourceOptions, type CustomerSessionState } from './CustomerSessionSource.js';
import { EmbedkitError } from './EmbedkitError.js';
import { createManualClock, type ManualClock } from './testing/manualClock.js';
import { createSecretEndpoint, type SecretEndpoint } from './testing/createSecretEndpoint.js';

const SECOND = 1000;
let clock: ManualClock;
let endpoint: SecretEndpoint<'customer_session'>;
const serverDown = () => new EmbedkitError('The CustomerSession endpoint POST /x answered HTTP 503.', { code: 'http', status: 503, retryable: true });

beforeEach(() => {
  clock = createManualClock();
  endpoint = createSecretEndpoint({ kind: 'customer_session', clock, lifetimeSeconds: 1800 });
});

function createSource(options: Partial<CustomerSessionSourceOptions> = {}) {
  const source = new CustomerSessionSource({ fetchSecret: endpoint.fetchSecret, clock, retry: { attempts: 1, random: () => 0 }, ...options });
  const states: CustomerSessionState[] = [];
  const unsubscribe = source.subscribe(() => states.push(source.getState()));
  const secret = () => source.getState().secret?.reveal() ?? null;
  return { source, states, unsubscribe, secret };
}

describe('CustomerSessionSource', () => {
  it('fetches on the first subscriber only, and publishes the secret', async () => {
    const source = new CustomerSessionSource({ fetchSecret: endpoint.fetchSecret, clock });
    await clock.advance(60 * SECOND);
    expect(endpoint.calls).toHaveLength(0);
    expect(source.getState()).toMatchObject({ status: 'idle', secret: null });
    source.subscribe(() => {});
    source.subscribe(() => {});
    expect(source.getState()).toMatchObject({ status: 'pending', isFetching: true });
    await clock.flush();
    expect(endpoint.calls).toHaveLength(1);
    expect(source.getState()).toMatchObject({ status: 'success', isFetching: false, fetchCount: 1, redacted: 'cuss_secret_…[redacted]' });
    expect(source.getState().secret?.reveal()).toBe('cuss_secret_TEST1');
  });

  it('renews refreshMarginSeconds before expires_at and publishes the new secret', async () => {
    const { source, secret } = createSource({ refreshMarginSeconds: 120 });
    await clock.flush();
    await clock.advance(1679 * SECOND);
    expect(secret()).toBe('cuss_secret_TEST1');
    await clock.advance(1 * SECOND);
    expect(secret()).toBe('cuss_secret_TEST2');
    expect(source.getState().expiresAt).toBe(clock.now() / 1000 + 1800);
  });

  it('defaults to a 60 s margin and keeps a valid secret over hours', async () => {
    const { source } = createSource();
    await clock.flush();
    for (let minute = 0; minute < 6 * 60; minute++) {
      await clock.advance(60 * SECOND);
      expect(source.getState().secret?.isExpired(clock.now(), 59 * SECOND)).toBe(false);
    }
    expect(endpoint.calls).toHaveLength(Math.floor((6 * 3600) / 1740) + 1);
  });

  it('renews halfway through a lifetime shorter than twice the margin', async () => {
    endpoint = createSecretEndpoint({ kind: 'customer_session', clock, lifetimeSeconds: 90 });
    createSource({ refreshMarginSeconds: 60 });
    await clock.flush();
    await clock.advance(44 * SECOND);
    expect(endpoint.calls).toHaveLength(1);
    await clock.advance(1 * SECOND);
    expect(endpoint.calls).toHaveLength(2);
  });

  it('on a failed renewal keeps the still-valid secret, reports the error and retries with backoff', async () => {
    const { source, secret } = createSource({ retry: { attempts: 1, baseDelayMs: 1000, random: () => 0 } });
    await clock.flush();
    endpoint.failNext(serverDown(), 2);
    await clock.advance(1740 * SECOND);
    expect(source.getState()).toMatchObject({ status: 'error', error: { code: 'http', status: 503 }, redacted: 'cuss_secret_…[redacted]' });
    expect(secret()).toBe('cuss_secret_TEST1');
    await clock.advance(499);
    expect(endpoint.calls).toHaveLength(2);
    await clock.advance(1);
    expect(endpoint.calls).toHaveLength(3);
    expect(source.getState()).toMatchObject({ status: 'error', isFetching: false });
    await clock.advance(1000);
    expect(endpoint.calls).toHaveLength(4);
    expect(source.getState()).toMatchObject({ status: 'success', error: null });
    expect(secret()).toBe('cuss_secret_TEST2');
  });

  it('drops the secret when it expires before a renewal succeeds', async () => {
    const { source, secret } = createSource();
    await clock.flush();
    endpoint.failNext(serverDown(), 1000);
    await clock.advance(59 * SECOND + 1740 * SECOND);
    expect(secret()).toBe('cuss_secret_TEST1');
    await clock.advance(1 * SECOND);
    expect(source.getState()).toMatchObject({ status: 'error', secret: null, redacted: null, expiresAt: null });
  });

  it('does not retry a 4xx by itself; refresh() clears the error and fetches', async () => {
    const { source, secret } = createSource();
    endpoint.failNext(new EmbedkitError('Signed out', { code: 'http', status: 401 }));
    await clock.flush();
    await clock.advance(3600 * SECOND);
    expect(endpoint.calls).toHaveLength(1);
    expect(source.getState().status).toBe('error');
    const done = source.refresh();
    expect(source.getState()).toMatchObject({ status: 'pending', error: null, isFetching: true });
    await done;
    expect(secret()).toBe('cuss_secret_TEST1');
  });

  it('refresh() joins the request in flight', async () => {
    const { source } = createSource();
    await Promise.all([source.refresh(), source.refresh()]);
    expect(endpoint.calls).toHaveLength(1);
  });

  it('stops renewing when the last subscriber leaves, and a new subscriber gets a fresh secret (no reuse across renders)', async () => {
    const { source, unsubscribe, secret } = createSource();
    await clock.flush();
    unsubscribe();
    await clock.flush();
    expect(clock.pendingTimers()).toBe(1); // only the one that drops the secret at expiry
    await clock.advance(3600 * SECOND);
    expect(endpoint.calls).toHaveLength(1);
    expect(source.getState()).toMatchObject({ secret: null, redacted: null });
    source.subscribe(() => {});
    await clock.flush();
    expect(endpoint.calls).toHaveLength(2);
    expect(secret()).toBe('cuss_secret_TEST2');
  });

  it('does not reuse a still-valid secret after a real unmount either', async () => {
    const { source, unsubscribe, secret } = createSource();
    await clock.flush();
    unsubscribe();
    await clock.flush();
    const again = source.subscribe(() => {});
    expect(source.getState()).toMatchObject({ status: 'pending', isFetching: true, secret: null });
    await clock.flush();
    expect(secret()).toBe('cuss_secret_TEST2');
    again();
  });

  it('keeps its secret through a synchronous unsubscribe/resubscribe (React StrictMode)', async () => {
    const { source, unsubscribe, secret } = createSource();
    await clock.flush();
    unsubscribe();
    const again = source.subscribe(() => {});
    await clock.flush();
    expect(endpoint.calls).toHaveLength(1);
    expect(secret()).toBe('cuss_secret_TEST1');
    expect(source.getState().status).toBe('success');
    again();
  });

  it('aborts a request in flight when the last subscriber leaves, without an error state', async () => {
    endpoint.holdNext();
    const { source, unsubscribe } = createSource();
    unsubscribe();
    await clock.flush();
    expect(endpoint.calls[0]!.signal.aborted).toBe(true);
    expect(source.getState()).toMatchObject({ status: 'idle', isFetching: false, error: null });
  });

  it('a subscriber arriving while the aborted request settles starts a new one', async () => {
    endpoint.holdNext();
    const { source, unsubscribe, secret } = createSource();
    unsubscribe();
    await Promise.resolve(); // the deferred unsubscribe runs and aborts
    expect(endpoint.calls[0]!.signal.aborted).toBe(true);
    source.subscribe(() => {});
    await clock.flush();
    expect(endpoint.calls).toHaveLength(2);
    expect(source.getState()).toMatchObject({ status: 'success', isFetching: false });
    expect(secret()).toBe('cuss_secret_TEST1');
  });

  it('dispose() stops everything and forgets the secret', async () => {
    const { source } = createSource();
    await clock.flush();
    source.dispose();
    expect(clock.pendingTimers()).toBe(0);
    expect(source.getState().secret).toBeNull();
  });

  it.each([[{ fetchSecret: { url: '' } }], [{ refreshMarginSeconds: -5 }]])('rejects bad options %o when created', (options) => {
    const create = () => new CustomerSessionSource({ fetchSecret: endpoint.fetchSecret, ...(options as Partial<CustomerSessionSourceOptions>) });
    expect(create).toThrow(expect.objectContaining({ code: 'invalid_options' }));
  });

  it('never shows the secret in state dumps', async () => {
    const { source } = createSource();
    await clock.flush();
    for (const dump of [JSON.stringify(source.getState()), inspect(source.getState(), { depth: 10 }), inspect(source, { showHidden: true, depth: 10 })]) {
      expect(dump).not.toContain('TEST1');
    }
  });
});
