// @vitest-environment jsdom
import { StrictMode, type ReactNode } from 'react';
import { act, render, renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConnectPayments } from '@stripe/react-connect-js';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ConnectProvider } from './connect/ConnectProvider.js';
import { useAccountSession } from './connect/useAccountSession.js';
import { useCustomerSession } from './customerSession/useCustomerSession.js';
import { LinkSessionsToQueryClient, linkSessionsToQueryClient } from './queryCache.js';
import { installFakeConnectForEachTest, type FakeConnect } from './__tests__/fakeConnect.js';
import { secretFunction } from './__tests__/secretFor.js';

let fake: FakeConnect;
installFakeConnectForEachTest((installed) => (fake = installed));

function withClient(client: QueryClient) {
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <LinkSessionsToQueryClient />
      {children}
    </QueryClientProvider>
  );
}

describe("TanStack Query's levers on embedkit's sessions", () => {
  it('invalidateQueries on a CustomerSession key publishes a new secret now', async () => {
    const client = new QueryClient();
    const fetchSecret = secretFunction('cuss_secret_');
    const { result } = renderHook(() => useCustomerSession({ fetchSecret }), { wrapper: withClient(client) });
    await waitFor(() => expect(result.current.clientSecret).toMatch(/^cuss_secret_test1_/));
    await act(() => client.invalidateQueries({ queryKey: ['embedkit', 'customer_session'] }));
    await waitFor(() => expect(result.current.clientSecret).toMatch(/^cuss_secret_test2_/));
    expect(fetchSecret).toHaveBeenCalledTimes(2);
    expect(client.getQueryCache().findAll({ queryKey: ['embedkit', 'customer_session'] })[0]!.state.data).toMatchObject({ status: 'success', fetchCount: 2 });
  });

  it('clear() at sign-out drops a CustomerSession: its secret is gone, and a mounted hook starts a new session', async () => {
    const client = new QueryClient();
    const fetchSecret = secretFunction('cuss_secret_');
    const { result } = renderHook(() => useCustomerSession({ fetchSecret }), { wrapper: withClient(client) });
    await waitFor(() => expect(result.current.clientSecret).toMatch(/^cuss_secret_test1_/));
    const dropped = result.current.refresh;
    act(() => client.clear());
    await waitFor(() => expect(result.current.clientSecret).toMatch(/^cuss_secret_test2_/));
    expect(result.current.refresh).not.toBe(dropped);
    expect(result.current.fetchCount).toBe(1);
    // The new session is mirrored again, under the same key.
    expect(client.getQueryCache().findAll({ queryKey: ['embedkit', 'customer_session'] })).toHaveLength(1);
  });

  it('invalidateQueries on an AccountSession key requests a new secret, which Connect.js gets at its next call without waiting', async () => {
    const client = new QueryClient();
    const fetchSecret = secretFunction('accs_secret_');
    const { result } = renderHook(() => useAccountSession({ fetchSecret, warm: false }), { wrapper: withClient(client) });
    await act(async () => void (await result.current.fetchClientSecret()));
    await act(() => client.invalidateQueries({ queryKey: ['embedkit', 'account_session'] }));
    await waitFor(() => expect(fetchSecret).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(result.current.isFetching).toBe(false));
    let next = '';
    await act(async () => void (next = await result.current.fetchClientSecret()));
    expect(next).toMatch(/^accs_secret_test2_/);
    expect(fetchSecret).toHaveBeenCalledTimes(2);
  });

  it("removeQueries on a provider's session logs its Connect.js instance out and starts a new session and instance", async () => {
    const client = new QueryClient();
    const fetchSecret = secretFunction('accs_secret_');
    render(
      <QueryClientProvider client={client}>
        <LinkSessionsToQueryClient />
        <ConnectProvider publishableKey="pk_test_1" fetchSecret={fetchSecret} account="acct_1">
          <ConnectPayments />
        </ConnectProvider>
      </QueryClientProvider>,
    );
    await waitFor(() => expect(fetchSecret).toHaveBeenCalledTimes(1));
    act(() => client.removeQueries({ queryKey: ['embedkit', 'account_session'] }));
    await waitFor(() => expect(fake.init).toHaveBeenCalledTimes(2));
    expect(fake.instances[0]!.logout).toHaveBeenCalledTimes(1);
    expect(fake.log.filter((entry) => !entry.startsWith('update'))).toEqual(['init:pk_test_1', 'logout', 'init:pk_test_1']);
    await waitFor(() => expect(fetchSecret).toHaveBeenCalledTimes(2));
    expect(fetchSecret.mock.calls.map(([context]) => context.params.account)).toEqual(['acct_1', 'acct_1']);
  });
});

describe('linking is opt-in', () => {
  const embedkitQueries = (client: QueryClient) => client.getQueryCache().findAll({ queryKey: ['embedkit'] });

  it('without a link, a QueryClientProvider changes nothing: the session works and its cache holds none of it', async () => {
    const client = new QueryClient();
    const fetchSecret = secretFunction('cuss_secret_');
    const { result } = renderHook(() => useCustomerSession({ fetchSecret }), {
      wrapper: ({ children }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>,
    });
    await waitFor(() => expect(result.current.clientSecret).toMatch(/^cuss_secret_test1_/));
    expect(embedkitQueries(client)).toEqual([]);
    await act(() => client.invalidateQueries());
    act(() => client.clear());
    expect(result.current.clientSecret).toMatch(/^cuss_secret_test1_/);
    expect(fetchSecret).toHaveBeenCalledTimes(1);
  });

  it('a link mirrors the sessions already running too, and unlinking removes the mirror and the levers while the session runs on', async () => {
    const client = new QueryClient();
    const fetchSecret = secretFunction('cuss_secret_');
    const { result } = renderHook(() => useCustomerSession({ fetchSecret }));
    await waitFor(() => expect(result.current.clientSecret).toMatch(/^cuss_secret_test1_/));

    const unlink = linkSessionsToQueryClient(client);
    onTestFinished(unlink);
    expect(embedkitQueries(client).map((query) => query.state.data)).toEqual([expect.objectContaining({ status: 'success', fetchCount: 1 })]);
    await act(() => client.invalidateQueries({ queryKey: ['embedkit', 'customer_session'] }));
    await waitFor(() => expect(result.current.clientSecret).toMatch(/^cuss_secret_test2_/));

    unlink();
    expect(embedkitQueries(client)).toEqual([]);
    act(() => client.clear());
    await act(() => client.invalidateQueries());
    expect(result.current.clientSecret).toMatch(/^cuss_secret_test2_/);
    expect(fetchSecret).toHaveBeenCalledTimes(2);
  });

  it('with two linked QueryClients, each mirrors every session and either one\'s clear() drops it', async () => {
    const [first, second] = [new QueryClient(), new QueryClient()];
    // Page-wide links: unlinked even when an assertion fails, so no later test sees them.
    for (const client of [first, second]) onTestFinished(linkSessionsToQueryClient(client));
    const fetchSecret = secretFunction('cuss_secret_');
    const { result } = renderHook(() => useCustomerSession({ fetchSecret }));
    await waitFor(() => expect(result.current.clientSecret).toMatch(/^cuss_secret_test1_/));
    expect([embedkitQueries(first), embedkitQueries(second)].map((queries) => queries.length)).toEqual([1, 1]);
    act(() => second.clear());
    await waitFor(() => expect(result.current.clientSecret).toMatch(/^cuss_secret_test2_/));
    expect([first, second].map((client) => embedkitQueries(client).map((query) => query.state.data))).toEqual([
      [expect.objectContaining({ status: 'success', fetchCount: 1 })],
      [expect.objectContaining({ status: 'success', fetchCount: 1 })],
    ]);
  });

  it('under StrictMode, mirrors one session once and makes one request', async () => {
    const client = new QueryClient();
    const fetchSecret = secretFunction('cuss_secret_');
    const { result } = renderHook(() => useCustomerSession({ fetchSecret }), {
      wrapper: ({ children }) => <StrictMode>{withClient(client)({ children })}</StrictMode>,
    });
    await waitFor(() => expect(result.current.clientSecret).toMatch(/^cuss_secret_test1_/));
    expect(embedkitQueries(client).map((query) => query.state.data)).toEqual([expect.objectContaining({ status: 'success', fetchCount: 1 })]);
    expect(fetchSecret).toHaveBeenCalledTimes(1);
  });
});
