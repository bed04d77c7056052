import type { IncomingMessage, ServerResponse } from 'node:http';
import { SandboxConnectionDrop } from './FaultPlan.js';
import { MAX_BODY_BYTES } from './readBody.js';

/** A web-standard request handler, the shape of {@link Sandbox.fetch}. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** Reads at most `limit + 1` bytes: enough for the handler to see that a body is too large. */
function collect(req: IncomingMessage, limit: number): Promise<{ body: Buffer; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (truncated: boolean) => resolve({ body: Buffer.concat(chunks), truncated });
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
      if (size > limit) {
        req.pause();
        finish(true);
      }
    });
    req.on('end', () => finish(false));
    req.on('error', reject);
  });
}

/**
 * Adapts a web-standard `(Request) => Promise<Response>` to a `node:http` request listener (also
 * usable as Connect/Vite middleware). A dropped response (`control.dropNext`) destroys the socket,
 * so the client sees a lost connection rather than an HTTP error.
 */
export function toNodeListener(handler: FetchHandler) {
  return async function listener(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const method = req.method ?? 'GET';
      const hasBody = method !== 'GET' && method !== 'HEAD';
      const { body, truncated } = hasBody ? await collect(req, MAX_BODY_BYTES) : { body: undefined, truncated: false };
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined || name.startsWith(':')) continue;
        headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      if (truncated) headers.delete('content-length');
      const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
        method,
        headers,
        // Buffer.concat allocates a plain (non-shared) ArrayBuffer.
        ...(body && { body: body as Uint8Array<ArrayBuffer> }),
      });
      const response = await handler(request);
      const out: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        out[name] = value;
      });
      // Unread body bytes would otherwise be parsed as the next request on a keep-alive socket.
      if (truncated) out.connection = 'close';
      res.writeHead(response.status, out);
      res.end(Buffer.from(await response.arrayBuffer()));
      if (truncated) req.destroy();
    } catch (error) {
      if (error instanceof SandboxConnectionDrop) {
        res.destroy();
        return;
      }
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { type: 'api_error', message: 'The embedkit sandbox could not answer this request.' } }));
    }
  };
}
