import type { ServerErrorCode } from './types.js';

/**
 * An answer the handler decided on: status, a stable `code` and a message written by embedkit
 * (never copied from an upstream error). Thrown inside the handler and turned into a Response at
 * the top, so each check reads as one line.
 */
export class Refusal extends Error {
  override readonly name = 'Refusal';

  constructor(
    readonly status: number,
    readonly code: ServerErrorCode,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}
