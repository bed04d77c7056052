import { inspect } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { AccountSessionSource, type AccountSessionSourceOptions } from './AccountSessionSource.js';
import { EmbedkitError } from './EmbedkitError.js';
import { connectAsksWithSecondsLeft } from './testing/connectRefreshTiming.js';
import { createManualClock, type ManualClock } from './testing/manualClock.js';
import { createManualVisibility, type ManualVisibility } from './testing/manualVisibility.js';
import { createSecretEndpoint, type SecretEndpoint } from './testing/createSecretEndpoint.js';
import type { SessionState } from './types.js';

const SECOND = 1000;
let clock: ManualClock;
let visibility: ManualVisibility;
let endpoint: SecretEndpoint<'account_session'>;

beforeEach(() => {
  clock = createManualClock();
  visibility = createManualVisibility();
  endpoint = createSecretEndpoint({ kind: 'account_session', clock, lifetimeSeconds: 1800 });
});

function createSource(options: Partial<AccountSessionSourceOptions> = {}) {
  const source = new AccountSessionSource({ fetchSecret: endpoint.fetchSecret, clock, visibility, retry: { attempts: 1 }, ...options });
  const states: SessionState[] = [];
  const unsubscribe = source.subscribe(() => states.push(source.getState()));
  return { source, states, unsubscribe };
}

/** Whether `promise` has settled after pending microtasks ran, without moving the clock. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await clock.flush();
  return settled;
}

describe('fetchClientSecret', () => {
  it('collapses concurrent calls into one request', async () => {
    const { source } = createSource();
    const answers = await Promise.all([source.fetchClientSecret(), source.fetchClientSecret(), source.fetchClientSecret()]);
    expect(endpoint.calls).toHaveLength(1);
    expect(answers).toEqual(['accs_secret_TEST1', 'accs_secret_TEST1', 'accs_secret_TEST1']);
  });

  it('never hands out the same secret twice', async () => {
    const { source } = createSource({ warm: false });
    const handed: string[] = [];
    for (let i = 0; i < 4; i++) handed.push(await source.fetchClientSecret());
    expect(new Set(handed).size).toBe(4);
    expect(endpoint.calls).toHaveLength(4);
  });

  it('takes its first secret from firstSecret, then fetches as usual', async () => {
    const { ClientSecret } = await import('./ClientSecret.js');
    let aborted = 0;
    const early = new ClientSecret('accs_secret_EARLY', 'account_session', Math.floor(clock.now() / 1000) + 1800);
    const { source } = createSource({ warm: false, firstSecret: { promise: Promise.resolve(early), abort: () => aborted++ } });
    expect(await source.fetchClientSecret()).toBe('accs_secret_EARLY');
    expect(endpoint.calls).toHaveLength(0);
    expect(await source.fetchClientSecret()).toBe('accs_secret_TEST1');
    expect(aborted).toBe(0);
  });

  it('aborts a firstSecret it stops waiting for, or never asked for', async () => {
    let aborted = 0;
    const firstSecret = () => ({ promise: new Promise<never>(() => {}), abort: () => aborted++ });
    const waiting = createSource({ firstSecret: firstSecret() });
    void waiting.source.fetchClientSecret().catch(() => {});
    waiting.unsubscribe();
    await clock.flush();
    expect(aborted).toBe(1);
    const unused = createSource({ firstSecret: firstSecret() });
    unused.source.dispose();
    expect(aborted).toBe(2);
  });

  it('proposes params to the endpoint', async () => {
    const { source } = createSource({ params: { account: 'acct_1' } });
    await source.fetchClientSecret();
    expect(endpoint.calls[0]).toMatchObject({ kind: 'account_session', params: { account: 'acct_1' } });
  });

  it('goes pending → success with the secret in flight kept apart from status', async () => {
    const { source, states } = createSource();
    const release = endpoint.holdNext();
    const answer = source.fetchClientSecret();
    expect(source.getState()).toMatchObject({ status: 'pending', isFetching: true });
    release();
    await answer;
    expect(states.map((s) => [s.status, s.isFetching])).toEqual([
      ['pending', true],
      ['success', false],
    ]);
    expect(source.getState()).toEqual({
      status: 'success',
      isFetching: false,
      error: null,
      expiresAt: clock.now() / 1000 + 1800,
      fetchCount: 1,
      redacted: 'accs_secret_…[redacted]',
    });
  });

  it('keeps getState() identical between changes', async () => {
    const { source } = createSource();
    await source.fetchClientSecret();
    const state = source.getState();
    await clock.advance(10 * SECOND);
    expect(source.getState()).toBe(state);
  });

  it('rejects with the EmbedkitError and reports it in state', async () => {
    const { source } = createSource();
    const failure = new EmbedkitError('The AccountSession endpoint POST /x answered HTTP 401.', { code: 'http', status: 401 });
    endpoint.failNext(failure);
    await expect(source.fetchClientSecret()).rejects.toBe(failure);
    expect(source.getState()).toMatchObject({ status: 'error', error: failure, isFetching: false });
  });
});

describe('refresh()', () => {
  it('clears the error, fetches, and the next fetchClientSecret gets that secret at once', async () => {
    const { source, states } = createSource();
    endpoint.failNext(new EmbedkitError('down', { code: 'http', status: 400 }));
    await source.fetchClientSecret().catch(() => {});
    source.refresh();
    expect(source.getState()).toMatchObject({ status: 'pending', isFetching: true, error: null });
    await clock.flush();
    expect(endpoint.calls).toHaveLength(2);
    const next = source.fetchClientSecret();
    expect(await isSettled(next)).toBe(true);
    expect(await next).toBe('accs_secret_TEST1');
    expect(endpoint.calls).toHaveLength(2);
    expect(states.at(-1)).toMatchObject({ status: 'success', fetchCount: 1 });
  });

  it('reports a failed refresh as an error', async () => {
    const { source } = createSource();
    endpoint.failNext(new EmbedkitError('down', { code: 'http', status: 400 }), 2);
    await source.fetchClientSecret().catch(() => {});
    source.refresh();
    await clock.flush();
    expect(source.getState()).toMatchObject({ status: 'error', isFetching: false });
  });
});

describe('warm secret', () => {
  async function handFirst(options: Partial<AccountSessionSourceOptions> = {}) {
    const created = createSource(options);
    expect(await created.source.fetchClientSecret()).toBe('accs_secret_TEST1');
    return created;
  }

  it('is ready when Connect.js asks (60 s left) even from an endpoint taking 20 s', async () => {
    const { source } = await handFirst();
    const release = endpoint.holdNext();
    await clock.advance(1710 * SECOND);
    expect(endpoint.calls).toHaveLength(2);
    await clock.advance(20 * SECOND);
    release();
    await clock.advance((1800 - connectAsksWithSecondsLeft(1800) - 1730) * SECOND);
    const refresh = source.fetchClientSecret();
    expect(await isSettled(refresh)).toBe(true);
    expect(await refresh).toBe('accs_secret_TEST2');
  });

  it.each([
    [120, 40],
    [240, 80],
    [300, 90],
    [1800, 90],
  ])('with a %i s lifetime is fetched %i s before expiry by default: min(90 s, a third of the lifetime)', async (lifetime, lead) => {
    endpoint = createSecretEndpoint({ kind: 'account_session', clock, lifetimeSeconds: lifetime });
    await handFirst();
    await clock.advance((lifetime - lead) * SECOND - 1);
    expect(endpoint.calls).toHaveLength(1);
    await clock.advance(1);
    expect(endpoint.calls).toHaveLength(2);
  });

  it('is fetched at most leadSeconds before the handed secret expires and handed out at once', async () => {
    const { source } = await handFirst({ warm: { leadSeconds: 60 } });
    await clock.advance(1739 * SECOND);
    expect(endpoint.calls).toHaveLength(1);
    await clock.advance(1 * SECOND);
    expect(endpoint.calls).toHaveLength(2);
    expect(source.getState()).toMatchObject({ fetchCount: 2, expiresAt: (clock.now() - 1740 * SECOND) / 1000 + 1800 });

    await clock.advance(55 * SECOND);
    const refresh = source.fetchClientSecret();
    expect(await isSettled(refresh)).toBe(true);
    expect(await refresh).toBe('accs_secret_TEST2');
    expect(endpoint.calls).toHaveLength(2);
    expect(source.getState().expiresAt).toBe((clock.now() - 55 * SECOND) / 1000 + 1800);
  });

  it('keeps renewing: each handed secret gets its own warm successor', async () => {
    const { source } = await handFirst();
    for (let round = 2; round <= 4; round++) {
      await clock.advance(1790 * SECOND);
      expect(await source.fetchClientSecret()).toBe(`accs_secret_TEST${round}`);
      expect(endpoint.calls).toHaveLength(round);
    }
  });

  it('is never more than one, however long nobody takes it', async () => {
    await handFirst();
    await clock.advance(24 * 3600 * SECOND);
    expect(endpoint.calls).toHaveLength(2);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('is fetched once per handed secret: after a discard, returning to the page or resubscribing fetches no other', async () => {
    const { source, unsubscribe } = await handFirst({ warm: { leadSeconds: 60, maxAgeSeconds: 30 } });
    await clock.advance(1771 * SECOND); // warm fetched at 1740 s, discarded at 1770 s
    expect(endpoint.calls).toHaveLength(2);
    visibility.set(false);
    visibility.set(true);
    unsubscribe();
    await clock.flush();
    const again = source.subscribe(() => {});
    await clock.advance(3600 * SECOND);
    expect(endpoint.calls).toHaveLength(2);
    again();
  });

  it('is discarded when older than maxAgeSeconds and never handed out', async () => {
    const { source } = await handFirst({ warm: { leadSeconds: 60, maxAgeSeconds: 30 } });
    await clock.advance(1740 * SECOND);
    expect(endpoint.issued).toHaveLength(2);
    await clock.advance(31 * SECOND);
    expect(await source.fetchClientSecret()).toBe('accs_secret_TEST3');
    expect(endpoint.calls).toHaveLength(3);
  });

  it('is not handed out within the clock skew (30 s) of its own expiry', async () => {
    endpoint = createSecretEndpoint({ kind: 'account_session', clock, lifetimeSeconds: 120 });
    const { source } = await handFirst({ warm: { maxAgeSeconds: 600 } });
    await clock.advance(80 * SECOND); // warm fetched now, expiring at 200 s
    expect(endpoint.calls).toHaveLength(2);
    await clock.advance(91 * SECOND); // 171 s: 29 s before the warm one expires
    expect(await source.fetchClientSecret()).toBe('accs_secret_TEST3');
  });

  it('of a lifetime under 90 s is not handed out with less than a third of it left', async () => {
    endpoint = createSecretEndpoint({ kind: 'account_session', clock, lifetimeSeconds: 9 });
    const { source } = await handFirst();
    await clock.advance(6 * SECOND); // warm fetched now, expiring at 15 s
    expect(endpoint.calls).toHaveLength(2);
    await clock.advance(6 * SECOND + 1); // just under 3 s left
    expect(await source.fetchClientSecret()).toBe('accs_secret_TEST3');
  });

  it.each([3, 4, 10, 100, 120, 240, 300, 1800])(
    'with a %i s lifetime answers every refresh of Connect.js at once, one new session per expiry',
    async (lifetime) => {
      endpoint = createSecretEndpoint({ kind: 'account_session', clock, lifetimeSeconds: lifetime });
      const { source } = await handFirst();
      for (let refresh = 1; refresh <= 5; refresh++) {
        // Connect.js (the fake) asks with min(60 s, lifetime / 4) left of the secret it holds.
        const asksAt = (source.getState().expiresAt! - connectAsksWithSecondsLeft(lifetime)) * SECOND;
        await clock.advance(asksAt - clock.now());
        const next = source.fetchClientSecret();
        expect(await isSettled(next)).toBe(true);
        expect(await next).toBe(`accs_secret_TEST${refresh + 1}`);
        expect(endpoint.calls).toHaveLength(refresh + 1);
        // The spare was fetched shortly before Connect asked (at most 30 s and an eighth of the
        // lifetime), so Connect gets most of its lifetime (less up to 1 s of expires_at rounding).
        const headStart = Math.min(30, lifetime / 8);
        expect(source.getState().expiresAt! * SECOND - clock.now()).toBeGreaterThanOrEqual((lifetime - 1 - headStart) * SECOND);
      }
    },
  );

  it('is not fetched for a secret already expired by the device clock (running ahead): its spare would be too', async () => {
    endpoint = createSecretEndpoint({ kind: 'account_session', clock, lifetimeSeconds: -10 });
    await handFirst();
    await clock.advance(3600 * SECOND);
    expect(endpoint.calls).toHaveLength(1);
  });

  it('is not fetched while the page is hidden, and is fetched on return when due', async () => {
    const { source } = await handFirst();
    visibility.set(false);
    await clock.advance(1790 * SECOND);
    expect(endpoint.calls).toHaveLength(1);
    visibility.set(true);
    await clock.advance(0);
    expect(endpoint.calls).toHaveLength(2);
    const refresh = source.fetchClientSecret();
    expect(await isSettled(refresh)).toBe(true);
  });

  it('is not fetched without subscribers', async () => {
    const { source, unsubscribe } = createSource();
    await source.fetchClientSecret();
    unsubscribe();
    await clock.advance(1790 * SECOND);
    expect(endpoint.calls).toHaveLength(1);
  });

  it('is off with warm: false', async () => {
    await handFirst({ warm: false });
    await clock.advance(1790 * SECOND);
    expect(endpoint.calls).toHaveLength(1);
  });

  it('is claimed while in flight instead of starting a second request', async () => {
    const { source } = await handFirst();
    const release = endpoint.holdNext();
    await clock.advance(1740 * SECOND);
    expect(endpoint.calls).toHaveLength(2);
    const refresh = source.fetchClientSecret();
    release();
    expect(await refresh).toBe('accs_secret_TEST2');
    expect(endpoint.calls).toHaveLength(2);
    expect(source.getState().fetchCount).toBe(2);
  });

  it('failing is not an error the user sees; Connect.js then fetches on demand', async () => {
    const { source } = await handFirst();
    endpoint.failNext(new EmbedkitError('down', { code: 'http', status: 503, retryable: true }));
    await clock.advance(1740 * SECOND);
    expect(endpoint.calls).toHaveLength(2);
    expect(source.getState()).toMatchObject({ status: 'success', error: null, isFetching: false });
    expect(await source.fetchClientSecret()).toBe('accs_secret_TEST2');
  });
});

describe('subscribers', () => {
  it('aborts the request in flight when the last subscriber leaves, without an error state', async () => {
    const { source, unsubscribe } = createSource();
    endpoint.holdNext();
    const answer = source.fetchClientSecret();
    const other = source.subscribe(() => {});
    unsubscribe();
    await clock.flush();
    expect(endpoint.calls[0]!.signal.aborted).toBe(false);
    other();
    await clock.flush();
    expect(endpoint.calls[0]!.signal.aborted).toBe(true);
    await expect(answer).rejects.toMatchObject({ code: 'aborted' });
    expect(source.getState()).toMatchObject({ status: 'idle', isFetching: false, error: null });
  });

  it('survives a synchronous unsubscribe/resubscribe (React StrictMode) without aborting', async () => {
    const { source, unsubscribe } = createSource();
    const release = endpoint.holdNext();
    const answer = source.fetchClientSecret();
    unsubscribe();
    const again = source.subscribe(() => {});
    await clock.flush();
    release();
    expect(await answer).toBe('accs_secret_TEST1');
    expect(endpoint.calls).toHaveLength(1);
    again();
  });

  it('dispose() aborts, stops timers and rejects later calls with a message naming the fix', async () => {
    const { source } = createSource();
    await source.fetchClientSecret();
    source.dispose();
    expect(clock.pendingTimers()).toBe(0);
    const error = await source.fetchClientSecret().catch((e: EmbedkitError) => e);
    expect(error).toMatchObject({ code: 'aborted' });
    expect((error as Error).message).toMatch(/disposed/);
  });
});

describe('options', () => {
  it.each([
    [{ fetchSecret: 42 }, /AccountSession: fetchSecret must be/],
    [{ warm: { leadSeconds: -1 } }, /warm.leadSeconds must be a number of seconds/],
    [{ warm: { maxAgeSeconds: Number.NaN } }, /warm.maxAgeSeconds must be/],
  ])('rejects %o when created, naming the option', (options, message) => {
    const create = () => new AccountSessionSource({ fetchSecret: endpoint.fetchSecret, ...(options as Partial<AccountSessionSourceOptions>) });
    expect(create).toThrow(message);
    expect(create).toThrow(expect.objectContaining({ code: 'invalid_options' }));
  });
});

describe('secrecy', () => {
  it('state, its errors and the source itself never show a secret', async () => {
    const { source } = createSource();
    await source.fetchClientSecret();
    await clock.advance(1740 * SECOND); // a warm secret is held too
    endpoint.failNext(new EmbedkitError('down', { code: 'http', status: 400 }));
    await clock.advance(100 * SECOND);
    await source.fetchClientSecret();
    const dumps = [JSON.stringify(source.getState()), inspect(source.getState(), { depth: 10 }), inspect(source, { depth: 10, showHidden: true })];
    for (const dump of dumps) for (const secret of endpoint.issued) expect(dump).not.toContain(secret);
  });
});
