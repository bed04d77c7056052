import { EmbedkitError } from './EmbedkitError.js';

/** `value` if it is a finite number of seconds ≥ 0 (or undefined), else an `invalid_options` error naming the option. */
export function checkSeconds(option: string, value: number | undefined): number | undefined {
  if (value === undefined || (typeof value === 'number' && Number.isFinite(value) && value >= 0)) return value;
  throw new EmbedkitError(`${option} must be a number of seconds, 0 or more.`, { code: 'invalid_options' });
}
