import { useEffect, useMemo, useState } from 'react';
import { ConnectNotificationBanner, ConnectProvider, type ConnectErrorEvent } from 'embedkit';
import type { SignedInUser } from '../server/SignedInUser';
import { ActivityPanel } from './activity/ActivityPanel';
import { OnboardingBadge } from './activity/OnboardingBadge';
import { useActivity } from './activity/useActivity';
import { endpoints, publishableKey } from './config';
import { AccountSwitcher } from './layout/AccountSwitcher';
import { ConnectStatus } from './layout/ConnectStatus';
import { Navigation } from './layout/Navigation';
import { ThemeToggle } from './layout/ThemeToggle';
import { AccountPage } from './pages/AccountPage';
import { BankPage } from './pages/BankPage';
import { CheckoutPage } from './pages/CheckoutPage';
import { OnboardingPage } from './pages/OnboardingPage';
import { PaymentsPage } from './pages/PaymentsPage';
import { PayoutsPage } from './pages/PayoutsPage';
import { PricingPage } from './pages/PricingPage';
import { isConnectRoute, type RoutePath } from './routes';
import { createSessionBoard } from './sessions/sessionBoard';
import { SessionBoardContext } from './sessions/SessionBoardContext';
import { SessionPanel } from './sessions/SessionPanel';
import { connectAppearance, type Theme } from './theme';
import { useHashRoute } from './useHashRoute';
import { useSignedInUser } from './useSignedInUser';

export function App() {
  const signedIn = useSignedInUser();
  const [board] = useState(createSessionBoard);
  return (
    <SessionBoardContext.Provider value={board}>
      {signedIn.status === 'success' ? (
        <Dashboard user={signedIn.user} />
      ) : (
        <main className="splash">
          <h1>Cobalt Market</h1>
          <p role={signedIn.status === 'error' ? 'alert' : 'status'}>
            {signedIn.status === 'error' ? `Could not sign in: ${signedIn.message}` : 'Signing in…'}
          </p>
        </main>
      )}
    </SessionBoardContext.Provider>
  );
}

function Dashboard({ user }: { user: SignedInUser }) {
  const route = useHashRoute();
  const [theme, setTheme] = useState<Theme>('light');
  // Start on the user's first account so the provider never creates a session for "no account".
  const [account, setAccount] = useState(() => user.accounts[0]?.id ?? '');
  // The page background is outside the React tree, so the theme is set on <html> too.
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const accountSession = useMemo(() => ({ url: endpoints.accountSession, credentials: 'same-origin' as const }), []);
  const connectPage = isConnectRoute(route);
  const activity = useActivity();

  return (
    <div className="shell">
      <header className="topbar">
        <h1>Cobalt Market</h1>
        <p className="who">Signed in as {user.name}</p>
        <AccountSwitcher accounts={user.accounts} value={account} onChange={setAccount} />
        <OnboardingBadge activity={activity} account={account} />
        <ThemeToggle theme={theme} onChange={setTheme} />
      </header>
      <Navigation current={route} />
      <main className="content">
        {/* Always mounted, so moving between pages keeps the one Connect.js instance and its session. */}
        <ConnectProvider
          publishableKey={publishableKey}
          fetchSecret={accountSession}
          account={account}
          appearance={connectAppearance[theme]}
          onError={reportConnectError}
          fallback={
            <>
              <ConnectStatus />
              {connectPage ? <p role="status">Loading your account…</p> : null}
            </>
          }
          errorFallback={<ConnectStatus />}
        >
          <ConnectStatus />
          {connectPage ? (
            <>
              <ConnectNotificationBanner />
              <CurrentPage route={route} theme={theme} />
            </>
          ) : null}
        </ConnectProvider>
        {connectPage ? null : <CurrentPage route={route} theme={theme} />}
      </main>
      <aside className="sidebar" aria-label="Session details">
        <SessionPanel />
        <ActivityPanel activity={activity} />
      </aside>
    </div>
  );
}

/** Where a real app would call its error tracker. The kit's errors never contain a secret. */
function reportConnectError(event: ConnectErrorEvent) {
  const detail = event.source === 'component' ? `${event.elementTagName}: ${event.error.type} ${event.error.message ?? ''}` : `${event.source}: ${event.error.message}`;
  console.error(`[dashboard] Connect error (${detail.trim()})`);
}

function CurrentPage({ route, theme }: { route: RoutePath; theme: Theme }) {
  switch (route) {
    case 'onboarding':
      return <OnboardingPage />;
    case 'payments':
      return <PaymentsPage />;
    case 'payouts':
      return <PayoutsPage />;
    case 'account':
      return <AccountPage />;
    case 'bank':
      return <BankPage />;
    case 'checkout':
      return <CheckoutPage theme={theme} />;
    case 'pricing':
      return <PricingPage />;
  }
}
