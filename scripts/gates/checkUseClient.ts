/**
 * Gate: React Server Components need 'use client' at the top of every built module that came from
 * src/react, and must never see it in the server entry (a 'use client' there would turn the
 * handlers into client references) nor anywhere under what a Server Component may call from the
 * main entry (`preloadConnect`, in src/react/universal/). Runs on dist/, so it checks what ships,
 * not what we meant.
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

/** Exports of the main entry that a Server Component may call, so no 'use client' may reach them. */
const SERVER_CALLABLE = ['preloadConnect'];

const failures: string[] = [];
const show = (file: string) => relative(root, file);
const universal = join(dist, 'react', 'universal');

const reactModules = jsFiles(join(dist, 'react')).filter((file) => !file.startsWith(universal));
if (reactModules.length === 0) failures.push('dist/react has no modules: run `npm run build` first (nothing to check).');
for (const file of reactModules) {
  if (!startsWithUseClient(readFileSync(file, 'utf8'))) failures.push(`${show(file)} does not start with 'use client'.`);
}

/** Fails every module reachable from `entry` that is missing or contains 'use client'; returns how many were checked. */
function checkFreeOfUseClient(entry: string, loadedBy: string, why: string): number {
  const modules = existsSync(entry) ? moduleGraph(entry) : [];
  if (modules.length === 0) failures.push(`${show(entry)} is missing: run \`npm run build\` first.`);
  for (const file of modules) {
    if (!existsSync(file)) failures.push(`${show(file)} is imported by ${loadedBy} but does not exist.`);
    else if (/(['"])use client\1/.test(readFileSync(file, 'utf8'))) failures.push(`${show(file)} is loaded by ${loadedBy} but contains 'use client': ${why}`);
  }
  return modules.length;
}

const serverModules = checkFreeOfUseClient(join(dist, 'server/index.js'), 'embedkit/server', 'server code must not import from src/react.');

const mainEntry = join(dist, 'index.js');
let universalModules = 0;
for (const name of SERVER_CALLABLE) {
  const code = existsSync(mainEntry) ? readFileSync(mainEntry, 'utf8') : '';
  const from = new RegExp(`import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*['"](\\.{1,2}/[^'"]+)['"]`).exec(code)?.[1];
  if (!from) {
    failures.push(`dist/index.js does not import ${name} from a module of this package: run \`npm run build\` first.`);
    continue;
  }
  universalModules += checkFreeOfUseClient(
    resolve(dist, from),
    `${name}()`,
    `a Server Component calls ${name}(), and 'use client' would turn it into a reference that throws there. Keep it in src/react/universal/ and import no hooks.`,
  );
}

if (failures.length > 0) {
  console.error(`use-client gate: ${failures.length} problem(s)\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `use-client gate: ${reactModules.length} React module(s) start with 'use client'; ${serverModules} server module(s) and ${universalModules} module(s) behind ${SERVER_CALLABLE.join(', ')} are free of it.`,
);
