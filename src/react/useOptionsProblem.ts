import { useMemo } from 'react';
import { optionsProblem, type OptionRule } from '../core/checkOptions.js';
import type { EmbedkitError } from '../core/EmbedkitError.js';
import type { SessionKind } from '../core/types.js';

/**
 * {@link optionsProblem} for a component or hook: the same error object while the message stays
 * the same, so it is reported once and not on every render. The message names the entry point, the
 * option and what it got, so an equal message means an equal problem.
 */
export function useOptionsProblem(where: string, options: unknown, rules: Readonly<Record<string, OptionRule>>, kind?: SessionKind): EmbedkitError | null {
  const problem = optionsProblem(where, options, rules, kind);
  // Keyed by the message on purpose: a new error object each render would be reported each render.
  return useMemo(() => problem, [problem?.message]);
}
