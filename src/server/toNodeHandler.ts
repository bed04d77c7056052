import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkOptions, is } from '../core/checkOptions.js';
import { where } from './configError.js';
import type { SessionHandler } from './types.js';

/** `req` as Express / Connect leave it: maybe with a body a JSON parser already read. */
type NodeRequest = IncomingMessage & { body?: unknown; originalUrl?: string; _body?: boolean };

/** Options of {@link toNodeHandler}. */
export interface NodeHandlerOptions {
  /**
   * Build the request URL from `X-Forwarded-Proto` / `X-Forwarded-Host`. Turn on only behind a
   * proxy that sets them: the URL's origin is what a same-origin `Origin` is compared with.
   */
  trustProxy?: boolean;
}

const NODE_HANDLER_RULES = {
  handler: { ...is.func, required: true, fix: 'e.g. toNodeHandler(createAccountSessionHandler({ … })).' },
  trustProxy: is.bool,
};

/** A `node:http` listener that is also Express / Connect middleware. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => Promise<void>;

/**
 * Runs a web-standard handler on `node:http`, Express or Connect: a `Request` in, the `Response`
 * written out. The body is streamed to the handler, which stops reading at its size limit; a
 * body that `express.json()` already parsed is passed on as JSON.
 */
export function toNodeHandler(handler: SessionHandler, options: NodeHandlerOptions = {}): NodeHandler {
  checkOptions(where('toNodeHandler'), { handler, trustProxy: options.trustProxy }, NODE_HANDLER_RULES);
  return async (req, res, next) => {
    let request: Request;
    let body: ReturnType<typeof streamBody> | undefined;
    try {
      const method = req.method ?? 'GET';
      const hasBody = method !== 'GET' && method !== 'HEAD';
      body = hasBody ? bodyOf(req as NodeRequest) : undefined;
      request = new Request(urlOf(req as NodeRequest, options), {
        method,
        headers: headersOf(req),
        body: body?.stream ?? null,
        ...(body === undefined ? {} : { duplex: 'half' }),
      } as RequestInit);
    } catch {
      // Only a malformed Host or header gets here, before any app code ran.
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end('Bad request');
      return;
    }
    try {
      const response = await handler(request);
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      // Left unread, the rest of an oversized upload would keep the socket busy: close it instead.
      if (body?.abandoned()) headers.connection = 'close';
      res.writeHead(response.status, headers);
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      if (next) next(error);
      else if (!res.headersSent) res.writeHead(500, { 'Cache-Control': 'no-store' }).end();
      else res.destroy();
    }
  };
}

function urlOf(req: NodeRequest, options: NodeHandlerOptions): string {
  const forwarded = (name: string) => {
    const value = req.headers[name];
    return options.trustProxy && typeof value === 'string' ? value.split(',')[0]?.trim() : undefined;
  };
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const protocol = forwarded('x-forwarded-proto') ?? (encrypted ? 'https' : 'http');
  const host = forwarded('x-forwarded-host') ?? req.headers.host ?? 'localhost';
  return new URL(req.originalUrl ?? req.url ?? '/', `${protocol}://${host}`).href;
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

function bodyOf(req: NodeRequest) {
  // express.json() / body-parser consumed the stream: hand its result on instead.
  const consumed = req._body === true || req.readableEnded;
  if (consumed && req.body !== undefined) {
    const bytes = typeof req.body === 'string' || Buffer.isBuffer(req.body) ? Buffer.from(req.body) : Buffer.from(JSON.stringify(req.body));
    return { stream: new Blob([bytes]).stream(), abandoned: () => false };
  }
  return streamBody(req);
}

/**
 * A pull-based view of the Node stream: reads only as fast as the handler asks, and when the
 * handler gives up (body too large) stops reading without destroying the socket, so the 413
 * can still be written.
 */
function streamBody(req: IncomingMessage) {
  let abandoned = false;
  const onData = (chunk: Buffer) => {
    controller?.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    req.pause();
  };
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      req.pause();
      req.on('data', onData);
      req.once('end', () => {
        if (!abandoned) c.close();
      });
      req.once('error', (error) => {
        if (!abandoned) c.error(error);
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      abandoned = true;
      req.off('data', onData);
      req.pause();
    },
  });
  return { stream, abandoned: () => abandoned };
}
