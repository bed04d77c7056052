/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { configDefaults } from 'vitest/config';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  peerDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
};
const bare = [...Object.keys(pkg.peerDependencies ?? {}), ...Object.keys(pkg.dependencies ?? {}), 'stripe', 'vite', '@playwright/test'];
const isExternal = (id: string) =>
  id.startsWith('node:') || bare.some((name) => id === name || id.startsWith(`${name}/`));

/** Library entries: one per public subpath. */
export const entries = {
  index: 'src/index.ts',
  'tanstack-query': 'src/tanstack-query.ts',
  'server/index': 'src/server/index.ts',
  'sandbox/index': 'src/sandbox/index.ts',
  'sandbox/vite': 'src/sandbox/vite.ts',
  'sandbox/playwright': 'src/sandbox/playwright.ts',
  'sandbox/react': 'src/sandbox/react.tsx',
  'sandbox/unsupportedRuntime': 'src/sandbox/unsupportedRuntime.ts',
  'sandbox/cli': 'src/sandbox/cli.ts',
};

/**
 * Keeps React Server Components happy: every built module that came from src/react (hooks,
 * providers) starts with 'use client'. Bundlers drop module-level directives, so we add it back
 * per output chunk instead of trusting the source file's own directive to survive.
 * src/react/universal/ is the exception: code a Server Component may call too (`preloadConnect`),
 * which a 'use client' would turn into a reference that throws when called on the server.
 */
function useClientDirective() {
  return {
    name: 'embedkit:use-client',
    renderChunk(code: string, chunk: { facadeModuleId: string | null; moduleIds: string[] }) {
      const fromReact = chunk.moduleIds.some((id) => id.includes('/src/react/') && !id.includes('/src/react/universal/'));
      if (!fromReact || /^['"]use client['"]/.test(code)) return null;
      return { code: `'use client';\n${code}`, map: null };
    },
  };
}

export default defineConfig({
  plugins: [useClientDirective()],
  build: {
    target: 'es2022',
    minify: false,
    sourcemap: false,
    emptyOutDir: true,
    lib: { entry: entries, formats: ['es'] },
    rolldownOptions: {
      external: isExternal,
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
      },
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}', 'bench/**/*.test.{ts,tsx}'],
    // The runtime matrix has its own install and command (npm run test:runtimes).
    exclude: [...configDefaults.exclude, 'test/runtimes/**'],
    typecheck: { enabled: true, include: ['src/**/*.test-d.{ts,tsx}', 'test/**/*.test-d.{ts,tsx}'], tsconfig: './tsconfig.json' },
    restoreMocks: true,
  },
});
