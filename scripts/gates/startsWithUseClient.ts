/**
 * Whether `code` opens with a 'use client' directive. A directive only counts before any other
 * statement; comments may come first (bundlers keep license banners there).
 */
export function startsWithUseClient(code: string): boolean {
  return /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(['"])use client\1/.test(code);
}
