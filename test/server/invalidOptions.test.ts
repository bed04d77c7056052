import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import {
  createAccountSessionHandler,
  createCustomerSessionHandler,
  createFinancialConnectionsSessionHandler,
  toNodeHandler,
} from '../../src/server';
import { expectInvalidOptions, thrownBy } from '../expectInvalidOptions';

// Each required option of each server entry point as undefined, '' and a wrong type: an
// `invalid_options` EmbedkitError at start-up that names the option, never a TypeError from deep inside.
const stripe = new Stripe('sk_test_123', { host: '127.0.0.1', port: 9, protocol: 'http', maxNetworkRetries: 0 });
const authorize = () => null;
const BAD_VALUES = [undefined, '', 42] as const;

const factories = {
  createAccountSessionHandler: [createAccountSessionHandler, { stripe, authorize, components: { payments: { enabled: true } } }],
  createCustomerSessionHandler: [createCustomerSessionHandler, { stripe, authorize, components: { pricing_table: { enabled: true } } }],
  createFinancialConnectionsSessionHandler: [createFinancialConnectionsSessionHandler, { stripe, authorize, permissions: ['balances'] }],
} as const;

const cases = Object.entries(factories).flatMap(([name, [factory, valid]]) =>
  Object.keys(valid).flatMap((option) =>
    BAD_VALUES.map((value) => [`${name}: ${option} = ${JSON.stringify(value) ?? 'undefined'}`, option, () => (factory as (o: unknown) => unknown)({ ...valid, [option]: value })] as const),
  ),
);

function expectInvalid(create: () => unknown, option: string) {
  const error = thrownBy(create);
  // Not every server check sets `field` (the FC permissions check is its own); all name the option.
  expectInvalidOptions(error, option, null);
  expect((error as Error).message).toMatch(new RegExp(`^embedkit/server \\w+: .*\\b${option}\\b`));
}

describe('server entry points refuse wrong options at start-up', () => {
  it.each(cases)('%s', (_name, option, create) => expectInvalid(create, option));

  it.each(Object.keys(factories))('%s without an options object', (name) => {
    const [factory] = factories[name as keyof typeof factories];
    for (const options of [undefined, '', 42]) expectInvalid(() => (factory as (o: unknown) => unknown)(options), 'options');
  });

  it.each(BAD_VALUES.map((value) => [JSON.stringify(value) ?? 'undefined', value] as const))('toNodeHandler: handler = %s', (_label, handler) => {
    expectInvalid(() => toNodeHandler(handler as never), 'handler');
  });

  it('toNodeHandler: trustProxy of the wrong type', () => {
    const handler = createAccountSessionHandler(factories.createAccountSessionHandler[1]);
    expectInvalid(() => toNodeHandler(handler, { trustProxy: 'yes' as never }), 'trustProxy');
  });
});
