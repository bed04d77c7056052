import type { NextConfig } from 'next';

const config: NextConfig = {
  // The app lives inside embedkit's repository; its own folder is the project root.
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
};

export default config;
