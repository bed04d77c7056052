import { expect } from 'vitest';
import { EmbedkitError } from '../src/core/EmbedkitError';

/** Asserts `error` is the `invalid_options` EmbedkitError for `option`, whose message names it; `field` is checked unless `null`. */
export function expectInvalidOptions(error: unknown, option: string, field: string | null = option): void {
  expect(error).toBeInstanceOf(EmbedkitError);
  expect(error).toMatchObject({ code: 'invalid_options', ...(field && { field }) });
  expect((error as Error).message).toContain(option);
}

/** What `create` throws (or `undefined`), for {@link expectInvalidOptions}. */
export function thrownBy(create: () => unknown): unknown {
  try {
    create();
  } catch (error) {
    return error;
  }
  return undefined;
}
