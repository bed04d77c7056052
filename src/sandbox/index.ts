// The public API of `embedkit/sandbox`: an offline, in-memory Stripe for the endpoints embedkit uses.
export { createSandbox } from './createSandbox';
export type { Sandbox, SandboxOptions, SandboxControl } from './createSandbox';
export { toNodeListener } from './toNodeListener';
export type { FetchHandler } from './toNodeListener';
export type { FailRule } from './FaultPlan';
export { SANDBOX_API_VERSION } from './sandboxHandler';
export { BROWSER_ROUTES, CONTROL_ROUTES, SCRIPT_ROUTES, STRIPE_SCRIPT_URLS } from './protocol';
export type * from './protocol';
