import { useMemo } from 'react';
import { optionsProblem, type OptionRule } from '../core/checkOptions.js';
import type { EmbedkitError } from '../core/EmbedkitError.js';
import type { SessionKind } from '../core/types.js';

/**
 * {@link optionsProblem} for a component or hook: the same error object while the checked options
 * keep their values, so it is reported once and not on every render. `rules` must keep its names
 * from render to render (a module constant, or one of several with the same names).
 */
export function useOptionsProblem(where: string, options: unknown, rules: Readonly<Record<string, OptionRule>>, kind?: SessionKind): EmbedkitError | null {
  const isObject = typeof options === 'object' && options !== null;
  const values = Object.keys(rules).map((name) => (isObject ? (options as Record<string, unknown>)[name] : undefined));
  // The dependencies are the checked values themselves (a fixed number of them), and the rules.
  return useMemo(() => optionsProblem(where, options, rules, kind), [where, rules, kind, isObject, ...values]);
}
