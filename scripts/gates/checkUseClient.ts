/**
 * Gate: React Server Components need 'use client' at the top of every built module that came from
 * src/react, and must never see it in the server entry (a 'use client' there would turn the
 * handlers into client references). Runs on dist/, so it checks what ships, not what we meant.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startsWithUseClient } from './startsWithUseClient';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'dist');

function jsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsFiles(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

/** Every module reachable from `entry` through relative imports, i.e. what `embedkit/server` loads from this package. */
function moduleGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      visit(resolve(dirname(file), match[1]!));
    }
  };
  visit(entry);
  return [...seen];
}

const failures: string[] = [];
const show = (file: string) => relative(root, file);

const reactModules = jsFiles(join(dist, 'react'));
if (reactModules.length === 0) failures.push('dist/react has no modules: run `npm run build` first (nothing to check).');
for (const file of reactModules) {
  if (!startsWithUseClient(readFileSync(file, 'utf8'))) failures.push(`${show(file)} does not start with 'use client'.`);
}

const serverEntry = join(dist, 'server/index.js');
const serverModules = existsSync(serverEntry) ? moduleGraph(serverEntry) : [];
if (serverModules.length === 0) failures.push('dist/server/index.js is missing: run `npm run build` first.');
for (const file of serverModules) {
  if (!existsSync(file)) failures.push(`${show(file)} is imported by the server entry but does not exist.`);
  else if (/(['"])use client\1/.test(readFileSync(file, 'utf8'))) {
    failures.push(`${show(file)} is loaded by embedkit/server but contains 'use client': server code must not import from src/react.`);
  }
}

if (failures.length > 0) {
  console.error(`use-client gate: ${failures.length} problem(s)\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`use-client gate: ${reactModules.length} React module(s) start with 'use client'; ${serverModules.length} server module(s) are free of it.`);
