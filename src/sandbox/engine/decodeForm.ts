import { SandboxApiError } from './SandboxApiError.js';

/** A decoded form value: strings at the leaves, objects and arrays from bracket nesting. */
export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

/** Limits that keep a hostile body from costing more than a normal one. */
export const FORM_LIMITS = { maxDepth: 8, maxPairs: 2000 } as const;

const INDEX = /^(0|[1-9]\d{0,5})$/;

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw SandboxApiError.invalid(
      'Invalid request: the body is not valid application/x-www-form-urlencoded (a malformed %-escape). Encode values with encodeURIComponent.',
    );
  }
}

/** `a[b][]` → `['a', 'b', '']`; anything that is not `name` followed by `[...]` groups is refused. */
function splitKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open === -1) return [key];
  const segments = [key.slice(0, open)];
  const rest = key.slice(open);
  const groups = /\[([^[\]]*)\]/gy;
  let consumed = 0;
  for (let m = groups.exec(rest); m; m = groups.exec(rest)) {
    segments.push(m[1] ?? '');
    consumed = groups.lastIndex;
  }
  if (consumed !== rest.length || segments[0] === '') {
    throw SandboxApiError.invalid(`Invalid parameter name: ${key}. Nest with brackets, e.g. components[payments][enabled].`, key);
  }
  if (segments.length - 1 > FORM_LIMITS.maxDepth) {
    throw SandboxApiError.invalid(`Parameter ${key} is nested too deeply (at most ${FORM_LIMITS.maxDepth} levels).`, key);
  }
  return segments;
}

const isIndexed = (node: FormObject) => {
  const keys = Object.keys(node);
  return keys.length > 0 && keys.every((k) => INDEX.test(k));
};

/** Objects whose keys are all array indexes (`a[0]`, `a[1]`, or `a[]`) become arrays, in index order. */
function finish(node: FormValue): FormValue {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(finish);
  if (isIndexed(node)) {
    return Object.keys(node)
      .map(Number)
      .sort((a, b) => a - b)
      .map((i) => finish(node[i] as FormValue));
  }
  for (const key of Object.keys(node)) node[key] = finish(node[key] as FormValue);
  return node;
}

/**
 * Decodes `application/x-www-form-urlencoded` text (or a query string) with Stripe's bracket
 * nesting: `a[b][c]=`, `a[]=`, `a[0]=`, raw or percent-encoded brackets. Conflicting shapes
 * (`a=1&a[b]=2`), duplicated scalars, over-deep keys and malformed escapes are Stripe-style 400s.
 */
export function decodeForm(text: string): FormObject {
  const root: FormObject = Object.create(null) as FormObject;
  const pairs = text.split('&').filter((p) => p !== '');
  if (pairs.length > FORM_LIMITS.maxPairs) {
    throw SandboxApiError.invalid(`Too many parameters (at most ${FORM_LIMITS.maxPairs}).`);
  }
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = decodeComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decodeComponent(pair.slice(eq + 1));
    const segments = splitKey(key);
    let node: FormObject = root;
    for (let i = 0; i < segments.length; i++) {
      const last = i === segments.length - 1;
      let segment = segments[i] as string;
      // `a[]` appends: the next free index of the array being built.
      if (segment === '' && i > 0) segment = String(Object.keys(node).length);
      const existing = node[segment];
      if (last) {
        if (existing !== undefined) {
          throw SandboxApiError.invalid(`Received parameter ${key} more than once, or both as a value and as an object.`, key);
        }
        node[segment] = value;
      } else if (existing === undefined) {
        const child = Object.create(null) as FormObject;
        node[segment] = child;
        node = child;
      } else if (typeof existing === 'string' || Array.isArray(existing)) {
        throw SandboxApiError.invalid(`Invalid parameter ${key}: ${segments.slice(0, i + 1).join('][')} is both a value and an object.`, key);
      } else {
        node = existing;
      }
    }
  }
  return finish(root) as FormObject;
}
