import type { FormObject, FormValue } from '../engine/decodeForm.js';
import { SandboxApiError } from '../engine/SandboxApiError.js';

/** What a parameter must look like. Declared `as const` so {@link Params} can infer the result. */
export type ParamSpec =
  | { type: 'string'; required?: boolean; enum?: readonly string[] }
  | { type: 'boolean'; required?: boolean }
  | { type: 'integer'; required?: boolean; min?: number; max?: number }
  | { type: 'array'; required?: boolean; items: ParamSpec }
  | { type: 'object'; required?: boolean; fields: Readonly<Record<string, ParamSpec>> }
  /** Free-form keys (e.g. `metadata`), each value checked against `values`. */
  | { type: 'map'; required?: boolean; values: ParamSpec }
  /** Stripe's `created`-style filter: a unix time, or a range `{ gt?, gte?, lt?, lte? }`. */
  | { type: 'range'; required?: boolean };

/** The range form of a `range` param. */
export interface RangeQuery {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

const RANGE_FIELDS = { gt: { type: 'integer' }, gte: { type: 'integer' }, lt: { type: 'integer' }, lte: { type: 'integer' } } as const;

export type Fields = Readonly<Record<string, ParamSpec>>;

type Value<S> = S extends { type: 'string'; enum: readonly (infer E)[] }
  ? E
  : S extends { type: 'string' }
    ? string
    : S extends { type: 'boolean' }
      ? boolean
      : S extends { type: 'integer' }
        ? number
        : S extends { type: 'array'; items: infer I }
          ? Value<I>[]
          : S extends { type: 'object'; fields: infer F }
            ? Params<F>
            : S extends { type: 'map'; values: infer V }
              ? Record<string, Value<V>>
              : S extends { type: 'range' }
                ? number | RangeQuery
                : never;

type Flatten<T> = { [K in keyof T]: T[K] } & {};

/** The typed result of {@link readParams} for a field list. */
export type Params<F> = Flatten<
  { -readonly [K in keyof F as F[K] extends { required: true } ? K : never]: Value<F[K]> } & {
    -readonly [K in keyof F as F[K] extends { required: true } ? never : K]?: Value<F[K]>;
  }
>;

const listOr = (values: readonly string[]) =>
  values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')}, or ${values[values.length - 1]}`;

function describe(value: FormValue): string {
  return typeof value === 'string' ? value : Array.isArray(value) ? 'an array' : 'an object';
}

function readValue(value: FormValue, spec: ParamSpec, param: string): unknown {
  switch (spec.type) {
    case 'string':
      if (typeof value !== 'string') throw SandboxApiError.invalid(`Invalid string: ${describe(value)}`, param);
      if (spec.enum && !spec.enum.includes(value)) {
        throw SandboxApiError.invalid(`Invalid ${param}: must be one of ${listOr(spec.enum)}`, param);
      }
      return value;
    case 'boolean':
      if (value === 'true') return true;
      if (value === 'false') return false;
      throw SandboxApiError.invalid(`Invalid boolean: ${describe(value)}`, param);
    case 'integer': {
      const n = typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : NaN;
      if (Number.isNaN(n)) throw SandboxApiError.invalid(`Invalid integer: ${describe(value)}`, param, 'parameter_invalid_integer');
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
        throw SandboxApiError.invalid(`Invalid ${param}: must be between ${spec.min ?? '-∞'} and ${spec.max ?? '∞'}`, param);
      }
      return n;
    }
    case 'array':
      if (!Array.isArray(value)) throw SandboxApiError.invalid(`Invalid array: ${param} must be a list, e.g. ${param}[0]=…`, param);
      return value.map((item, i) => readValue(item, spec.items, `${param}[${i}]`));
    case 'object':
      if (typeof value === 'string' || Array.isArray(value)) {
        throw SandboxApiError.invalid(`Invalid object: ${param} must be a hash, e.g. ${param}[key]=…`, param);
      }
      return readFields(value, spec.fields, param);
    case 'map': {
      if (typeof value === 'string' || Array.isArray(value)) {
        throw SandboxApiError.invalid(`Invalid object: ${param} must be a hash, e.g. ${param}[key]=…`, param);
      }
      // Free-form keys may be `__proto__`: a prototype-less object keeps them plain data.
      const out = Object.create(null) as Record<string, unknown>;
      for (const [key, item] of Object.entries(value)) out[key] = readValue(item, spec.values, `${param}[${key}]`);
      return out;
    }
    case 'range':
      return typeof value === 'string' ? readValue(value, { type: 'integer' }, param) : readValue(value, { type: 'object', fields: RANGE_FIELDS }, param);
  }
}

/** Whether `time` is inside a `range` param's value (an exact time or a range). */
export function inRange(time: number, range: number | RangeQuery | undefined): boolean {
  if (range === undefined) return true;
  if (typeof range === 'number') return time === range;
  return (
    (range.gt === undefined || time > range.gt) &&
    (range.gte === undefined || time >= range.gte) &&
    (range.lt === undefined || time < range.lt) &&
    (range.lte === undefined || time <= range.lte)
  );
}

function readFields(raw: FormObject, fields: Fields, prefix: string | null): Record<string, unknown> {
  const name = (key: string) => (prefix === null ? key : `${prefix}[${key}]`);
  for (const key of Object.keys(raw)) {
    if (!Object.hasOwn(fields, key)) throw SandboxApiError.unknown(name(key));
  }
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(fields)) {
    const value = raw[key];
    // Stripe treats an empty value as "unset" (the SDK sends null and '' that way).
    if (value === undefined || value === '') {
      if (spec.required) throw SandboxApiError.missing(name(key));
      continue;
    }
    out[key] = readValue(value, spec, name(key));
  }
  return out;
}

/**
 * Checks decoded form params against `fields` the way Stripe does: unknown names are
 * `parameter_unknown`, absent required ones `parameter_missing`, wrong types a 400 naming the param.
 */
export function readParams<const F extends Fields>(raw: FormObject, fields: F): Params<F> {
  return readFields(raw, fields, null) as Params<F>;
}
