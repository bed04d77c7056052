import { describe, expect, it } from 'vitest';
import { formatMoney } from './formatMoney.js';

describe('formatMoney', () => {
  it('reads amounts in the minor unit, including zero-decimal currencies', () => {
    expect(formatMoney(12345, 'usd', 'en-US')).toBe('$123.45');
    expect(formatMoney(500, 'jpy', 'en-US')).toBe('¥500');
    expect(formatMoney(12345, 'eur', 'fr-FR')).toMatch(/^123,45\s€$/);
  });
});
