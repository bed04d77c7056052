import type { Page } from '@playwright/test';

/** React's hydration complaints: the development text, or production's minified error numbers. */
const HYDRATION = /hydrat|did not match|server rendered HTML|Minified React error #(418|419|422|423|425)/i;

/**
 * What a page says while a test runs: console messages, page errors, and every request that
 * reaches for Stripe's own hosts (the stand-ins must answer instead, offline).
 */
export function watchPage(page: Page) {
  const messages: { type: string; text: string }[] = [];
  const stripeRequests: string[] = [];
  page.on('console', (message) => messages.push({ type: message.type(), text: `${message.text()} (${message.location().url})` }));
  page.on('pageerror', (error) => messages.push({ type: 'pageerror', text: error.message }));
  page.on('request', (request) => {
    if (/(^|\.)stripe\.com$/.test(new URL(request.url()).hostname)) stripeRequests.push(request.url());
  });
  return {
    stripeRequests,
    hydrationWarnings: () => messages.filter((message) => HYDRATION.test(message.text)),
    errors: () => messages.filter((message) => message.type === 'error' || message.type === 'pageerror'),
    /** Console lines about Connect.js preloads the page never used (a hint for a script the stand-in replaced). */
    unusedPreloads: () => messages.filter((message) => /preloaded .* not used/i.test(message.text)),
  };
}
