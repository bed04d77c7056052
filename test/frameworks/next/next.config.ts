import type { NextConfig } from 'next';

const config: NextConfig = {
  // next dev serves its dev resources (HMR, the client runtime) to localhost only; browsing at
  // 127.0.0.1 needs this, or the page never hydrates.
  allowedDevOrigins: ['127.0.0.1'],
  // The app lives inside embedkit's repository; its own folder is the project root.
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
};

export default config;
