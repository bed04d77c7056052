// The same three components as quickstart.tsx, with embedkit owning the instance and the secret.
import { ConnectNotificationBanner, ConnectPayments, ConnectPayouts, ConnectProvider } from 'embedkit';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PUBLISHABLE_KEY, SECRET_ENDPOINT } from './benchConfig';
import { markLoadError, markLoaderStart } from './markLoaderStart';

// Loader starts and load errors are taken at the provider, which hears every component's. (A
// component's own onLoaderStart prop under <ConnectProvider> is not called by the sandbox
// stand-in: the provider's listener is installed first and the stand-in delivers the event once.)
function App() {
  return (
    <ConnectProvider
      publishableKey={PUBLISHABLE_KEY}
      fetchSecret={SECRET_ENDPOINT}
      onLoaderStart={markLoaderStart}
      onError={(event) => event.source === 'component' && markLoadError(event)}
    >
      <ConnectNotificationBanner />
      <ConnectPayments />
      <ConnectPayouts />
    </ConnectProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
