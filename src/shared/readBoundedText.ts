import { deadline, raceSignal } from './deadline.js';

/** The errors {@link readBoundedText} throws, built by the caller in its own error format. */
export interface BoundedTextErrors {
  tooLarge: () => Error;
  invalidUtf8: () => Error;
}

/**
 * How much of an oversized body is still read (and dropped) before answering 413. Most servers
 * (Node's, Bun's, workerd's) close the connection when an answer is sent while the client is
 * still uploading; the client then gets EPIPE/ECONNRESET instead of the 413. Reading the rest
 * lets the answer arrive, within these bounds; past them the body is cancelled.
 */
export const DRAIN_MAX_BYTES = 4 * 1024 * 1024;
export const DRAIN_MAX_MS = 5000;

/**
 * A web `Request`'s body as UTF-8 text, never holding more than `maxBytes` of it: the declared
 * Content-Length is checked first, and a body that runs over is drained within the bounds above,
 * then refused. `signal` bounds the read in time: when it aborts, the read rejects with its
 * reason. Shared by the sandbox and the server handlers, which differ only in their errors.
 */
export async function readBoundedText(request: Request, maxBytes: number, errors: BoundedTextErrors, signal?: AbortSignal): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    if (declared <= maxBytes + DRAIN_MAX_BYTES) await discardBody(request, signal);
    else releaseBody(request);
    throw errors.tooLarge();
  }
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await readChunk(reader, signal);
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await drain(reader, signal);
      throw errors.tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw errors.invalidUtf8();
  }
}

/**
 * Reads and drops a body nobody will use (the answer was decided before reading it), within the
 * drain bounds, so the answer can be delivered. Never throws.
 */
export async function discardBody(request: Request, signal?: AbortSignal): Promise<void> {
  if (request.body === null || request.body.locked) return;
  await drain(request.body.getReader(), signal);
}

/** Lets go of a body that will not be read; the runtime may then close the connection. */
export function releaseBody(request: Request): void {
  if (request.body === null || request.body.locked) return;
  request.body.cancel().catch(() => undefined);
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, signal: AbortSignal | undefined): Promise<void> {
  const bound = deadline(DRAIN_MAX_MS, () => undefined, signal);
  let drained = 0;
  try {
    while (drained <= DRAIN_MAX_BYTES) {
      const { done, value } = await readChunk(reader, bound.signal);
      if (done) return;
      drained += value.byteLength;
    }
    cancel(reader);
  } catch {
    // Out of time, or the body failed: either way nothing more is read.
  } finally {
    bound.clear();
  }
}

function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>, signal: AbortSignal | undefined) {
  return raceSignal(reader.read(), signal).catch((error: unknown) => {
    cancel(reader);
    throw error;
  });
}

/**
 * Not awaited: some runtimes never settle `cancel()` (Vercel's edge-runtime), and nothing
 * after it depends on the stream having let go.
 */
function cancel(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  reader.cancel().catch(() => undefined);
}
