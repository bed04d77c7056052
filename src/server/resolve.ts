import type { Resolvable } from './types.js';

/** Reads an option given as a value or as a function of the authorized result. */
export async function resolve<T, A>(option: Resolvable<T, A>, authorized: A): Promise<T> {
  return typeof option === 'function' ? (option as (authorized: A) => T | Promise<T>)(authorized) : option;
}
