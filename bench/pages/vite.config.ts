import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The comparison pages (the quickstart also with embedkit's HTML hint, for rows 1–2), built once per bench run in each mode (`vite build --mode …`):
 * development, because StrictMode's double mount (row 1) only happens in React's development
 * build, and production, which is what users ship. `embedkit` resolves to the source, as a user's
 * bundler would see the package. Relative asset URLs let both builds sit under one server.
 */
export default defineConfig(({ mode }) => ({
  root: here('.'),
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  resolve: { alias: { embedkit: here('../../src/index.ts') } },
  define: { 'process.env.NODE_ENV': JSON.stringify(mode === 'production' ? 'production' : 'development') },
  build: {
    outDir: here(`../.tmp/pages/${mode}`),
    emptyOutDir: true,
    minify: mode === 'production',
    rolldownOptions: { input: { quickstart: here('quickstart.html'), 'quickstart-hinted': here('quickstart-hinted.html'), embedkit: here('embedkit.html') } },
  },
}));
