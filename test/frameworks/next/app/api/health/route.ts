// An Edge-runtime route: with one, Next.js also builds instrumentation.ts for the Edge runtime,
// where embedkit/sandbox must resolve to its Node-free module (webpack fails on node: imports).
export const runtime = 'edge';

export function GET() {
  return new Response('ok');
}
