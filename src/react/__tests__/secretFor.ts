import { vi } from 'vitest';
import type { FetchSecretContext } from '../../core/types.js';

/** A `fetchSecret` function answering numbered secrets of `prefix`, valid for an hour. */
export function secretFunction(prefix: 'accs_secret_' | 'cuss_secret_', nowMs: () => number = () => Date.now()) {
  let count = 0;
  return vi.fn(async (_context: FetchSecretContext) => {
    count += 1;
    return { client_secret: `${prefix}test${count}_${'x'.repeat(20)}`, expires_at: Math.floor(nowMs() / 1000) + 3600 };
  });
}
