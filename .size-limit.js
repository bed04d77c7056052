// Per-part size budgets (issue #13), read from bench/sizeBudgets.json so bench row 5 reports the
// same parts. Measured as an app bundler ships them: peers external (size-limit leaves
// peerDependencies out) and process.env.NODE_ENV defined as "production".
import { readFileSync } from 'node:fs';

const { parts } = JSON.parse(readFileSync(new URL('./bench/sizeBudgets.json', import.meta.url), 'utf8'));

/**
 * A part within its target is held to the target. A part still over it carries a `guard` (its
 * measured size + ~1%), so it cannot grow while the work to shrink it goes on; the guard is
 * deleted from sizeBudgets.json once the part fits.
 */
const limitOf = (part) => part.guard ?? part.target;

export default parts.map((part) => ({
  name: `${part.name} (target ${part.target} B${limitOf(part) === part.target ? '' : `, over it: guard ${part.guard} B enforced`})`,
  path: 'dist/index.js',
  import: part.import,
  gzip: true,
  limit: `${limitOf(part)} B`,
  modifyEsbuildConfig: (config) => ({ ...config, define: { ...config.define, 'process.env.NODE_ENV': '"production"' } }),
}));
