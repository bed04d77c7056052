import { describe, expect, it } from 'vitest';
import { IdempotencyCache, IDEMPOTENCY_RETENTION_SECONDS } from '../../src/sandbox/rest/IdempotencyCache';

describe('IdempotencyCache', () => {
  it('answers 409 while the first request with a key is still running, then replays its answer', () => {
    const cache = new IdempotencyCache(10, () => 0);
    expect(cache.begin('', 'k', 'params')).toEqual({ kind: 'fresh' });
    expect(() => cache.begin('', 'k', 'params')).toThrow(expect.objectContaining({ status: 409, body: expect.objectContaining({ code: 'idempotency_key_in_use' }) }));
    cache.save('', 'k', 200, '{"ok":1}');
    expect(cache.begin('', 'k', 'params')).toEqual({ kind: 'replay', status: 200, body: '{"ok":1}' });
  });

  it('keeps keys apart per scope (Stripe-Account) and forgets an abandoned key', () => {
    const cache = new IdempotencyCache(10, () => 0);
    cache.begin('acct_a', 'k', 'one');
    expect(cache.begin('acct_b', 'k', 'two')).toEqual({ kind: 'fresh' });
    cache.abandon('acct_a', 'k');
    expect(cache.begin('acct_a', 'k', 'other params')).toEqual({ kind: 'fresh' });
  });

  it('prunes keys older than 24 hours and never holds more than its cap', () => {
    let now = 0;
    const cache = new IdempotencyCache(3, () => now);
    for (const key of ['a', 'b', 'c', 'd', 'e']) {
      cache.begin('', key, 'p');
      cache.save('', key, 200, key);
    }
    expect(cache.size).toBe(3);
    now = IDEMPOTENCY_RETENTION_SECONDS + 1;
    expect(cache.begin('', 'a', 'other')).toEqual({ kind: 'fresh' });
    expect(cache.size).toBe(1);
  });
});
