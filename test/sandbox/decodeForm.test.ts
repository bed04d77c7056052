import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeForm } from '../../src/sandbox/engine/decodeForm';
// The SDK's own encoder. `stripe` does not export it through its package "exports", so it is
// imported by file: the exact function stripe-node uses to build request bodies and query strings.
import { queryStringifyRequestData } from '../../node_modules/stripe/esm/utils.js';

type Params = { [key: string]: Value };
type Value = string | number | boolean | null | Value[] | Params;

const encode = queryStringifyRequestData as (data: unknown) => string;


/** What a form can carry: every leaf becomes text, null becomes '', empty lists and hashes vanish. */
function asForm(value: Value): unknown {
  if (value === null) return '';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map(asForm).filter((v) => v !== undefined);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const form = asForm(v);
    if (form !== undefined) out[k] = form;
  }
  return Object.keys(out).length ? out : undefined;
}

const key = fc.stringMatching(/^[a-z_][a-z0-9_]{0,11}$/);
const text = fc.string({ unit: 'grapheme', maxLength: 20 });
const leaf = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null));
const { value } = fc.letrec<{ value: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(leaf, { minLength: 1, maxLength: 4 }),
    fc.dictionary(key, tie('value'), { minKeys: 1, maxKeys: 4 }),
  ),
}));
const params = fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 });

/** Arrays of hashes are indexed objects in the SDK's encoding; both sides must agree on what they mean. */
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

describe('decodeForm', () => {
  it('decodes what the stripe SDK encodes back to the original params (property)', () => {
    fc.assert(
      fc.property(params, (p) => {
        const expected = asForm(p) ?? {};
        expect(plain(decodeForm(encode(p)))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('reads raw and percent-encoded brackets, [] pushes and [n] indexes', () => {
    expect(plain(decodeForm('a[b][c]=1&a[b][d]=x%20y&list[]=p&list[]=q&idx%5B1%5D=two&idx%5B0%5D=one&plus=a+b'))).toEqual({
      a: { b: { c: '1', d: 'x y' } },
      list: ['p', 'q'],
      idx: ['one', 'two'],
      plus: 'a b',
    });
    expect(plain(decodeForm('items[0][price]=p1&items[1][price]=p2'))).toEqual({ items: [{ price: 'p1' }, { price: 'p2' }] });
    expect(plain(decodeForm('flag&empty='))).toEqual({ flag: '', empty: '' });
  });

  it('is not fooled by prototype keys', () => {
    const decoded = decodeForm('__proto__[polluted]=yes&constructor[prototype][x]=1');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(plain(decoded)).toMatchObject({ constructor: { prototype: { x: '1' } } });
  });

  it.each([
    ['a[b]c=1', /Invalid parameter name/],
    ['[a]=1', /Invalid parameter name/],
    ['a=%zz', /malformed %-escape/],
    ['a=1&a=2', /more than once/],
    ['a[b]=1&a=2', /more than once/],
    ['a=1&a[b]=2', /both a value and an object/],
    [`a${'[x]'.repeat(9)}=1`, /nested too deeply/],
    [Array.from({ length: 2001 }, (_, i) => `k${i}=1`).join('&'), /Too many parameters/],
  ])('refuses %s with a 400', (body, message) => {
    expect(() => decodeForm(body)).toThrow(message);
    try {
      decodeForm(body);
    } catch (error) {
      expect(error).toMatchObject({ status: 400, body: { type: 'invalid_request_error' } });
    }
  });
});
