/**
 * `npm run test:gates`: the release gates, run on the built package (run `npm run build` first).
 * Every gate runs even when an earlier one fails, so one run shows every problem; the exit code
 * is non-zero if any failed. Type tests (`*.test-d.ts`) are not here: `vitest run` already runs
 * them through its typecheck mode, inside `npm run test:unit`.
 */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (name: string) => resolve(root, 'node_modules/.bin', name);

const gates: { name: string; command: string; args: string[] }[] = [
  // The gate scripts live outside the root tsconfig's include list, so they are checked here.
  { name: 'typecheck gate scripts', command: bin('tsc'), args: ['-p', 'scripts/gates/tsconfig.json'] },
  { name: 'publint --strict', command: bin('publint'), args: ['--strict'] },
  {
    name: 'attw --pack (esm-only)',
    command: bin('attw'),
    // ESM-only package: CommonJS `require` and node10 resolution are out of scope by design.
    args: ['--pack', '--profile', 'esm-only', '--no-emoji', '--no-color'],
  },
  { name: 'size-limit', command: bin('size-limit'), args: [] },
  { name: "'use client' placement", command: bin('tsx'), args: ['scripts/gates/checkUseClient.ts'] },
  // TypeDoc with notDocumented validation as errors: every public export has a TSDoc comment.
  { name: 'API reference (typedoc)', command: bin('typedoc'), args: [] },
  // Every ts/tsx block of README.md and docs/*.md, compiled against dist/ (strict, noUncheckedIndexedAccess).
  { name: 'docs code blocks', command: bin('tsx'), args: ['scripts/gates/checkDocCodeBlocks.ts'] },
  { name: 'packed tarball smoke test', command: bin('tsx'), args: ['scripts/gates/packSmoke.ts'] },
  { name: 'one Stripe.js loader', command: bin('tsx'), args: ['scripts/gates/oneStripeLoader.ts'] },
];

const results = gates.map((gate) => {
  console.log(`\n── ${gate.name}`);
  const started = performance.now();
  const { status, error } = spawnSync(gate.command, gate.args, { cwd: root, stdio: 'inherit' });
  if (error) console.error(`could not start ${gate.command}: ${error.message}`);
  return { name: gate.name, ok: status === 0, seconds: (performance.now() - started) / 1000 };
});

console.log('\ngate                          result  time');
for (const r of results) console.log(`${r.name.padEnd(30)}${(r.ok ? 'pass' : 'FAIL').padEnd(8)}${r.seconds.toFixed(1)} s`);
const failed = results.filter((r) => !r.ok);
if (failed.length > 0) {
  console.error(`\n${failed.length} gate(s) failed: ${failed.map((r) => r.name).join(', ')}`);
  process.exit(1);
}
