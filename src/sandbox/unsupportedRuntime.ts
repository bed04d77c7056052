// What `embedkit/sandbox` resolves to where Node's built-ins are missing: bundles for the Edge
// runtime, workers and browsers (package.json's `edge-light`, `worker` and `browser` conditions).
// Next.js compiles instrumentation.ts for the Edge runtime too, even when that code never runs
// there; the real module's `node:http` / `node:crypto` imports would fail that build. This one
// builds anywhere, keeps the protocol constants, and says what to do when it is actually used.
import type { createSandbox as CreateSandbox } from './engine/createSandbox.js';
import type { toNodeListener as ToNodeListener } from './engine/toNodeListener.js';

export { BROWSER_ROUTES, CONTROL_ROUTE_PREFIX, CONTROL_ROUTES, SCRIPT_ROUTES, STRIPE_SCRIPT_URLS } from './protocol.js';
export { SANDBOX_API_VERSION } from './rest/stripeVersion.js';

const nodeOnly = (name: string) =>
  new Error(
    `embedkit/sandbox: ${name}() runs on Node.js only (the sandbox is a node:http server), and this code was bundled for an Edge runtime, a worker or a browser. ` +
      "In Next.js's instrumentation.ts, import it inside `if (process.env.NEXT_RUNTIME === 'nodejs')`; " +
      'to load the stand-in scripts in a page, render <SandboxScripts> from embedkit/sandbox/react.',
  );

/** Throws: the sandbox needs Node.js (see the module comment). */
export const createSandbox: typeof CreateSandbox = () => {
  throw nodeOnly('createSandbox');
};

/** Throws: the sandbox needs Node.js (see the module comment). */
export const toNodeListener: typeof ToNodeListener = () => {
  throw nodeOnly('toNodeListener');
};
