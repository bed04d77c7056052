// file: app/root.tsx
import type { ReactNode } from 'react';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from 'react-router';
import { SandboxScripts } from 'embedkit/sandbox/react';

/** Runs on the server: where the sandbox is, when the dev server started one. */
export function loader() {
  return { sandboxUrl: process.env.EMBEDKIT_SANDBOX_URL };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <link rel="icon" href="data:," />
        <title>embedkit on React Router</title>
        {/* The sandbox's stand-ins for Stripe's scripts; renders nothing when the sandbox is off. */}
        <SandboxScripts url={data?.sandboxUrl} />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}
