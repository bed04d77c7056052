/**
 * Where the e2e servers listen. Fixed so the tests can reach the sandbox's controls; the sandbox
 * port reaches example/vite.config.ts as EXAMPLE_SANDBOX_PORT.
 */
export const servers = {
  /** The built example under `vite preview`: what most specs run against. */
  preview: { port: 5193, sandboxPort: 5195 },
  /**
   * The example under the `vite` dev server. Only development React double-mounts effects in
   * <StrictMode>, so the StrictMode spec runs here.
   */
  dev: { port: 5194, sandboxPort: 5196 },
} as const;

export const urlOf = (port: number) => `http://127.0.0.1:${port}`;
