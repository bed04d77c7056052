import { EmbedkitError } from '../core/EmbedkitError.js';

/** How the server factories name themselves in errors, e.g. `embedkit/server toNodeHandler`. */
export const where = (factory: string) => `embedkit/server ${factory}`;

/**
 * The start-up error of every handler factory: thrown when the handler is created, not when the
 * first user clicks, and always names the option and the fix. The same `invalid_options`
 * {@link EmbedkitError} the browser side raises (core/EmbedkitError needs neither DOM nor React).
 */
export function configError(factory: string, fix: string): EmbedkitError {
  return new EmbedkitError(`${where(factory)}: ${fix}`, { code: 'invalid_options' });
}
