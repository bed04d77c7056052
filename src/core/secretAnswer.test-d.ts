import { describe, expectTypeOf, it } from 'vitest';
import type {
  ConnectProviderProps,
  PreloadConnectOptions,
  SecretAnswer,
  UseAccountSessionOptions,
  UseCustomerSessionOptions,
  UseFinancialConnectionsOptions,
} from '../index.js';

// The runtime (parseSecretAnswer) refuses an AccountSession or CustomerSession answer without
// expires_at; the types must refuse the same answers, and accept what it accepts.
describe('SecretAnswer, per session kind', () => {
  it('requires expires_at for AccountSession and CustomerSession', () => {
    expectTypeOf({ client_secret: 's', expires_at: 1 }).toExtend<SecretAnswer<'account_session'>>();
    expectTypeOf({ clientSecret: 's', expiresAt: 1 }).toExtend<SecretAnswer<'customer_session'>>();
    expectTypeOf('accs_secret_x').not.toExtend<SecretAnswer<'account_session'>>();
    expectTypeOf('cuss_secret_x').not.toExtend<SecretAnswer<'customer_session'>>();
    expectTypeOf({ client_secret: 's' }).not.toExtend<SecretAnswer<'account_session'>>();
    expectTypeOf({ client_secret: 's', expires_at: null }).not.toExtend<SecretAnswer<'customer_session'>>();
  });

  it('takes a bare string or { client_secret } for Financial Connections, which has no expires_at', () => {
    expectTypeOf('fcsess_1_secret_x').toExtend<SecretAnswer<'financial_connections_session'>>();
    expectTypeOf({ client_secret: 's' }).toExtend<SecretAnswer<'financial_connections_session'>>();
    expectTypeOf({ clientSecret: 's' }).toExtend<SecretAnswer<'financial_connections_session'>>();
  });
});

describe('fetchSecret of each public entry point', () => {
  const bare = async () => 'secret';
  const withoutExpiry = async () => ({ client_secret: 'secret' });
  const full = async () => ({ client_secret: 'secret', expires_at: 1 });

  it('refuses a bare string or a missing expires_at where the runtime does', () => {
    expectTypeOf(bare).not.toExtend<ConnectProviderProps['fetchSecret']>();
    expectTypeOf(withoutExpiry).not.toExtend<ConnectProviderProps['fetchSecret']>();
    expectTypeOf(bare).not.toExtend<PreloadConnectOptions['fetchSecret']>();
    expectTypeOf(withoutExpiry).not.toExtend<UseAccountSessionOptions['fetchSecret']>();
    expectTypeOf(bare).not.toExtend<UseCustomerSessionOptions['fetchSecret']>();
    expectTypeOf(withoutExpiry).not.toExtend<UseCustomerSessionOptions['fetchSecret']>();
  });

  it('accepts the full answer everywhere, and a bare string for Financial Connections', () => {
    expectTypeOf(full).toExtend<ConnectProviderProps['fetchSecret']>();
    expectTypeOf(full).toExtend<UseCustomerSessionOptions['fetchSecret']>();
    expectTypeOf(full).toExtend<UseFinancialConnectionsOptions['fetchSecret']>();
    expectTypeOf(bare).toExtend<UseFinancialConnectionsOptions['fetchSecret']>();
    expectTypeOf(withoutExpiry).toExtend<UseFinancialConnectionsOptions['fetchSecret']>();
    expectTypeOf('/api/account-session').toExtend<ConnectProviderProps['fetchSecret']>();
  });
});
