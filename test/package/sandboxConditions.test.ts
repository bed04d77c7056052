// `embedkit/sandbox` in code bundled for an Edge runtime, a worker or a browser: Next.js compiles
// instrumentation.ts for the Edge runtime as well, and webpack fails on the sandbox's node:
// imports there even when that code never runs. Checked on the build (npm test builds first).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The file `specifier` resolves to in this package (self-reference) under a bundler's `condition`. */
function resolveUnder(condition: string, specifier: string): string {
  const code = `console.log(fileURLToPath(import.meta.resolve(${JSON.stringify(specifier)})))`;
  const out = execFileSync(process.execPath, [`--conditions=${condition}`, '--input-type=module', '-e', `import { fileURLToPath } from 'node:url'; ${code}`], { cwd: root, encoding: 'utf8' });
  return out.trim();
}

/** Every bare import (node: built-ins, packages) of `file` and the modules it imports relatively. */
function bareImports(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].flatMap(([, target]) =>
    target!.startsWith('.') ? bareImports(resolve(dirname(file), target!), seen) : [target!],
  );
}

describe.each(['edge-light', 'worker', 'browser'])('embedkit/sandbox under the %s condition', (condition) => {
  it('resolves to a module that builds without Node built-ins', () => {
    const file = resolveUnder(condition, 'embedkit/sandbox');
    expect(existsSync(file), `${file} is missing: run npm run build`).toBe(true);
    expect(bareImports(file).filter((target) => target.startsWith('node:'))).toEqual([]);
  });

  it('keeps the protocol constants and says how to start the sandbox when it is used there', async () => {
    const sandbox = (await import(resolveUnder(condition, 'embedkit/sandbox'))) as typeof import('../../src/sandbox/index.js');
    expect(sandbox.SCRIPT_ROUTES.connect).toBe('/sandbox/scripts/connect.js');
    expect(() => sandbox.createSandbox()).toThrow(/runs on Node\.js only.*process\.env\.NEXT_RUNTIME === 'nodejs'/);
  });
});

it('embedkit/sandbox is the real sandbox under Node', () => {
  expect(resolveUnder('node', 'embedkit/sandbox')).toBe(resolve(root, 'dist/sandbox/index.js'));
});
