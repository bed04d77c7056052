/**
 * The start-up error of every handler factory: thrown when the handler is created, not when the
 * first user clicks, and always names the option and the fix.
 */
export function configError(factory: string, fix: string): TypeError {
  return new TypeError(`embedkit/server ${factory}: ${fix}`);
}
