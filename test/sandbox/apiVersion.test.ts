import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { SANDBOX_API_VERSION } from '../../src/sandbox';
import { startSandbox, stripeError } from './startSandbox';

const withVersion = (url: string, version: string | null) =>
  fetch(`${url}/v1/accounts`, { headers: { Authorization: 'Bearer sk_test_1', ...(version !== null && { 'Stripe-Version': version }) } });

describe('sandbox REST: Stripe-Version', () => {
  it("works with the SDK's pinned version, and answers in it", async () => {
    const { stripe, url } = await startSandbox();
    expect(Stripe.API_VERSION).toBe(SANDBOX_API_VERSION);
    const { lastResponse } = await stripe.accounts.list();
    expect(lastResponse.apiVersion).toBe(SANDBOX_API_VERSION);
    const none = await withVersion(url, null);
    expect(none.status).toBe(200);
    expect(none.headers.get('stripe-version')).toBe(SANDBOX_API_VERSION);
  });

  it('accepts every version of the release it models (what stripe@23 pins), echoing it', async () => {
    const { url } = await startSandbox();
    for (const version of ['2026-09-30.endive', '2026-11-25.endive']) {
      const res = await withVersion(url, version);
      expect(res.status, version).toBe(200);
      expect(res.headers.get('stripe-version')).toBe(version);
    }
  });

  it('answers an invalid version with 400 as Stripe does, never echoing it', async () => {
    const { url } = await startSandbox();
    for (const version of ['garbage', '', '2019-2-19', '2026-13-45.endive', '2026-10-28.', '2026-10-28.endive, 2026-10-28.endive']) {
      const res = await withVersion(url, version);
      expect(res.status, JSON.stringify(version)).toBe(400);
      expect(res.headers.get('stripe-version')).toBe(SANDBOX_API_VERSION);
      const { error } = (await res.json()) as { error: { type: string; message: string } };
      expect(error.type).toBe('invalid_request_error');
      expect(error.message).toMatch(/^Invalid Stripe API version: /);
      expect(error.message).toContain(SANDBOX_API_VERSION);
    }
  });

  it('refuses a real version it does not model with 400, naming the modelled one and the fix', async () => {
    const { url, stripe } = await startSandbox({ stripe: { apiVersion: '2020-08-27' as never } });
    for (const version of ['2020-08-27', '2025-09-30.clover', '2026-08-26.dahlia']) {
      const res = await withVersion(url, version);
      expect(res.status, version).toBe(400);
      const { error } = (await res.json()) as { error: { message: string } };
      expect(error.message).toContain(`does not model Stripe API version ${version}`);
      expect(error.message).toContain('endive');
      expect(error.message).toContain('apiVersion');
    }
    // Through the SDK, a pinned old version fails loudly instead of getting shapes it does not expect.
    expect(await stripeError(stripe.accounts.list())).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400 });
  });

  it('does not check Stripe-Version on the sandbox’s own routes', async () => {
    const { url } = await startSandbox();
    const res = await fetch(`${url}/sandbox/control/state`, { headers: { 'Stripe-Version': 'garbage' } });
    expect(res.status).toBe(200);
  });
});
