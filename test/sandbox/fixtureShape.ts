import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** An excerpt of Stripe's OpenAPI fixtures (stripe-openapi fixtures3.json), kept in the repo so CI has it. */
const FIXTURES = new URL('./stripeFixtures.json', import.meta.url);

let resources: Record<string, Record<string, unknown>> | undefined;

/** Stripe's OpenAPI fixture for a resource (`payment_intent`, `event`, …). */
export function stripeFixture(name: string): Record<string, unknown> {
  resources ??= (JSON.parse(readFileSync(FIXTURES, 'utf8')) as { resources: Record<string, Record<string, unknown>> }).resources;
  const fixture = resources[name];
  if (!fixture) throw new Error(`no Stripe fixture named ${name}`);
  return fixture;
}

const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/**
 * Asserts that `actual` has every field of Stripe's fixture for `name`, each of the fixture's kind
 * (string, number, object, …) or null where Stripe's field is nullable in the sandbox's answer.
 */
export function expectStripeShape(actual: unknown, name: string): void {
  const fixture = stripeFixture(name);
  const object = actual as Record<string, unknown>;
  const missing = Object.keys(fixture).filter((key) => !Object.hasOwn(object, key));
  expect(missing, `${name} fields missing from the sandbox's answer`).toEqual([]);
  const wrongKind = Object.entries(fixture)
    .filter(([key, value]) => value !== null && object[key] !== null && kind(object[key]) !== kind(value))
    .map(([key, value]) => `${key}: ${kind(object[key])} (Stripe: ${kind(value)})`);
  expect(wrongKind, `${name} fields of another kind than Stripe's`).toEqual([]);
  expect(object.object).toBe(fixture.object ?? object.object);
}
