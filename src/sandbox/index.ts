// The public API of `embedkit/sandbox`: an offline, in-memory Stripe for the endpoints embedkit uses.
export { createSandbox } from './createSandbox.js';
export type { Sandbox, SandboxOptions, SandboxControl } from './createSandbox.js';
export { toNodeListener } from './toNodeListener.js';
export type { FetchHandler } from './toNodeListener.js';
export type { FailRule } from './FaultPlan.js';
export type { WebhookOptions, WebhookStats } from './webhooks/WebhookHub.js';
export { SANDBOX_API_VERSION } from './stripeVersion.js';
export { BROWSER_ROUTES, CONTROL_ROUTE_PREFIX, CONTROL_ROUTES, SCRIPT_ROUTES, STRIPE_SCRIPT_URLS } from './protocol.js';
export type * from './protocol.js';
