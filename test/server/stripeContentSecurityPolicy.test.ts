import { describe, expect, it } from 'vitest';
import { stripeContentSecurityPolicy, stripeCspSources } from '../../src/server';

/** Parses a header value back into directive → sources, so assertions don't depend on order. */
function parse(header: string): Map<string, string[]> {
  return new Map(
    header.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

describe('stripeContentSecurityPolicy', () => {
  it("adds every product's sources by default, on top of 'self'", () => {
    const policy = parse(stripeContentSecurityPolicy());
    for (const sources of Object.values(stripeCspSources)) {
      for (const [name, list] of Object.entries(sources)) {
        expect(policy.get(name)).toEqual(expect.arrayContaining(["'self'", ...list]));
      }
    }
    expect(policy.get('style-src')).toContain("'sha256-0hAheEzaMe6uXIKV4EehS9pu1am1lj/KnnzrOYqckXk='");
  });

  it('lists only the chosen products', () => {
    const policy = parse(stripeContentSecurityPolicy({ products: ['buy-button'] }));
    expect([...policy.keys()].sort()).toEqual(['frame-src', 'script-src']);
    expect(policy.get('script-src')).toEqual(["'self'", 'https://js.stripe.com']);
  });

  it("merges with the app's directives, keeps its own sources and drops a contradicted 'none'", () => {
    const header = stripeContentSecurityPolicy({
      products: ['connect'],
      directives: {
        'default-src': "'self' https://cdn.example.com",
        'script-src': ["'self'", 'https://js.stripe.com'],
        'frame-src': "'none'",
        'object-src': "'none'",
        'upgrade-insecure-requests': [],
      },
    });
    const policy = parse(header);
    expect(policy.get('script-src')).toEqual(["'self'", 'https://js.stripe.com', 'https://connect-js.stripe.com']);
    expect(policy.get('frame-src')).toEqual(['https://connect-js.stripe.com', 'https://js.stripe.com']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    // A directive the app did not write starts from its default-src, not from nothing.
    expect(policy.get('img-src')).toEqual(["'self'", 'https://cdn.example.com', 'https://*.stripe.com']);
    expect(header).toContain('upgrade-insecure-requests;');
  });

  it("leaves out Connect.js's style hash where the app allows 'unsafe-inline' (a hash would disable it)", () => {
    const relaxed = parse(stripeContentSecurityPolicy({ products: ['connect'], directives: { 'style-src': "'self' 'unsafe-inline'" } }));
    expect(relaxed.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    const strict = parse(stripeContentSecurityPolicy({ products: ['connect'], directives: { 'style-src': "'self'" } }));
    expect(strict.get('style-src')).toEqual(["'self'", "'sha256-0hAheEzaMe6uXIKV4EehS9pu1am1lj/KnnzrOYqckXk='"]);
  });

  it('adds a nonce to script-src only', () => {
    const nonce = 'rAnd0mBase64Value+/AA==';
    const policy = parse(stripeContentSecurityPolicy({ products: ['stripe-js'], nonce }));
    expect(policy.get('script-src')).toContain(`'nonce-${nonce}'`);
    expect(policy.get('connect-src')).not.toContain(`'nonce-${nonce}'`);
  });

  it.each([
    ["abc'; script-src *"],
    ['short'],
    [''],
  ])('refuses the nonce %j, which could inject a directive or is too weak', (nonce) => {
    expect(() => stripeContentSecurityPolicy({ nonce })).toThrow(expect.objectContaining({ code: 'invalid_options', message: expect.stringMatching(/nonce must be base64/) }));
  });

  it('refuses sources and names that would start another directive', () => {
    expect(() => stripeContentSecurityPolicy({ directives: { 'script-src': ["'self'; img-src *"] } })).toThrow(expect.objectContaining({ code: 'invalid_options', message: expect.stringMatching(/one source per array item/) }));
    expect(() => stripeContentSecurityPolicy({ directives: { 'Script-Src;': "'self'" } })).toThrow(expect.objectContaining({ code: 'invalid_options', message: expect.stringMatching(/not a CSP directive name/) }));
    expect(() => stripeContentSecurityPolicy({ products: ['checkout' as never] })).toThrow(expect.objectContaining({ code: 'invalid_options', message: expect.stringMatching(/unknown product "checkout"/) }));
  });
});
