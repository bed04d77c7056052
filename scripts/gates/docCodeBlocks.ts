/**
 * The code blocks of the docs (README.md and docs/*.md): extracted, and type-checked against the
 * built package as a user's project would import it (`embedkit`, `embedkit/server`, … resolve
 * through package.json "exports" to dist/). Conventions, also in CONTRIBUTING.md:
 *
 * - Every ```ts / ```tsx block is compiled, as its own module.
 * - ```tsx file=src/App.tsx names the block's file: blocks of one page with a `file=` share a
 *   folder, so they can import each other (`./App`). The quick-start test copies these files into
 *   a fresh Vite app.
 * - What a snippet takes from the reader's own app (`getSignedInUser`, `Spinner`, …) is declared
 *   once in docCodeBlocks.preamble.d.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export interface CodeBlock {
  /** The Markdown file, relative to the repository root. */
  source: string;
  /** 1-based line of the block's first code line in `source`. */
  line: number;
  lang: string;
  /** The `file=` path from the fence, if any. */
  file: string | undefined;
  code: string;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PREAMBLE = join(dirname(fileURLToPath(import.meta.url)), 'docCodeBlocks.preamble.d.ts');
const CHECKED = new Set(['ts', 'tsx', 'typescript']);

/** The Markdown files whose code blocks are checked: the README and every page under docs/. */
export function docFiles(): string[] {
  const docs = readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`);
  return ['README.md', ...docs.sort()];
}

/** Every code block of those files. */
export function docCodeBlocks(): CodeBlock[] {
  return docFiles().flatMap((file) => extractCodeBlocks(readFileSync(join(root, file), 'utf8'), file));
}

/**
 * The framework guides show the files of the apps under test/frameworks (`// file: app/page.tsx`
 * as the first line). Those blocks are compiled where their imports resolve, in their own app
 * (`next build` type-checks the Next app, test/frameworks/prepare.ts runs tsc on the React Router
 * app), and test/package/frameworkDocs.test.ts holds each block equal to its file; here, outside
 * the app, their relative imports and framework packages cannot resolve.
 */
const FRAMEWORK_APPS: Readonly<Record<string, string>> = { 'docs/nextjs.md': 'test/frameworks/next', 'docs/react-router.md': 'test/frameworks/react-router' };

function isFrameworkAppFile(block: CodeBlock): boolean {
  const app = FRAMEWORK_APPS[block.source];
  const path = /^\/\/ file: (\S+)\n/.exec(block.code)?.[1];
  return app !== undefined && path !== undefined && existsSync(join(root, app, path));
}

/** Whether `checkCodeBlocks` compiles this block. */
export const isChecked = (block: CodeBlock) => CHECKED.has(block.lang) && !isFrameworkAppFile(block);

/** Fenced code blocks of one Markdown text: ```lang key=value … */
export function extractCodeBlocks(markdown: string, source: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, lang, meta] = open as unknown as [string, string, string, string, string];
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !lines[j]!.trimStart().startsWith(fence)) body.push(lines[j++]!.slice(indent.length));
    const file = /(?:^|\s)file=(\S+)/.exec(meta)?.[1];
    blocks.push({ source, line: i + 2, lang: lang.toLowerCase(), file, code: body.join('\n') });
    i = j;
  }
  return blocks;
}

/** The README's code blocks with a `file=` (the quick start), by path. */
export function quickStartFiles(): Map<string, CodeBlock> {
  const blocks = extractCodeBlocks(readFileSync(join(root, 'README.md'), 'utf8'), 'README.md');
  return new Map(blocks.filter((block) => block.file).map((block) => [block.file!, block]));
}

/** Where a block is compiled: one folder per page, named files as given, others `block-<line>`. */
function virtualPath(block: CodeBlock): string {
  const page = block.source.replace(/[/.]/g, '_');
  const ext = block.lang === 'tsx' ? 'tsx' : 'ts';
  return join(root, '.doc-blocks', page, block.file ?? `block-${block.line}.${ext}`);
}

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.ReactJSX,
  strict: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  // Only the snippets are under test here; the shipped declarations have their own gate.
  skipLibCheck: true,
  noEmit: true,
  types: ['node', 'vite/client'],
};

/** Library and package declarations parsed once per process: they are most of a check's time. */
const parsed = new Map<string, ts.SourceFile | undefined>();

/**
 * Type-checks `blocks` (the ts/tsx ones) and returns one message per error, located in the
 * Markdown: `docs/client.md:42:7 Cannot find name 'x'.` Nothing is written to disk.
 */
export function checkCodeBlocks(blocks: CodeBlock[]): string[] {
  const files = new Map<string, CodeBlock>();
  for (const block of blocks.filter(isChecked)) {
    const path = virtualPath(block);
    if (files.has(path)) return [`${block.source}:${block.line} repeats file=${block.file}: one block per file.`];
    files.set(path, block);
  }
  const host = ts.createCompilerHost(options);
  // Type libraries (`node`, `vite/client`) resolve from the repository, whatever the caller's cwd.
  host.getCurrentDirectory = () => root;
  const read = (path: string) => {
    const block = files.get(path);
    // Every snippet is a module, so top-level names of two snippets never clash.
    return block ? `${block.code}\nexport {};\n` : undefined;
  };
  const { fileExists, readFile, getSourceFile, directoryExists } = host;
  host.fileExists = (path) => files.has(path) || fileExists.call(host, path);
  host.readFile = (path) => read(path) ?? readFile.call(host, path);
  host.directoryExists = (path) => [...files.keys()].some((file) => file.startsWith(`${path}/`)) || (directoryExists?.call(host, path) ?? true);
  host.getSourceFile = (path, language, ...rest) => {
    const text = read(path);
    if (text !== undefined) return ts.createSourceFile(path, text, language, true);
    if (!parsed.has(path)) parsed.set(path, getSourceFile.call(host, path, language, ...rest));
    return parsed.get(path);
  };
  const program = ts.createProgram([PREAMBLE, ...files.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const block = diagnostic.file && files.get(diagnostic.file.fileName);
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const where = block ? `${block.source}:${block.line + line}:${character + 1}` : `${relative(root, diagnostic.file.fileName)}:${line + 1}:${character + 1}`;
    return `${where} ${message}`;
  });
}
