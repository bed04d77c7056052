import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The two comparison pages, built once per bench run. Development mode on purpose: StrictMode's
 * double mount (row 1) only happens in React's development build, and both pages get the same
 * build. `embedkit` resolves to the source, as a user's bundler would see the package.
 */
export default defineConfig({
  root: here('.'),
  mode: 'development',
  logLevel: 'warn',
  plugins: [react()],
  resolve: { alias: { embedkit: here('../../src/index.ts') } },
  define: { 'process.env.NODE_ENV': JSON.stringify('development') },
  build: {
    outDir: here('../.tmp/pages'),
    emptyOutDir: true,
    minify: false,
    rolldownOptions: { input: { quickstart: here('quickstart.html'), embedkit: here('embedkit.html') } },
  },
});
