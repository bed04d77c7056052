import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` characters of [A-Za-z0-9] from `next()` (a value in [0, 1)), or from crypto when omitted. */
export function randomId(prefix: string, length: number, next?: () => number): string {
  let out = prefix;
  if (next) {
    for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(next() * ALPHABET.length)];
    return out;
  }
  // 248 is the largest multiple of 62 below 256: rejecting bytes above it keeps the draw uniform.
  while (out.length < prefix.length + length) {
    for (const byte of randomBytes(length + 8)) {
      if (byte < 248 && out.length < prefix.length + length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}
