/**
 * Whether the server process runs with embedkit's sandbox: its URL is in `EMBEDKIT_SANDBOX_URL`
 * (set by the Vite plugin, or by the app where it starts the sandbox). Read through `globalThis`
 * because Workers and browsers have no `process`.
 */
export function sandboxInEnvironment(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return Boolean(env?.EMBEDKIT_SANDBOX_URL);
}
