import type { Fields } from './readParams.js';
import { SandboxApiError } from '../engine/SandboxApiError.js';

export const EXPAND = { expand: { type: 'array', items: { type: 'string' } } } as const satisfies Fields;

export const PAGINATION = {
  limit: { type: 'integer', min: 1, max: 100 },
  starting_after: { type: 'string' },
  ending_before: { type: 'string' },
  ...EXPAND,
} as const satisfies Fields;

export const METADATA = { metadata: { type: 'map', values: { type: 'string' } } } as const satisfies Fields;

/** Stripe refuses to expand what cannot be expanded; the sandbox does the same, naming the path. */
export function checkExpand(expand: readonly string[] | undefined, allowed: readonly string[]): Set<string> {
  const paths = new Set(expand ?? []);
  let i = 0;
  for (const path of paths) {
    if (!allowed.includes(path)) {
      throw SandboxApiError.invalid(`This property cannot be expanded (${path}).`, `expand[${i}]`);
    }
    i++;
  }
  return paths;
}
