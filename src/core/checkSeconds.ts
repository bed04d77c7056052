import { checkOptions, is } from './checkOptions.js';

/** `value` if it is a finite number of seconds ≥ 0 (or undefined), else an `invalid_options` error naming the option. */
export function checkSeconds(option: string, value: number | undefined): number | undefined {
  checkOptions('embedkit', { [option]: value }, { [option]: is.seconds });
  return value;
}
