import type Stripe from 'stripe';
import { describe, expectTypeOf, it } from 'vitest';
import { createSandbox, type SandboxStateSnapshot } from '../../src/sandbox';
import { fillAccountSessionComponents } from '../../src/sandbox/rest/accountSessionComponents';
import type { FormObject } from '../../src/sandbox/engine/decodeForm';
import { readParams } from '../../src/sandbox/rest/readParams';
import { buildFcAccount } from '../../src/sandbox/rest/stripeObjects';

describe('sandbox types', () => {
  it('exposes the sandbox API with the protocol types', () => {
    const sandbox = createSandbox();
    expectTypeOf(sandbox.state()).toEqualTypeOf<SandboxStateSnapshot>();
    expectTypeOf(sandbox.listen).returns.resolves.toBeString();
    expectTypeOf(sandbox.fetch).toEqualTypeOf<(request: Request) => Promise<Response>>();
    expectTypeOf(sandbox.stripeConfig()).toExtend<Stripe.StripeConfig>();
    // An awaited event is typed by its name: a PaymentIntent event carries a PaymentIntent.
    expectTypeOf(sandbox.control.waitForEvent('payment_intent.succeeded')).resolves.toEqualTypeOf<Stripe.PaymentIntentSucceededEvent>();
    expectTypeOf(sandbox.control.completeOnboarding('acct_1')).toEqualTypeOf<Stripe.Account>();
  });

  it('infers typed params from a field list: required, optional, enums, arrays and nesting', () => {
    const params = readParams({} as FormObject, {
      account: { type: 'string', required: true },
      mode: { type: 'string', enum: ['a', 'b'] },
      limit: { type: 'integer' },
      tags: { type: 'array', items: { type: 'string' } },
      nested: { type: 'object', fields: { on: { type: 'boolean', required: true } } },
    } as const);
    expectTypeOf(params.account).toEqualTypeOf<string>();
    expectTypeOf(params.mode).toEqualTypeOf<'a' | 'b' | undefined>();
    expectTypeOf(params.limit).toEqualTypeOf<number | undefined>();
    expectTypeOf(params.tags).toEqualTypeOf<string[] | undefined>();
    expectTypeOf(params.nested).toEqualTypeOf<{ on: boolean } | undefined>();
  });

  it('builds objects typed with the stripe package', () => {
    expectTypeOf(fillAccountSessionComponents).returns.toEqualTypeOf<Stripe.AccountSession.Components>();
    expectTypeOf(buildFcAccount).returns.toEqualTypeOf<Stripe.FinancialConnections.Account>();
  });
});
