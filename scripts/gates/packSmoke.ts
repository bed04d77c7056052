/**
 * Gate: install the packed tarball into a scratch ESM consumer, exactly as a user would get it, and
 * import every subpath in "exports". Then compile a TypeScript consumer (with the repo's TS 6, which
 * attw does not bundle) and check that every value the types promise exists at runtime.
 *
 * Offline by design: the tarball has no dependencies and only optional peers, so `npm install --offline` needs nothing
 * from the registry; peers are linked from this repo's node_modules, standing in for the versions
 * a user would install next to embedkit.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { undeclaredPackage } from './undeclaredPackage';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const scratch = mkdtempSync(join(tmpdir(), 'embedkit-pack-'));
const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

interface Manifest {
  name: string;
  exports: Record<string, unknown>;
  peerDependencies?: Record<string, string>;
}

/**
 * Makes `name` and its dependencies resolvable from the consumer, as a package manager would have
 * installed them next to it (hoisted), by linking this repo's copies.
 */
function link(name: string, consumer: string, seen = new Set<string>()) {
  if (seen.has(name)) return;
  seen.add(name);
  const from = join(root, 'node_modules', name);
  if (!existsSync(from)) return;
  const to = join(consumer, 'node_modules', name);
  if (!existsSync(to)) {
    mkdirSync(dirname(to), { recursive: true });
    symlinkSync(from, to, 'dir');
  }
  const { dependencies = {} } = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const dependency of Object.keys(dependencies)) link(dependency, consumer, seen);
}

const failures: string[] = [];
const notes: string[] = [];

function packAndInstall(): { consumer: string; manifest: Manifest } {
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', scratch], root)) as { filename: string }[];
  const consumer = join(scratch, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // Without --legacy-peer-deps: npm installs required peers, and a server-only install (an API
  // that imports only embedkit/server) must not receive React and the browser SDKs.
  run('npm', ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', join(scratch, packed!.filename)], consumer);
  const brought = readdirSync(join(consumer, 'node_modules')).filter((name) => !name.startsWith('.') && name !== 'embedkit');
  if (brought.length > 0) failures.push(`\`npm install embedkit\` alone also installed ${brought.join(', ')}: mark those peers optional in peerDependenciesMeta (a server-only install needs none).`);
  const manifest = JSON.parse(readFileSync(join(consumer, 'node_modules/embedkit/package.json'), 'utf8')) as Manifest;
  for (const peer of Object.keys(manifest.peerDependencies ?? {})) link(peer, consumer);
  for (const types of ['@types/react', '@types/react-dom', '@types/node']) link(types, consumer);
  return { consumer, manifest };
}

const subpathsOf = (manifest: Manifest) =>
  Object.keys(manifest.exports)
    .filter((key) => !key.endsWith('.json'))
    .map((key) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`));

/**
 * Runtime export names of each subpath, read by a plain Node ESM process in the consumer; a
 * subpath that fails to import yields its error message instead, so one broken subpath does not
 * hide the others.
 */
function runtimeExports(consumer: string, specifiers: string[]): Record<string, string[] | { error: string }> {
  const script = `const out = {};
for (const s of ${JSON.stringify(specifiers)}) {
  try { out[s] = Object.keys(await import(s)).sort(); } catch (error) { out[s] = { error: String(error && error.message || error) }; }
}
console.log(JSON.stringify(out));`;
  writeFileSync(join(consumer, 'imports.mjs'), script);
  return JSON.parse(run(process.execPath, ['imports.mjs'], consumer)) as Record<string, string[] | { error: string }>;
}

/** Value exports the published types declare per subpath, plus any compile errors under `resolution`. */
function typedExports(consumer: string, specifiers: string[], resolution: 'NodeNext' | 'Bundler') {
  const file = join(consumer, `types-${resolution}.ts`);
  writeFileSync(file, specifiers.map((s, i) => `import * as m${i} from '${s}';\nexport { m${i} };`).join('\n'));
  const program = ts.createProgram([file], {
    module: resolution === 'NodeNext' ? ts.ModuleKind.NodeNext : ts.ModuleKind.ESNext,
    moduleResolution: resolution === 'NodeNext' ? ts.ModuleResolutionKind.NodeNext : ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    noEmit: true,
    types: ['node'],
    // Checks the shipped .d.ts files too: a broken import inside them is a consumer-facing error.
    skipLibCheck: false,
  });
  const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const imports = source.statements.filter(ts.isImportDeclaration);
  const exports: Record<string, string[]> = {};
  specifiers.forEach((specifier, i) => {
    const moduleSymbol = checker.getSymbolAtLocation(imports[i]!.moduleSpecifier);
    exports[specifier] = moduleSymbol
      ? checker.getExportsOfModule(moduleSymbol)
          .filter((symbol) => {
            const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
            return (target.flags & ts.SymbolFlags.Value) !== 0;
          })
          .map((symbol) => symbol.name)
          .sort()
      : [];
  });
  return { errors, exports };
}

/**
 * What a server-only project imports, compiled the way a strict Node project does: no DOM lib,
 * only Node's types, `skipLibCheck: false`. The declarations of `embedkit/server`,
 * `embedkit/sandbox` and `embedkit/sandbox/vite` must not lean on DOM-only names
 * (`RequestCredentials`, `HTMLElement`, …) such a project does not have. `embedkit/sandbox/playwright`
 * is left out: `@playwright/test`'s own declarations need the DOM lib (`Node`, `HTMLElement`).
 */
function nodeOnlyErrors(consumer: string): string[] {
  const file = join(consumer, 'node-only.ts');
  writeFileSync(
    file,
    `import Stripe from 'stripe';
import { createAccountSessionHandler, toNodeHandler } from 'embedkit/server';
import { createSandbox } from 'embedkit/sandbox';
import { embedkitSandbox } from 'embedkit/sandbox/vite';
const sandbox = createSandbox();
export const handler = toNodeHandler(createAccountSessionHandler({
  stripe: new Stripe('sk_test_x', sandbox.stripeConfig()),
  authorize: (_request, { proposedAccount }) => ({ account: proposedAccount ?? 'acct_1' }),
  components: { payments: { enabled: true } },
}));
export const plugin = embedkitSandbox({ enabled: process.env.CI === undefined });
`,
  );
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    types: ['node'],
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: false,
    noEmit: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName.replace(/.*node_modules\//, '')}: ` : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

try {
  const { consumer, manifest } = packAndInstall();
  const specifiers = subpathsOf(manifest);
  const runtime: Record<string, string[]> = {};
  for (const [specifier, result] of Object.entries(runtimeExports(consumer, specifiers))) {
    if (Array.isArray(result)) runtime[specifier] = result;
    else {
      const missing = undeclaredPackage(result.error, Object.keys(manifest.peerDependencies ?? {}));
      failures.push(
        missing
          ? `${specifier} imports '${missing}', which package.json does not declare: add it to peerDependencies (optional in peerDependenciesMeta if only this subpath needs it).`
          : `importing ${specifier} failed: ${result.error}`,
      );
    }
  }
  for (const resolution of ['Bundler', 'NodeNext'] as const) {
    const { errors, exports } = typedExports(consumer, specifiers, resolution);
    for (const message of new Set(errors)) {
      const missing = undeclaredPackage(message, Object.keys(manifest.peerDependencies ?? {}));
      if (missing) {
        failures.push(`types (moduleResolution ${resolution}) reference '${missing}', which package.json does not declare: add it to peerDependencies.`);
        continue;
      }
      failures.push(`types (moduleResolution ${resolution}): ${message}`);
    }
    if (resolution !== 'Bundler' || Object.keys(runtime).length === 0) continue;
    for (const specifier of specifiers.filter((s) => s in runtime)) {
      const missing = exports[specifier]!.filter((name) => !runtime[specifier]!.includes(name));
      if (missing.length > 0) failures.push(`${specifier}: the types declare ${missing.join(', ')} but the built module does not export them.`);
      notes.push(`${specifier}: ${runtime[specifier]!.length} runtime export(s)`);
    }
  }
  for (const message of new Set(nodeOnlyErrors(consumer))) {
    failures.push(`types without the DOM lib (lib es2022, types node, skipLibCheck false): ${message}`);
  }
  notes.push('embedkit/server, embedkit/sandbox and embedkit/sandbox/vite compile without the DOM lib');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`pack smoke gate: ${failures.length} problem(s)\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`pack smoke gate: installed the tarball into a scratch ESM consumer; ${notes.join('; ')}; types compile under Bundler and NodeNext.`);
