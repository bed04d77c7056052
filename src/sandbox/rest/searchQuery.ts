import { SandboxApiError } from '../engine/SandboxApiError.js';

/**
 * Stripe's search query language (https://docs.stripe.com/search), the part a backend uses to look
 * objects up: `field:'value'` clauses joined by spaces, `AND` or `OR` (not both), `-` to negate,
 * `~` for a substring of a string field, `>`/`<`/`>=`/`<=` for numbers, and `metadata['key']:'value'`.
 * Sandbox choice, following Stripe's field types: `:` on a string field ignores case, metadata
 * values (tokens) match exactly.
 */
export type SearchFieldType = 'string' | 'numeric';

type Operator = ':' | '~' | '>' | '<' | '>=' | '<=';

interface Clause {
  field: string;
  /** `metadata['key']`. */
  key?: string;
  operator: Operator;
  value: string | number;
  negated: boolean;
}

export interface SearchQuery {
  clauses: Clause[];
  join: 'and' | 'or';
}

/** What a clause reads from an object: a field's value, or one metadata value. */
export type SearchFieldReader = (field: string, key?: string) => string | number | null | undefined;

/** Stripe's limit on clauses in one query. */
const MAX_CLAUSES = 10;
/** A `~` value must be at least this long (Stripe's rule). */
const MIN_SUBSTRING = 3;

const invalid = (message: string) => SandboxApiError.invalid(message, 'query');

class Scanner {
  at = 0;
  constructor(readonly text: string) {}
  skipSpace(): boolean {
    const start = this.at;
    while (this.at < this.text.length && /\s/.test(this.text[this.at] as string)) this.at++;
    return this.at > start;
  }
  done(): boolean {
    return this.at >= this.text.length;
  }
  peek(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.at;
    return pattern.exec(this.text)?.[0];
  }
  take(pattern: RegExp): string | undefined {
    const match = this.peek(pattern);
    if (match !== undefined) this.at += match.length;
    return match;
  }
  /** A value in single or double quotes; `\` escapes the next character. */
  quoted(): string | undefined {
    const quote = this.text[this.at];
    if (quote !== "'" && quote !== '"') return undefined;
    let out = '';
    for (let i = this.at + 1; i < this.text.length; i++) {
      const char = this.text[i] as string;
      if (char === '\\' && i + 1 < this.text.length) {
        out += this.text[++i];
      } else if (char === quote) {
        this.at = i + 1;
        return out;
      } else {
        out += char;
      }
    }
    throw invalid(`Invalid search query: the quoted value starting at position ${this.at} is never closed. Close it with ${quote}.`);
  }
}

const FIELD = /[a-z_][a-z0-9_.]*/y;
const OPERATOR = />=|<=|[:~<>]/y;
const NUMBER = /-?\d+(\.\d+)?/y;
const CONNECTOR = /(AND|OR)(?=\s)/iy;

/**
 * Parses `query` against the searchable `fields` of `resource` (`metadata` is always a field).
 * Anything it cannot read is Stripe's 400 `invalid_request_error` on `query`, naming what to fix.
 */
export function parseSearchQuery(query: string, fields: Readonly<Record<string, SearchFieldType>>, resource: string): SearchQuery {
  const supported = [...Object.keys(fields), 'metadata'].sort().join(', ');
  const scanner = new Scanner(query);
  const clauses: Clause[] = [];
  const joins = new Set<'and' | 'or'>();
  scanner.skipSpace();
  if (scanner.done()) throw invalid(`The search query is empty. Search with e.g. email:'jenny@example.com' (fields: ${supported}).`);
  let spaced = false;
  while (!scanner.done()) {
    if (clauses.length > 0) {
      const connector = scanner.take(CONNECTOR);
      if (connector) {
        joins.add(connector.toLowerCase() as 'and' | 'or');
        if (!scanner.skipSpace() || scanner.done()) throw invalid(`Invalid search query: ${connector.toUpperCase()} must be followed by another clause.`);
      } else if (!spaced) {
        throw invalid(`Invalid search query: expected a space, AND or OR at position ${scanner.at}.`);
      } else {
        joins.add('and');
      }
    }
    clauses.push(readClause(scanner, fields, resource, supported));
    if (clauses.length > MAX_CLAUSES) throw invalid(`The search query has more than ${MAX_CLAUSES} clauses. Narrow it down to at most ${MAX_CLAUSES}.`);
    spaced = scanner.skipSpace();
  }
  if (joins.size > 1) throw invalid('A search query cannot combine AND and OR. Use one of them, or run two searches.');
  return { clauses, join: joins.has('or') ? 'or' : 'and' };
}

function readClause(scanner: Scanner, fields: Readonly<Record<string, SearchFieldType>>, resource: string, supported: string): Clause {
  const negated = scanner.take(/-/y) !== undefined;
  const start = scanner.at;
  const field = scanner.take(FIELD);
  if (!field) throw invalid(`Invalid search query: expected a field (${supported}) at position ${start}.`);
  let key: string | undefined;
  if (field === 'metadata') {
    if (scanner.take(/\[/y) === undefined) throw invalid("Invalid search query: name the metadata key, e.g. metadata['order_id']:'6735'.");
    key = scanner.quoted();
    if (key === undefined || scanner.take(/\]/y) === undefined) {
      throw invalid("Invalid search query: a metadata key is quoted and bracketed, e.g. metadata['order_id']:'6735'.");
    }
  } else if (!Object.hasOwn(fields, field)) {
    throw invalid(`Field \`${field}\` is an unsupported search field for ${resource}. Search by one of: ${supported}.`);
  }
  const type: SearchFieldType | 'token' = key !== undefined ? 'token' : (fields[field] as SearchFieldType);
  const operator = scanner.take(OPERATOR) as Operator | undefined;
  if (!operator) throw invalid(`Invalid search query: expected an operator (: ~ > < >= <=) after \`${field}\` at position ${scanner.at}.`);
  const name = key === undefined ? field : `metadata['${key}']`;
  if (type === 'numeric') {
    if (operator === '~') throw invalid(`\`${name}\` is a number: compare it with :, >, <, >= or <=, not ~.`);
    const raw = scanner.quoted() ?? scanner.take(NUMBER);
    const value = raw !== undefined && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    if (Number.isNaN(value)) throw invalid(`\`${name}\` is a number (unix seconds for created): write e.g. ${field}>1700000000.`);
    return { field, operator, value, negated };
  }
  if (operator !== ':' && !(operator === '~' && type === 'string')) {
    throw invalid(`\`${name}\` supports ${type === 'string' ? ': (exact) and ~ (substring)' : ': (exact match) only'}, not ${operator}.`);
  }
  const value = scanner.quoted();
  if (value === undefined) throw invalid(`Invalid search query: put the value of \`${name}\` in quotes, e.g. ${name}:'value'.`);
  if (operator === '~' && value.length < MIN_SUBSTRING) {
    throw invalid(`A substring search (~) needs at least ${MIN_SUBSTRING} characters; \`${name}~'${value}'\` has ${value.length}.`);
  }
  return { field, ...(key !== undefined && { key }), operator, value, negated };
}

function clauseMatches(clause: Clause, read: SearchFieldReader): boolean {
  const actual = read(clause.field, clause.key);
  if (actual === null || actual === undefined) return false;
  const { operator, value } = clause;
  if (typeof value === 'number') {
    const n = Number(actual);
    if (operator === '>') return n > value;
    if (operator === '<') return n < value;
    if (operator === '>=') return n >= value;
    if (operator === '<=') return n <= value;
    return n === value;
  }
  if (clause.key !== undefined) return actual === value;
  const text = String(actual).toLowerCase();
  return operator === '~' ? text.includes(value.toLowerCase()) : text === value.toLowerCase();
}

/** Whether an object (seen through `read`) matches a parsed query. */
export function matchesSearch(query: SearchQuery, read: SearchFieldReader): boolean {
  const results = query.clauses.map((clause) => clauseMatches(clause, read) !== clause.negated);
  return query.join === 'or' ? results.some(Boolean) : results.every(Boolean);
}
