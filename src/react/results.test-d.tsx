import type { BankAccountToken, Stripe } from '@stripe/stripe-js';
import { describe, expectTypeOf, it } from 'vitest';
import type { EmbedkitError } from '../core/EmbedkitError.js';
import type { ClientSecret } from '../core/ClientSecret.js';
import type { ConnectErrorEvent } from './connect/ConnectProvider.js';
import { useAccountSession } from './connect/useAccountSession.js';
import { useConnect } from './connect/useConnect.js';
import { useCustomerSession } from './customerSession/useCustomerSession.js';
import { useFinancialConnections } from './financialConnections/useFinancialConnections.js';

describe('results narrow by status', () => {
  it('useAccountSession', () => {
    const session = useAccountSession({ fetchSecret: '/api/account_session' });
    expectTypeOf(session.fetchClientSecret).toEqualTypeOf<() => Promise<string>>();
    if (session.status === 'error') expectTypeOf(session.error).toEqualTypeOf<EmbedkitError>();
    if (session.status === 'success') {
      expectTypeOf(session.error).toEqualTypeOf<null>();
      expectTypeOf(session.redacted).toEqualTypeOf<string>();
    }
    if (session.status === 'pending') expectTypeOf(session.expiresAt).toEqualTypeOf<null>();
    expectTypeOf(session.isFetching).toEqualTypeOf<boolean>();
  });

  it('useConnect', () => {
    const connect = useConnect();
    expectTypeOf(connect.logout).toEqualTypeOf<() => Promise<void>>();
    if (connect.status === 'error') expectTypeOf(connect.error).toEqualTypeOf<EmbedkitError>();
    else expectTypeOf(connect.error).toEqualTypeOf<null>();
  });

  it('useCustomerSession', () => {
    const session = useCustomerSession({ fetchSecret: '/api/customer_session', refreshMarginSeconds: 120 });
    expectTypeOf(session.clientSecret).toEqualTypeOf<string | null>();
    expectTypeOf(session.secret).toEqualTypeOf<ClientSecret | null>();
    if (session.status === 'error') expectTypeOf(session.error).toEqualTypeOf<EmbedkitError>();
    if (session.status === 'idle') expectTypeOf(session.redacted).toEqualTypeOf<null>();
  });

  it('useFinancialConnections: status, and the result by type and mode', async () => {
    const bank = useFinancialConnections({ publishableKey: 'pk_test_1', fetchSecret: '/api/fc' });
    if (bank.status === 'error') {
      expectTypeOf(bank.ready).toEqualTypeOf<false>();
      expectTypeOf(bank.error).toEqualTypeOf<Error>();
    }
    if (bank.status === 'ready') expectTypeOf(bank.ready).toEqualTypeOf<true>();
    const ended = await bank.open();
    if (ended.type === 'linked') expectTypeOf(ended.token).toEqualTypeOf<undefined>();
    if (ended.type === 'failed') expectTypeOf(ended.error).not.toBeAny();

    const tokens = useFinancialConnections({ stripe: null as Stripe | null, fetchSecret: '/api/fc', mode: 'bank_account_token' });
    const withToken = await tokens.open();
    if (withToken.type === 'linked') expectTypeOf(withToken.token).toEqualTypeOf<BankAccountToken>();

    // @ts-expect-error: a publishable key or a Stripe instance, not both
    useFinancialConnections({ publishableKey: 'pk_test_1', stripe: null, fetchSecret: '/api/fc' });
  });

  it('ConnectErrorEvent by source', () => {
    const event = {} as ConnectErrorEvent;
    if (event.source === 'component') expectTypeOf(event.elementTagName).toEqualTypeOf<string>();
    if (event.source === 'session') expectTypeOf(event.error).toEqualTypeOf<EmbedkitError>();
  });
});
