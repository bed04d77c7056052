/**
 * The React tests again, on React 18 (the older supported major; the main run uses React 19).
 * React 18 lives in its own small install (test/react18) because react-dom 18's peer range cannot
 * sit beside React 19 in the root node_modules. Packages that import React are inlined, so they
 * resolve the same React 18 as our code instead of the root React 19.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = (path: string) => fileURLToPath(new URL(`./node_modules/${path}`, import.meta.url));
const react18 = (path: string) => fileURLToPath(new URL(`./test/react18/node_modules/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^react$/, replacement: react18('react/index.js') },
      { find: /^react\/(.*)$/, replacement: react18('react/$1') },
      { find: /^react-dom$/, replacement: react18('react-dom/index.js') },
      { find: /^react-dom\/(.*)$/, replacement: react18('react-dom/$1') },
      // Their "main" is CommonJS, whose require() would bypass these aliases: use their ESM builds.
      { find: /^@testing-library\/react$/, replacement: root('@testing-library/react/dist/@testing-library/react.esm.js') },
      { find: /^@stripe\/react-connect-js$/, replacement: root('@stripe/react-connect-js/dist/react-connect.esm.js') },
    ],
  },
  test: {
    include: ['src/react/**/*.test.{ts,tsx}'],
    setupFiles: ['test/assertReact18.ts'],
    restoreMocks: true,
    server: { deps: { inline: [/@stripe\/react-/, /@testing-library\//, /@tanstack\//] } },
  },
});
