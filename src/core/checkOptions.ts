import { development } from './development.js';
import { EmbedkitError } from './EmbedkitError.js';
import type { SessionKind } from './types.js';

/** What one option must be, and the sentences that tell the developer how to get it right. */
export interface OptionRule {
  /** Whether a given (not `undefined`) value is acceptable. */
  accepts: (value: unknown) => boolean;
  /**
   * What the value must be, for the message, e.g. `a non-empty string`. The usual rules below give
   * it in {@link development} builds only, so production builds carry neither it nor `fix`: their
   * messages name the option and the type it got.
   */
  expected?: string | undefined;
  /** Whether `undefined` is refused too. */
  required?: boolean;
  /** The fix, e.g. `Pass your publishable key, e.g. import.meta.env.VITE_STRIPE_PUBLISHABLE_KEY.` Development-only like `expected`. */
  fix?: string | undefined;
}

/*
 * The usual rules, one constant each so a bundle carries only those its entry points use;
 * `required` and `fix` are added per entry point. Descriptions longer than a few words are
 * development-only, spread in so that production rules lack the properties altogether.
 */
export const textRule: OptionRule = { accepts: isText, expected: 'a non-empty string' };
export const funcRule: OptionRule = { accepts: (value) => typeof value === 'function', expected: 'a function' };
export const recordRule: OptionRule = { accepts: isRecord, expected: 'an object' };
export const boolRule: OptionRule = { accepts: (value) => typeof value === 'boolean', expected: 'true or false' };
export const secondsRule: OptionRule = { accepts: isSeconds, ...(development() && process.env.NODE_ENV !== 'production' ? { expected: 'a number of seconds, 0 or more' } : {}) };
export const fetchSecretRule: OptionRule = {
  accepts: (value) => typeof value === 'function' || isText(value) || (isRecord(value) && isText(value.url)),
  ...(development() && process.env.NODE_ENV !== 'production' ? { expected: 'an endpoint URL, a request description { url, … } or a function' } : {}),
  required: true,
};
export const warmRule: OptionRule = {
  accepts: (value): boolean => value === false || (isRecord(value) && [value.leadSeconds, value.maxAgeSeconds].every((s) => s === undefined || isSeconds(s))),
  ...(development() && process.env.NODE_ENV !== 'production' ? { expected: 'false or { leadSeconds?, maxAgeSeconds? } in seconds, 0 or more' } : {}),
};
export const accountRule: OptionRule = {
  accepts: isText,
  ...(development() && process.env.NODE_ENV !== 'production' ? { expected: 'a connected account id (acct_…)', fix: 'Or leave account out to let the server choose.' } : {}),
};
export const publishableKeyRule: OptionRule = {
  accepts: (value) => typeof value === 'string' && /^pk_(test|live)_./.test(value),
  ...(development() && process.env.NODE_ENV !== 'production'
    ? {
        expected: 'a Stripe publishable key (pk_test_… or pk_live_…)',
        fix: 'An unset environment variable is the usual cause (VITE_STRIPE_PUBLISHABLE_KEY in Vite, NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY in Next.js, which inlines it at build time); never use a secret key here.',
      }
    : {}),
};

/** All the usual rules by name, for server-side entry points (whose bundles size does not matter). */
export const is = {
  text: textRule,
  func: funcRule,
  record: recordRule,
  bool: boolRule,
  seconds: secondsRule,
  fetchSecret: fetchSecretRule,
  warm: warmRule,
  account: accountRule,
  publishableKey: publishableKeyRule,
};

/**
 * The first option of `options` that breaks its rule, as an `invalid_options` {@link EmbedkitError}
 * naming the entry point, the option and the fix; `null` when all are fine. The message describes
 * a wrong value by its type only, never the value: a misplaced secret key must not be echoed.
 */
export function optionsProblem(where: string, options: unknown, rules: Readonly<Record<string, OptionRule>>, kind?: SessionKind): EmbedkitError | null {
  const problem = (text: string, field?: string) => new EmbedkitError(`${where}: ${text}`, { code: 'invalid_options', field, kind });
  if (!options || typeof options !== 'object') {
    return problem(`pass an options object (got ${describeValue(options)}).${development() && process.env.NODE_ENV !== 'production' ? requiredNames(rules) : ''}`);
  }
  for (const [name, rule] of Object.entries(rules)) {
    const value = (options as Record<string, unknown>)[name];
    const missing = value === undefined;
    if (missing ? rule.required : !rule.accepts(value)) {
      return problem(`${name} ${rule.expected ? `must be ${rule.expected}` : 'is invalid'} (${missing ? 'it is missing' : `got ${describeValue(value)}`}).${rule.fix ? ` ${rule.fix}` : ''}`, name);
    }
  }
  return null;
}

/** {@link optionsProblem}, thrown: for entry points that run once at start-up (factories, plugins). */
export function checkOptions(where: string, options: unknown, rules: Readonly<Record<string, OptionRule>>, kind?: SessionKind): void {
  const problem = optionsProblem(where, options, rules, kind);
  if (problem) throw problem;
}

/** Development only: the sentence naming the options a call cannot do without (after a space), or `''`. */
function requiredNames(rules: Readonly<Record<string, OptionRule>>): string {
  const names = Object.keys(rules).filter((name) => rules[name]!.required);
  return names.length > 0 ? ` It needs ${names.join(', ')}.` : '';
}

/** A value's type for messages, never the value itself (it may be a secret). */
export function describeValue(value: unknown): string {
  const type = value === '' ? 'empty string' : Array.isArray(value) ? 'array' : typeof value;
  return value == null ? `${value}` : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

/** A non-empty string. */
export function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function isSeconds(value: unknown): boolean {
  // Number.isFinite is false for anything not a number (no coercion).
  return Number.isFinite(value) && (value as number) >= 0;
}

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
