import type Stripe from 'stripe';
import { formatMoney } from '../browser/formatMoney.js';
import { BROWSER_ROUTES } from '../protocol.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const html = (body: string) =>
  new Response(body, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' } });

const page = (title: string, content: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sandbox: ${title}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; color: #1a1b25; background: #f4f4f8; margin: 0; display: grid; place-items: center; min-height: 100vh; }
main { background: #fff; border: 1px dashed #635bff; border-radius: 8px; padding: 16px 24px; max-width: 420px; }
h1 { font-size: 18px; } .badge { font-size: 12px; color: #fff; background: #4b44d6; border-radius: 4px; padding: 1px 6px; margin-right: 8px; text-transform: uppercase; }
button { font: inherit; color: #fff; background: #635bff; border: 0; border-radius: 6px; padding: 6px 14px; margin-right: 8px; cursor: pointer; }
button[value="fail"] { color: #1a1b25; background: transparent; border: 1px solid currentColor; }
</style></head>
<body><main><h1><span class="badge">Sandbox</span>${title}</h1>${content}</main></body></html>`;

/** The hosted challenge a `redirect_to_url` next action opens: "Complete" or "Fail", posted back with the one-time `source`. */
export function challengePage(intent: Stripe.PaymentIntent, source: string): Response {
  const action = BROWSER_ROUTES.threeDSecure.replace(':id', encodeURIComponent(intent.id));
  return html(
    page(
      '3D Secure authentication',
      `<p>Your bank asks you to confirm a payment of ${escapeHtml(formatMoney(intent.amount, intent.currency))}.</p>
<p>This is the sandbox’s test challenge: choose how the customer answers it.</p>
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="source" value="${escapeHtml(source)}">
<button name="outcome" value="complete">Complete</button><button name="outcome" value="fail">Fail</button></form>`,
    ),
  );
}

/**
 * After the hosted challenge: back to the `return_url` with Stripe's query parameters (its
 * contract, client secret included), or, for a challenge opened without one, a page saying it is done.
 */
export function afterChallenge(intent: Stripe.PaymentIntent, returnUrl: string | null): Response {
  if (!returnUrl) return html(page('Authentication finished', '<p>You can close this page.</p>'));
  const url = new URL(returnUrl);
  url.searchParams.set('payment_intent', intent.id);
  url.searchParams.set('payment_intent_client_secret', intent.client_secret ?? '');
  url.searchParams.set('redirect_status', intent.status === 'succeeded' ? 'succeeded' : 'failed');
  return new Response(null, { status: 303, headers: { Location: url.href, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' } });
}
