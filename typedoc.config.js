// API reference for every public subpath. Entry points come from package.json "exports"
// (./dist/x/index.js → src/x/index.ts), so a new subpath is documented the day it ships.
import { existsSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const entryPoints = Object.values(pkg.exports)
  .map((target) => (typeof target === 'object' ? target.import : undefined))
  .filter((path) => typeof path === 'string' && path.startsWith('./dist/'))
  .map((path) => path.replace('./dist/', 'src/').replace(/\.js$/, '.ts'))
  // `embedkit/sandbox/react` is a .tsx module.
  .map((path) => (existsSync(path) ? path : `${path}x`));

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  entryPoints,
  tsconfig: 'tsconfig.build.json',
  out: 'docs/api',
  name: 'embedkit',
  readme: 'none',
  // No public git remote yet, so source links would point nowhere.
  disableSources: true,
  excludePrivate: true,
  excludeInternal: true,
  // Protected members are the sources' inner workings, not API a user calls.
  excludeProtected: true,
  // Every public export must carry a TSDoc comment: a missing one fails `npm run docs` (a gate).
  validation: { notExported: true, invalidLink: true, notDocumented: true },
  treatValidationWarningsAsErrors: true,
  requiredToBeDocumented: ['Class', 'Function', 'Interface', 'TypeAlias', 'Variable', 'Enum'],
};
