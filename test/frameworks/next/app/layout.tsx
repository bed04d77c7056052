// file: app/layout.tsx
import type { ReactNode } from 'react';
import { SandboxScripts } from 'embedkit/sandbox/react';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <title>embedkit on Next.js</title>
        {/* The sandbox's stand-ins for Stripe's scripts; renders nothing when the sandbox is off. */}
        <SandboxScripts url={process.env.EMBEDKIT_SANDBOX_URL} />
      </head>
      <body>{children}</body>
    </html>
  );
}
