// The framework guides are executed: every code block that names a file of a test app
// (`// file: app/page.tsx` on its first line) must be that file, byte for byte, so the app that
// test/frameworks builds and browses is the code the guide shows.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const guides = { 'docs/nextjs.md': 'test/frameworks/next', 'docs/react-router.md': 'test/frameworks/react-router' };

function fileBlocks(markdown: string): { path: string; code: string }[] {
  return [...markdown.matchAll(/```tsx?\n(\/\/ file: (\S+)\n[\s\S]*?)```/g)].map(([, code, path]) => ({ path: path!, code: code! }));
}

describe.each(Object.entries(guides))('%s', (guide, app) => {
  const blocks = fileBlocks(readFileSync(join(root, guide), 'utf8'));
  const fromApp = blocks.filter((block) => existsSync(join(root, app, block.path)));

  it(`shows files of ${app}`, () => {
    expect(fromApp.length).toBeGreaterThan(4);
  });

  it.each(fromApp.map((block) => [block.path, block.code]))('shows %s exactly as the app has it', (path, code) => {
    expect(code).toBe(readFileSync(join(root, app, path), 'utf8'));
  });
});
