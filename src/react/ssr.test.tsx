// Server rendering runs in Node with no DOM at all: touching `window` or `document` would throw.
import { version as reactVersion } from 'react';
import { renderToString } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { LinkSessionsToQueryClient } from '../tanstack-query.js';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => vi.unstubAllEnvs());

describe('server rendering', () => {
  it('imports and renders every export without touching window or fetching anything', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const embedkit = await import('../index.js');
    const { ConnectProvider, ConnectPayments, ConnectAccountOnboarding, PricingTable, BuyButton, useCustomerSession, useFinancialConnections, useAccountSession } = embedkit;
    const fetchSecret = vi.fn(async () => ({ client_secret: 'accs_secret_ssr', expires_at: 4_000_000_000 }));
    // On a server the secret part of a preload does nothing: no module-level secret between requests.
    embedkit.preloadConnect({ publishableKey: 'pk_test_ssr', fetchSecret });

    function Panel() {
      const account = useAccountSession({ fetchSecret });
      const customer = useCustomerSession({ fetchSecret });
      const bank = useFinancialConnections({ publishableKey: 'pk_test_ssr', fetchSecret });
      return <p>{[account.status, customer.status, customer.clientSecret, bank.status].join(',')}</p>;
    }

    const html = renderToString(
      <QueryClientProvider client={new QueryClient()}>
        <LinkSessionsToQueryClient />
        <ConnectProvider publishableKey="pk_test_ssr" fetchSecret={fetchSecret} fallback={<p>Loading payments</p>}>
          <ConnectPayments />
          <ConnectAccountOnboarding onExit={() => {}} />
        </ConnectProvider>
        <Panel />
        <PricingTable pricingTableId="prctbl_1" publishableKey="pk_test_ssr" />
        <BuyButton buyButtonId="buy_btn_1" publishableKey="pk_test_ssr" />
      </QueryClientProvider>,
    );

    expect(typeof window).toBe('undefined');
    expect(html).toContain('Loading payments');
    // React 19 hoists the provider's preload into the HTML, so the browser starts on Connect.js
    // first; React 18 has no preload API (the client-side hint still applies there).
    const hint = '<link rel="preload" href="https://connect-js.stripe.com/v1.0/connect.js" as="script"/>';
    if (reactVersion.startsWith('18.')) expect(html).not.toContain('rel="preload"');
    else expect(html).toContain(hint);
    expect(html).toContain('<p>idle,idle,,loading</p>');
    expect(fetchSecret).not.toHaveBeenCalled();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('leaves out the Connect.js hint when the server runs with the sandbox, whose stand-ins replace it', async () => {
    vi.stubEnv('EMBEDKIT_SANDBOX_URL', 'http://127.0.0.1:12111');
    const { ConnectProvider, preloadConnect } = await import('../index.js');
    const fetchSecret = vi.fn(async () => ({ client_secret: 'accs_secret_ssr', expires_at: 4_000_000_000 }));
    function Page() {
      preloadConnect();
      return <ConnectProvider publishableKey="pk_test_ssr" fetchSecret={fetchSecret} fallback={<p>Loading payments</p>} />;
    }
    const html = renderToString(<Page />);
    expect(html).toContain('Loading payments');
    expect(html).not.toContain('connect-js.stripe.com');
  });
});
