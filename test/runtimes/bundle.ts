/**
 * Bundles app.ts (with the built dist and stripe's worker build) into one classic script that
 * defines `globalThis.createEmbedkitApp`: what workerd's service-worker format, Vercel's
 * edge-runtime (`initialCode`), Deno and Bun can all run without a module resolver.
 */
import { rolldown } from 'rolldown';
import { fileURLToPath } from 'node:url';

export async function bundleApp(): Promise<string> {
  const build = await rolldown({
    input: fileURLToPath(new URL('./appEntry.ts', import.meta.url)),
    platform: 'browser',
    resolve: { conditionNames: ['worker', 'browser', 'import', 'default'] },
    logLevel: 'warn',
  });
  try {
    const { output } = await build.generate({ format: 'iife' });
    return output[0].code;
  } finally {
    await build.close();
  }
}
