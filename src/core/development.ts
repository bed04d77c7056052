/**
 * Whether this is a development build: `process.env.NODE_ENV !== 'production'`, and `undefined`
 * where reading that throws (nothing replaced it and there is no `process`: a browser loading the
 * files without a bundler, workerd), so nothing crashes there and it gets the production messages.
 * Node, server rendering and test runners have `process`; there an unset NODE_ENV means development.
 *
 * Development-only code sits behind `development() && process.env.NODE_ENV !== 'production'`: the
 * call makes the read after it safe, and the literal is what app bundlers (Vite, webpack, Next.js,
 * esbuild, Rollup with its replace plugin) replace, as React and TanStack Query rely on. In a
 * production build it becomes `false`, so minifiers drop the branch, the call (side-effect free)
 * and every helper only the branch used: long how-to-fix sentences, the version-skew check (esbuild
 * and Next.js keep this function, 34 bytes minified). A development build turns both into `true`,
 * also in a browser without `process`. Neither half does alone: behind the `try` nothing folds,
 * and the bare literal throws where nothing replaced it and there is no `process`.
 *
 * Development-only besides the fixes: what a wrong option must be (production: `publishableKey is
 * invalid (got a number)`), the options a missing options object needs, which kind a wrong-kind
 * secret looks like, whether a non-JSON answer was an HTML page, and embedkit/server's own message
 * on a refusal (its `error.code` stays). Production messages keep what failed and the error's
 * fields (`code`, `kind`, `endpoint`, `status`, `field`, `serverCode`).
 */
/* @__NO_SIDE_EFFECTS__ */
export function development(): boolean | undefined {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {}
}
