// The same three components as quickstart.tsx, with embedkit owning the instance and the secret.
// Loader starts and load errors are taken from each component's own props, exactly as on the
// quickstart page, so both pages measure the same moments the same way.
import { ConnectNotificationBanner, ConnectPayments, ConnectPayouts, ConnectProvider, preloadConnect } from 'embedkit';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PUBLISHABLE_KEY, SECRET_ENDPOINT } from './benchConfig';
import { markLoadError, markLoaderStart } from './markLoaderStart';

// As the README recommends: the first secret is on its way before React renders anything.
preloadConnect({ publishableKey: PUBLISHABLE_KEY, fetchSecret: SECRET_ENDPOINT });

function App() {
  return (
    <ConnectProvider publishableKey={PUBLISHABLE_KEY} fetchSecret={SECRET_ENDPOINT}>
      <ConnectNotificationBanner onLoaderStart={markLoaderStart} onLoadError={markLoadError} />
      <ConnectPayments onLoaderStart={markLoaderStart} onLoadError={markLoadError} />
      <ConnectPayouts onLoaderStart={markLoaderStart} onLoadError={markLoadError} />
    </ConnectProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
