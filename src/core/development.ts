/**
 * Runs `run` in development builds only, the way React and TanStack Query keep their diagnostics
 * out of production: `run` must read `() => process.env.NODE_ENV !== 'production' && …` at the
 * call site. App bundlers (Vite, webpack, Next.js, esbuild, Rollup with its replace plugin)
 * replace that expression, and their minifier then reduces a production build's `run` to
 * `() => false`, dropping what follows: long how-to-fix sentences, the version-skew check and the
 * modules only it imports. The expression cannot move into a shared constant: read unguarded it
 * would throw at import without `process`, and behind a `typeof process` guard nothing folds.
 *
 * Where nothing replaced it and there is no `process` (a browser loading the files without a
 * bundler), reading it throws: caught here, that counts as production, so nothing crashes. Node,
 * server rendering and test runners have `process`; there an unset NODE_ENV means development.
 *
 * Not marked side-effect free (the version-skew check runs through it for its warning): module-level
 * calls whose value alone matters carry a `@__PURE__` annotation so unused ones drop out.
 */
export function devOnly<T>(run: () => T | false): T | undefined {
  try {
    const value = run();
    return value === false ? undefined : value;
  } catch {
    return undefined;
  }
}

/**
 * A message's how-to-fix sentence, in development only (see {@link devOnly}): `' ' + sentence`,
 * or `''`. Production messages keep what failed and the error's fields (`code`, `kind`,
 * `endpoint`, `status`, `field`, `serverCode`). Development-only besides the fixes: what a wrong
 * option must be (production: `publishableKey is invalid (got a number)`), the options a missing
 * options object needs, which kind a wrong-kind secret looks like, whether a non-JSON answer was an
 * HTML page, and embedkit/server's own message on a refusal (its `error.code` stays).
 */
/* @__NO_SIDE_EFFECTS__ */
export function hint(sentence: () => string | false): string {
  const text = devOnly(sentence);
  return text ? ` ${text}` : '';
}
