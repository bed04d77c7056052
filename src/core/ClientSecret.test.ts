import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ClientSecret } from './ClientSecret.js';
import { redactSecret } from './redact.js';

const MARK = 'TOPSECRET7f3a9c';

describe('redactSecret', () => {
  it.each([
    [`accs_secret__${MARK}`, 'accs_secret_…[redacted]'],
    [`cuss_secret_${MARK}`, 'cuss_secret_…[redacted]'],
    [`fcsess_1Pgc76B7WZ01zgkW_secret_${MARK}`, 'fcsess_…_secret_…[redacted]'],
    [`sk_test_${MARK}`, '…[redacted]'],
    ['', '…[redacted]'],
  ])('%s → %s', (value, redacted) => {
    expect(redactSecret(value)).toBe(redacted);
  });
});

describe('ClientSecret', () => {
  const secret = new ClientSecret(`accs_secret_${MARK}`, 'account_session', 1_767_227_400);

  it('reveals the raw value only through reveal()', () => {
    expect(secret.reveal()).toBe(`accs_secret_${MARK}`);
    expect(secret).toMatchObject({ kind: 'account_session', expiresAt: 1_767_227_400, redacted: 'accs_secret_…[redacted]' });
  });

  it('never shows the raw value when printed, serialized or walked', () => {
    const dumps = [
      String(secret),
      `${secret}`,
      JSON.stringify(secret),
      JSON.stringify({ nested: { secret } }),
      inspect(secret, { showHidden: true, depth: 10 }),
      inspect({ secret }, { showHidden: true, depth: 10 }),
      JSON.stringify(Object.getOwnPropertyDescriptors(secret)),
      JSON.stringify(structuredClone({ ...secret })),
      Reflect.ownKeys(secret).map(String).join(','),
    ];
    for (const dump of dumps) expect(dump).not.toContain(MARK);
    expect(JSON.stringify(secret)).toBe('"accs_secret_…[redacted]"');
  });

  it('counts as expired from expiresAt minus the skew', () => {
    const at = 1_767_227_400_000;
    expect(secret.isExpired(at - 1)).toBe(false);
    expect(secret.isExpired(at)).toBe(true);
    expect(secret.isExpired(at - 30_000, 30_000)).toBe(true);
    expect(new ClientSecret('fcsess_1_secret_x', 'financial_connections_session', null).isExpired(Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});
