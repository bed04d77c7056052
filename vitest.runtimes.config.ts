/**
 * The runtime matrix (test/runtimes): the built handlers on Node, workerd, edge-runtime, Bun and
 * Deno. Its runtimes live in their own install (test/runtimes/package.json, installed by
 * scripts/setup.mjs --tests like every test/ sub-install), so the main install stays small.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/runtimes/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
