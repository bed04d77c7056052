import { configError } from './configError.js';
import { stripeCspSources, type StripeCspProduct } from './stripeCspSources.js';

/** Options of {@link stripeContentSecurityPolicy}. */
export interface StripeContentSecurityPolicyOptions {
  /** The Stripe products the page uses. Default: all of them. */
  products?: readonly StripeCspProduct[];
  /**
   * The app's own policy, e.g. `{ 'default-src': "'self'", 'script-src': ["'self'"] }`. Stripe's
   * sources are added to it; nothing in it is removed except a `'none'` that Stripe's sources
   * would contradict.
   */
  directives?: Readonly<Record<string, string | readonly string[]>>;
  /**
   * A fresh per-response nonce (base64, at least 16 bytes of randomness), added to `script-src`
   * as `'nonce-…'`. Pass the same value to the scripts you render.
   */
  nonce?: string;
}

const DIRECTIVE_NAME = /^[a-z][a-z-]*$/;
// Base64 / base64url. Anything else could close the quote and smuggle in a directive.
const NONCE = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;
const HASH = /^'sha(256|384|512)-/;

/**
 * Builds a `Content-Security-Policy` header value that lets Stripe's embedded UIs load, merged
 * with the app's own directives and an optional nonce. React-free and safe to import anywhere.
 *
 * A directive the app did not write starts from what the app's `default-src` allowed (or
 * `'self'`), because naming a directive replaces the `default-src` fallback for it: adding
 * `img-src https://*.stripe.com` alone would otherwise block the app's own images.
 *
 * @example
 * res.setHeader('Content-Security-Policy', stripeContentSecurityPolicy({
 *   products: ['connect', 'stripe-js'],
 *   directives: { 'default-src': "'self'", 'object-src': "'none'" },
 *   nonce,
 * }));
 */
export function stripeContentSecurityPolicy(options: StripeContentSecurityPolicyOptions = {}): string {
  const { products = Object.keys(stripeCspSources) as StripeCspProduct[], directives = {}, nonce } = options;
  const policy = new Map<string, string[]>();
  for (const [name, value] of Object.entries(directives)) policy.set(checkName(name), sourcesOf(name, value));

  const fallback = policy.get('default-src') ?? ["'self'"];
  const add = (name: string, sources: readonly string[]) => {
    const current = policy.get(name) ?? [...fallback];
    const merged = current.filter((source) => source !== "'none'");
    for (const source of sources) {
      // A hash in a directive makes browsers ignore its 'unsafe-inline', which would silently
      // block the app's own inline styles; 'unsafe-inline' already allows what the hash allows.
      if (HASH.test(source) && merged.includes("'unsafe-inline'")) continue;
      if (!merged.includes(source)) merged.push(source);
    }
    policy.set(name, merged);
  };

  for (const product of products) {
    const sources: Readonly<Record<string, readonly string[]>> | undefined = stripeCspSources[product];
    if (sources === undefined) {
      throw configError('stripeContentSecurityPolicy', `unknown product ${JSON.stringify(product)}. Use ${Object.keys(stripeCspSources).join(', ')}.`);
    }
    for (const [name, list] of Object.entries(sources)) add(name, list);
  }
  if (nonce !== undefined) {
    if (typeof nonce !== 'string' || !NONCE.test(nonce)) {
      throw configError('stripeContentSecurityPolicy', 'nonce must be base64 of at least 16 random bytes, e.g. crypto.randomBytes(16).toString("base64"), fresh for each response.');
    }
    add('script-src', [`'nonce-${nonce}'`]);
  }

  return [...policy].map(([name, sources]) => (sources.length === 0 ? name : `${name} ${sources.join(' ')}`)).join('; ');
}

function checkName(name: string): string {
  if (!DIRECTIVE_NAME.test(name)) {
    throw configError('stripeContentSecurityPolicy', `${JSON.stringify(name)} is not a CSP directive name. Use lower-case names such as 'script-src'.`);
  }
  return name;
}

function sourcesOf(name: string, value: string | readonly string[]): string[] {
  const list = typeof value === 'string' ? value.split(/\s+/) : [...value];
  const sources = list.map((source) => source.trim()).filter((source) => source !== '');
  for (const source of sources) {
    // A ';' or ',' inside a source would start another directive or another policy.
    if (/[;,\s]/.test(source)) {
      throw configError('stripeContentSecurityPolicy', `the ${name} source ${JSON.stringify(source)} contains ';', ',' or whitespace. Pass one source per array item.`);
    }
  }
  return [...new Set(sources)];
}
