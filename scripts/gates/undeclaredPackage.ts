/**
 * The bare package a Node or TypeScript "cannot find" message names, when it is not one of
 * `declared` (the manifest's peers): the dependency to add. Null for relative paths and for
 * packages that are declared (those fail for another reason).
 */
export function undeclaredPackage(message: string, declared: readonly string[]): string | null {
  const name = /Cannot find (?:package|module) '((?:@[^/']+\/)?[^/']+)/.exec(message)?.[1];
  if (!name || name.startsWith('.') || declared.includes(name)) return null;
  return name;
}
