import { describe, expectTypeOf, it } from 'vitest';
import type { ClientSecret } from './ClientSecret.js';
import type { CustomerSessionState } from './CustomerSessionSource.js';
import type { EmbedkitError } from './EmbedkitError.js';
import type { FetchSecret, SessionState } from './types.js';

describe('SessionState', () => {
  it('narrows by status', () => {
    const state = {} as SessionState;
    if (state.status === 'success') {
      expectTypeOf(state.error).toEqualTypeOf<null>();
      expectTypeOf(state.redacted).toEqualTypeOf<string>();
    }
    if (state.status === 'error') expectTypeOf(state.error).toEqualTypeOf<EmbedkitError>();
    if (state.status === 'pending' || state.status === 'idle') expectTypeOf(state.expiresAt).toEqualTypeOf<null>();
  });

  it('gives CustomerSession state its secret', () => {
    expectTypeOf<CustomerSessionState['secret']>().toEqualTypeOf<ClientSecret | null>();
  });
});

describe('FetchSecret', () => {
  it('accepts a URL, a request description and functions answering either case', () => {
    expectTypeOf('/api/session').toExtend<FetchSecret>();
    expectTypeOf({ url: '/api/session', headers: { 'x-csrf': 't' }, body: { a: 1 } }).toExtend<FetchSecret>();
    expectTypeOf(async () => ({ client_secret: 's', expires_at: 1 })).toExtend<FetchSecret>();
    expectTypeOf(() => ({ clientSecret: 's', expiresAt: 1 })).toExtend<FetchSecret>();
    expectTypeOf({ method: 'POST' }).not.toExtend<FetchSecret>();
  });
});
