import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkOptions, is } from '../core/checkOptions.js';
import { rightmostEntry } from './checkOrigin.js';
import { where } from './configError.js';
import { refusalAnswer } from './jsonAnswer.js';
import { Refusal } from './Refusal.js';
import type { SessionHandler } from './types.js';

/** `req` as Express / Connect leave it: maybe with a body a JSON parser already read. */
type NodeRequest = IncomingMessage & { body?: unknown; originalUrl?: string; _body?: boolean };

/** Options of {@link toNodeHandler}. */
export interface NodeHandlerOptions {
  /**
   * Turn on only behind a proxy you run that sets these headers on every request (a client can
   * send them too). The request URL is then built from `X-Forwarded-Proto` / `X-Forwarded-Host`,
   * and the client address handed to `rateLimit` is the one the proxy appended to
   * `X-Forwarded-For`: always the rightmost entry of each, never the client's own claims to its
   * left. Without it, `Host` and the socket's remote address are used. Pass `trustProxy` to the
   * handler as well for its `allowedHosts` check.
   */
  trustProxy?: boolean;
}

const NODE_HANDLER_RULES = {
  handler: { ...is.func, required: true, fix: 'e.g. toNodeHandler(createAccountSessionHandler({ … })).' },
  trustProxy: { ...is.bool, fix: 'Set it to true only behind a proxy you run that sets X-Forwarded-For, -Host and -Proto.' },
};

/** A `node:http` listener that is also Express / Connect middleware. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => Promise<void>;

/**
 * Runs a web-standard handler on `node:http`, Express or Connect: a `Request` in, the `Response`
 * written out. The body is streamed to the handler, which stops reading at its size limit; a
 * body that `express.json()` already parsed is passed on as JSON. When the client goes away
 * before the answer, the `Request`'s `signal` aborts, so the handler creates nothing for it.
 */
export function toNodeHandler(handler: SessionHandler, options: NodeHandlerOptions = {}): NodeHandler {
  checkOptions(where('toNodeHandler'), { handler, trustProxy: options.trustProxy }, NODE_HANDLER_RULES);
  return async (req, res, next) => {
    const clientGone = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) clientGone.abort();
    });
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
        signal: clientGone.signal,
        ...(body === undefined ? {} : { duplex: 'half' }),
      } as RequestInit);
    } catch (error) {
      // A body a middleware already read, or a malformed Host or header: before any app code ran.
      await send(res, refusalAnswer(error instanceof Refusal ? error : BAD_REQUEST));
      return;
    }
    try {
      const response = await handler(request, { clientAddress: clientAddressOf(req, options) });
      // Left unread, the rest of an oversized upload would keep the socket busy: close it instead.
      await send(res, response, body?.abandoned());
    } catch (error) {
      if (next) next(error);
      else if (!res.headersSent) await send(res, refusalAnswer(INTERNAL_ERROR));
      else res.destroy();
    }
  };
}

const BAD_REQUEST = new Refusal(400, 'bad_request', 'The request has a malformed Host or header. Send a valid Host header.');
const INTERNAL_ERROR = new Refusal(500, 'internal_error', 'The server failed while answering. The server operator should check its logs.');
const BODY_ALREADY_READ = new Refusal(
  500,
  'body_already_read',
  "A middleware read the request body before embedkit's handler. The server operator should mount the handler before body parsers, or let express.json() parse it (its req.body is passed on).",
);

async function send(res: ServerResponse, response: Response, closeConnection = false): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (closeConnection) headers.connection = 'close';
  const bytes = Buffer.from(await response.arrayBuffer());
  headers['content-length'] = String(bytes.byteLength);
  res.writeHead(response.status, headers);
  res.end(bytes);
}

function urlOf(req: NodeRequest, options: NodeHandlerOptions): string {
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const protocol = forwarded(req, 'x-forwarded-proto', options) ?? (encrypted ? 'https' : 'http');
  const host = forwarded(req, 'x-forwarded-host', options) ?? req.headers.host ?? 'localhost';
  return new URL(req.originalUrl ?? req.url ?? '/', `${protocol}://${host}`).href;
}

function clientAddressOf(req: IncomingMessage, options: NodeHandlerOptions): string | undefined {
  return forwarded(req, 'x-forwarded-for', options) ?? req.socket.remoteAddress;
}

/** With `trustProxy`, what the proxy itself wrote into a forwarded header. */
function forwarded(req: IncomingMessage, name: string, options: NodeHandlerOptions): string | undefined {
  const value = req.headers[name];
  return options.trustProxy && typeof value === 'string' ? rightmostEntry(value) : undefined;
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
  // Read by something that kept nothing: waiting for it would wait forever.
  if (consumed) throw BODY_ALREADY_READ;
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
