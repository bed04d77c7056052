import { CONTROL_ROUTES, type SandboxStateSnapshot } from '../src/sandbox/protocol';

/** The sandbox's test controls over HTTP (src/sandbox/protocol.ts), as any test would use them. */
export function sandboxControl(sandboxUrl: string) {
  const post = async (route: keyof typeof CONTROL_ROUTES, body: unknown = {}) => {
    const response = await fetch(new URL(CONTROL_ROUTES[route], sandboxUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`sandbox control ${route} answered ${response.status}: ${await response.text()}`);
  };
  return {
    reset: () => post('reset'),
    latency: (ms: number, route?: string) => post('latency', { ms, ...(route && { route }) }),
    lifetime: (seconds: number) => post('lifetime', { seconds }),
    advanceClock: (advanceSeconds: number) => post('clock', { advanceSeconds }),
    state: async (): Promise<SandboxStateSnapshot> => {
      const response = await fetch(new URL(CONTROL_ROUTES.state, sandboxUrl));
      if (!response.ok) throw new Error(`sandbox control state answered ${response.status}`);
      return (await response.json()) as SandboxStateSnapshot;
    },
  };
}

export type SandboxControl = ReturnType<typeof sandboxControl>;
