import { afterEach, describe, expect, it, vi } from 'vitest';
import { DRAIN_MAX_BYTES, DRAIN_MAX_MS, readBoundedText } from './readBoundedText';

const errors = { tooLarge: () => new Error('too large'), invalidUtf8: () => new Error('invalid utf-8') };
const CHUNK = 1024;

/** A body of `chunks` 1 kB chunks (endless when omitted) that counts what was pulled from it. */
function countingBody(options: { chunks?: number; cancel?: () => Promise<void>; stallAfter?: number } = {}) {
  const seen = { bytes: 0, cancelled: false };
  let sent = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (options.stallAfter !== undefined && sent >= options.stallAfter) return new Promise<void>(() => undefined);
        if (options.chunks !== undefined && sent >= options.chunks) {
          controller.close();
          return;
        }
        sent += 1;
        seen.bytes += CHUNK;
        controller.enqueue(new Uint8Array(CHUNK).fill(0x61));
        return;
      },
      cancel() {
        seen.cancelled = true;
        return options.cancel?.();
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request('http://x.test/', { method: 'POST', body, duplex: 'half' } as RequestInit);
  return { request, seen };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('readBoundedText', () => {
  it('answers too large even when the runtime never settles cancel() (Vercel edge-runtime)', async () => {
    const { request, seen } = countingBody({ cancel: () => new Promise<void>(() => undefined) });
    await expect(readBoundedText(request, 2 * CHUNK, errors)).rejects.toThrow('too large');
    expect(seen.cancelled).toBe(true);
  });

  it('reads the rest of a slightly oversized body before answering, so every runtime can deliver the answer', async () => {
    const { request, seen } = countingBody({ chunks: 64 });
    await expect(readBoundedText(request, 2 * CHUNK, errors)).rejects.toThrow('too large');
    expect(seen.bytes).toBe(64 * CHUNK);
    expect(seen.cancelled).toBe(false);
  });

  it('stops an endless body after maxBytes plus the drain allowance', async () => {
    const { request, seen } = countingBody();
    await expect(readBoundedText(request, 2 * CHUNK, errors)).rejects.toThrow('too large');
    expect(seen.cancelled).toBe(true);
    expect(seen.bytes).toBeLessThanOrEqual(2 * CHUNK + DRAIN_MAX_BYTES + 2 * CHUNK);
  });

  it('stops draining a stalled oversized body after DRAIN_MAX_MS', async () => {
    vi.useFakeTimers();
    const { request, seen } = countingBody({ stallAfter: 4 });
    const read = readBoundedText(request, 2 * CHUNK, errors);
    const outcome = expect(read).rejects.toThrow('too large');
    await vi.advanceTimersByTimeAsync(DRAIN_MAX_MS);
    await outcome;
    expect(seen.cancelled).toBe(true);
  });

  it('does not read a body whose declared length is beyond the drain allowance, and releases it', async () => {
    const { request, seen } = countingBody();
    request.headers.set('content-length', String(DRAIN_MAX_BYTES + 4 * CHUNK));
    await expect(readBoundedText(request, 2 * CHUNK, errors)).rejects.toThrow('too large');
    expect(seen.bytes).toBe(0);
    expect(seen.cancelled).toBe(true);
  });

  it('rejects with the signal’s reason when the signal aborts mid-read, and cancels the body', async () => {
    const { request, seen } = countingBody({ stallAfter: 1 });
    const controller = new AbortController();
    const read = readBoundedText(request, 8 * CHUNK, errors, controller.signal);
    const outcome = expect(read).rejects.toThrow('too slow');
    await Promise.resolve();
    controller.abort(new Error('too slow'));
    await outcome;
    expect(seen.cancelled).toBe(true);
  });

  it('reads a body within the limit as text', async () => {
    const request = new Request('http://x.test/', { method: 'POST', body: '{"a":1}' });
    await expect(readBoundedText(request, 64, errors)).resolves.toBe('{"a":1}');
  });
});
