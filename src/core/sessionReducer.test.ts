import { describe, expect, it } from 'vitest';
import { EmbedkitError } from './EmbedkitError.js';
import { initialSessionState, sessionReducer, type SessionAction } from './sessionReducer.js';
import type { SessionState } from './types.js';

const handed = { expiresAt: 1_767_227_400, redacted: 'accs_secret_…[redacted]' };
const failure = new EmbedkitError('down', { code: 'http', status: 500 });
const run = (actions: SessionAction[], from: SessionState = initialSessionState) => actions.reduce(sessionReducer, from);
const summary = (s: SessionState) => [s.status, s.isFetching, s.fetchCount, s.redacted !== null, s.error?.code ?? null];

describe('sessionReducer', () => {
  it('first fetch: idle → pending (fetching) → success', () => {
    const states = [initialSessionState];
    for (const action of [{ type: 'fetch' }, { type: 'fetched', handed }] as SessionAction[]) states.push(sessionReducer(states.at(-1)!, action));
    expect(states.map(summary)).toEqual([
      ['idle', false, 0, false, null],
      ['pending', true, 0, false, null],
      ['success', false, 1, true, null],
    ]);
  });

  it('a background fetch keeps success while isFetching', () => {
    const success = run([{ type: 'fetch' }, { type: 'fetched', handed }]);
    expect(summary(sessionReducer(success, { type: 'fetch' }))).toEqual(['success', true, 1, true, null]);
  });

  it('a warm fetch counts but does not change the handed secret', () => {
    const success = run([{ type: 'fetch' }, { type: 'fetched', handed }]);
    const warmed = run([{ type: 'fetch' }, { type: 'fetched', handed: null }], success);
    expect(warmed).toEqual({ ...success, fetchCount: 2 });
  });

  it('a failure keeps the last handed secret info; a background fetch keeps the error', () => {
    const failed = run([{ type: 'fetch' }, { type: 'fetched', handed }, { type: 'fetch' }, { type: 'failed', error: failure }]);
    expect(failed).toMatchObject({ status: 'error', error: failure, ...handed, isFetching: false });
    expect(sessionReducer(failed, { type: 'fetch' })).toMatchObject({ status: 'error', isFetching: true });
  });

  it('a user retry clears the error: back to success with a secret, pending without', () => {
    const withSecret = run([{ type: 'fetched', handed }, { type: 'failed', error: failure }, { type: 'fetch', clearError: true }]);
    expect(summary(withSecret)).toEqual(['success', true, 1, true, null]);
    const without = run([{ type: 'fetch' }, { type: 'failed', error: failure }, { type: 'fetch', clearError: true }]);
    expect(summary(without)).toEqual(['pending', true, 0, false, null]);
  });

  it('cancelling a first fetch goes back to idle; cancelling a background one only stops fetching', () => {
    expect(run([{ type: 'fetch' }, { type: 'cancelled' }])).toEqual(initialSessionState);
    const success = run([{ type: 'fetched', handed }]);
    expect(run([{ type: 'fetch' }, { type: 'cancelled' }], success)).toEqual(success);
    expect(sessionReducer(success, { type: 'cancelled' })).toBe(success);
  });

  it('handing a warm secret is success with its expiry', () => {
    const next = run([{ type: 'fetched', handed }, { type: 'handed', handed: { expiresAt: handed.expiresAt + 1800, redacted: handed.redacted } }]);
    expect(next).toMatchObject({ status: 'success', expiresAt: handed.expiresAt + 1800, fetchCount: 1 });
  });

  it('dropping an expired secret leaves no secret info behind', () => {
    expect(summary(run([{ type: 'fetched', handed }, { type: 'dropped' }]))).toEqual(['pending', false, 1, false, null]);
    expect(run([{ type: 'fetched', handed }, { type: 'failed', error: failure }, { type: 'dropped' }])).toMatchObject({ status: 'error', expiresAt: null, redacted: null });
    expect(sessionReducer(initialSessionState, { type: 'dropped' })).toBe(initialSessionState);
  });
});
