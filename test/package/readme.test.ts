import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { docFiles, extractCodeBlocks } from '../../scripts/gates/docCodeBlocks';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const readme = read('README.md');
const pkg = JSON.parse(read('package.json')) as {
  files: string[];
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
};
/** Link and image targets of a Markdown text, code blocks left out. */
const targets = (markdown: string) =>
  [...markdown.replace(/```[^]*?```/g, '').matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]!);

describe('README.md (the npm page)', () => {
  it('is a product page of at most 8 kB', () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(8192);
  });

  it('links and shows images by absolute URL or in-page anchor: npm ships only what package.json "files" lists', () => {
    expect(pkg.files).not.toContain('docs');
    const relative = targets(readme).filter((target) => !/^(https:\/\/|#)/.test(target));
    expect(relative).toEqual([]);
  });

  it('has one install command whose ranges sit inside the peer ranges, naming every required peer but React', () => {
    const install = extractCodeBlocks(readme, 'README.md').filter((b) => b.lang === 'sh' && /^npm install embedkit /.test(b.code));
    expect(install).toHaveLength(1);
    const specs = install[0]!.code.trim().split(/\s+/).slice(3);
    const ranges = new Map(specs.map((spec) => [spec.slice(0, spec.lastIndexOf('@')), spec.slice(spec.lastIndexOf('@') + 1)]));
    for (const [name, range] of ranges) {
      expect(pkg.peerDependencies[name], `${name} is not a peer`).toBeDefined();
      expect(semver.subset(range, pkg.peerDependencies[name]!), `${name}@${range} within ${pkg.peerDependencies[name]}`).toBe(true);
    }
    const required = Object.keys(pkg.peerDependencies).filter((name) => !pkg.peerDependenciesMeta[name]?.optional && !/^react(-dom)?$/.test(name));
    expect(required.filter((name) => !ranges.has(name))).toEqual([]);
  });
});

describe('docs/*.md', () => {
  it('link only to files that exist in the repository', () => {
    const broken = docFiles()
      .filter((file) => file !== 'README.md')
      .flatMap((file) =>
        targets(read(file))
          .filter((target) => !/^(https?:|#|mailto:)/.test(target))
          .filter((target) => !existsSync(join(root, dirname(file), target.split('#')[0]!)))
          .map((target) => `${file} → ${target}`),
      );
    expect(broken).toEqual([]);
  });
});
