// @vitest-environment jsdom
import { inspect } from 'node:util';
import { cleanup, render, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider, dehydrate } from '@tanstack/react-query';
import { ConnectPayments } from '@stripe/react-connect-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectProvider } from './connect/ConnectProvider.js';
import { EMBEDKIT_QUERY_META, LinkSessionsToQueryClient } from './queryCache.js';
import { useCustomerSession } from './customerSession/useCustomerSession.js';
import { useAccountSession } from './connect/useAccountSession.js';
import { installFakeConnect } from './__tests__/fakeConnect.js';
import { secretFunction } from './__tests__/secretFor.js';

const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'] as const;
let printed: unknown[][];
beforeEach(() => {
  printed = [];
  for (const method of consoleMethods) vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args));
  installFakeConnect();
});
afterEach(cleanup);

/** Every raw secret a fetchSecret function handed out. */
async function rawSecrets(fetchers: Array<ReturnType<typeof secretFunction>>): Promise<string[]> {
  const results = fetchers.flatMap((fetcher) => fetcher.mock.results.map((result) => result.value as Promise<{ client_secret: string }>));
  return (await Promise.all(results)).map((answer) => answer.client_secret);
}

describe('secrets stay in memory', () => {
  it('are absent from the dehydrated query cache and from console output, and the kit’s queries are marked', async () => {
    const client = new QueryClient();
    const accountSecrets = secretFunction('accs_secret_');
    const customerSecrets = secretFunction('cuss_secret_');
    const hookSecrets = secretFunction('accs_secret_');
    function Checkout() {
      const customer = useCustomerSession({ fetchSecret: customerSecrets });
      const account = useAccountSession({ fetchSecret: hookSecrets });
      // What an app might log while debugging: the hook results themselves.
      console.log('customer session', customer, 'account session', account);
      return customer.status === 'success' && account.status !== 'pending' ? <p>ready</p> : null;
    }
    function FetchOnce() {
      const account = useAccountSession({ fetchSecret: hookSecrets });
      return <button onClick={() => void account.fetchClientSecret()}>fetch</button>;
    }
    const view = render(
      <QueryClientProvider client={client}>
        <LinkSessionsToQueryClient />
        <ConnectProvider publishableKey="pk_test_1" fetchSecret={accountSecrets} account="acct_1" onError={(event) => console.error(event)}>
          <ConnectPayments />
        </ConnectProvider>
        <Checkout />
        <FetchOnce />
      </QueryClientProvider>,
    );
    view.getByText('fetch').click();
    await waitFor(() => expect(document.querySelector('stripe-connect-payments')).not.toBeNull());
    await waitFor(() => expect(view.getByText('ready')).toBeTruthy());
    await waitFor(() => expect(hookSecrets).toHaveBeenCalled());

    const secrets = await rawSecrets([accountSecrets, customerSecrets, hookSecrets]);
    expect(secrets.length).toBeGreaterThanOrEqual(3);

    const queries = client.getQueryCache().findAll({ queryKey: ['embedkit'] });
    expect(queries.map((query) => query.queryKey[1]).sort()).toEqual(['account_session', 'account_session', 'account_session', 'customer_session']);
    expect(queries.every((query) => query.meta === EMBEDKIT_QUERY_META)).toBe(true);
    const provider = queries.find((query) => query.queryKey[3] === 'acct_1')!;
    expect(provider.state.data).toMatchObject({ status: 'success', redacted: 'accs_secret_…[redacted]', fetchCount: 1 });

    const dehydrated = JSON.stringify(dehydrate(client));
    const shown = printed.map((args) => inspect(args, { depth: 10 })).join('\n');
    for (const secret of secrets) {
      expect(dehydrated).not.toContain(secret);
      expect(shown).not.toContain(secret);
      expect(JSON.stringify(queries.map((query) => query.queryKey))).not.toContain(secret);
    }
    expect(dehydrated).toContain('[redacted]');
  });
});
