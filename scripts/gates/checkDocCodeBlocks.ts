/**
 * Gate: every TypeScript/TSX block in README.md and docs/*.md compiles against the built package,
 * strict and with noUncheckedIndexedAccess (conventions in docCodeBlocks.ts and CONTRIBUTING.md).
 */
import { checkCodeBlocks, docCodeBlocks, docFiles, isChecked } from './docCodeBlocks';

const blocks = docCodeBlocks();
const errors = checkCodeBlocks(blocks);
const checked = blocks.filter(isChecked).length;
if (errors.length > 0) {
  console.error(`docs code blocks: ${errors.length} error(s) in ${checked} block(s)\n  ${errors.join('\n  ')}`);
  process.exit(1);
}
console.log(`docs code blocks: ${checked} TypeScript/TSX block(s) in ${docFiles().length} file(s) compile against the built package.`);
