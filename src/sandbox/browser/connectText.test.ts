import { describe, expect, it } from 'vitest';
import { connectText } from './connectText';

describe('connectText', () => {
  it('picks the language of a locale and falls back to English, also for names of Object members', () => {
    expect(connectText('fr-FR').next).toBe('Suivant');
    expect(connectText(undefined).next).toBe('Next');
    for (const locale of ['xx', 'constructor', 'toString', '__proto__', 'hasOwnProperty-US']) expect(connectText(locale).next, locale).toBe('Next');
  });
});
