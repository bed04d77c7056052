import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SECRET_ENDPOINT } from './pages/benchConfig';

export interface PageServerOptions {
  /** The built comparison pages (bench/.tmp/pages). */
  dir: string;
  /** Creates one AccountSession; both pages share this endpoint. */
  createSecret: () => Promise<{ client_secret: string; expires_at: number }>;
  /** Injected before the endpoint answers (the "secret endpoint" latency). */
  endpointLatencyMs: number;
}

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves the built pages and the secret endpoint on one origin, as an app's server would. */
export async function servePages({ dir, createSecret, endpointLatencyMs }: PageServerOptions) {
  let latencyMs = endpointLatencyMs;
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://bench').pathname;
    try {
      if (path === SECRET_ENDPOINT && req.method === 'POST') {
        await sleep(latencyMs);
        const { client_secret, expires_at } = await createSecret();
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ client_secret, expires_at }));
        return;
      }
      const file = join(dir, normalize(path).replace(/^(\.\.[/\\])+/, ''));
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch (error) {
      res.writeHead(path === SECRET_ENDPOINT ? 500 : 404, { 'content-type': 'text/plain' });
      res.end(path === SECRET_ENDPOINT ? `bench endpoint failed: ${(error as Error).message}` : 'not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    setEndpointLatency: (ms: number) => {
      latencyMs = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
