// Stripe's quickstart pattern, written as the docs write it: the official packages used directly,
// the instance created in a lazy useState, the secret fetched by a hand-written function.
import { loadConnectAndInitialize } from '@stripe/connect-js';
import {
  ConnectComponentsProvider,
  ConnectNotificationBanner,
  ConnectPayments,
  ConnectPayouts,
} from '@stripe/react-connect-js';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { PUBLISHABLE_KEY, SECRET_ENDPOINT } from './benchConfig';
import { markLoadError, markLoaderStart } from './markLoaderStart';

function App() {
  const [stripeConnectInstance] = useState(() => {
    const fetchClientSecret = async () => {
      const response = await fetch(SECRET_ENDPOINT, { method: 'POST' });
      if (!response.ok) return undefined as unknown as string;
      const { client_secret: clientSecret } = (await response.json()) as { client_secret: string };
      return clientSecret;
    };
    return loadConnectAndInitialize({ publishableKey: PUBLISHABLE_KEY, fetchClientSecret });
  });
  return (
    <ConnectComponentsProvider connectInstance={stripeConnectInstance}>
      <ConnectNotificationBanner onLoaderStart={markLoaderStart} onLoadError={markLoadError} />
      <ConnectPayments onLoaderStart={markLoaderStart} onLoadError={markLoadError} />
      <ConnectPayouts onLoaderStart={markLoaderStart} onLoadError={markLoadError} />
    </ConnectComponentsProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
