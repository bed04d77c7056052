// The public API of `embedkit/sandbox`: an offline, in-memory Stripe for the endpoints embedkit uses.
//
// The sandbox by part (entry files and the wire contract, protocol.ts, stay at this root):
// - engine/   the HTTP core and world state: createSandbox, the request handler and router, faults,
//             local-access and control routes, body reading and form decoding, the store, ids.
// - rest/     the Stripe REST API: accounts, account/customer sessions, customers, Financial
//             Connections, payments; API-key auth, idempotency, API versions, params, objects, seed data.
// - browser/  the in-page stand-ins for Stripe's scripts (bundled on their own) and their server side:
//             script serving, secret claims and the claim-token routes they call.
// - webhooks/ event recording, signing and delivery to registered endpoints.
export { createSandbox } from './engine/createSandbox.js';
export type { Sandbox, SandboxOptions, SandboxControl } from './engine/createSandbox.js';
export { toNodeListener } from './engine/toNodeListener.js';
export type { FetchHandler } from './engine/toNodeListener.js';
export type { FailRule } from './engine/FaultPlan.js';
export type { WebhookOptions, WebhookStats } from './webhooks/WebhookHub.js';
export { SANDBOX_API_VERSION } from './rest/stripeVersion.js';
export { BROWSER_ROUTES, CONTROL_ROUTE_PREFIX, CONTROL_ROUTES, SCRIPT_ROUTES, STRIPE_SCRIPT_URLS } from './protocol.js';
export type * from './protocol.js';
