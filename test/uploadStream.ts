/**
 * A request body of `bytes` spaces, produced 64 kB at a time as the upload asks for it, so fetch
 * sends it chunked (no Content-Length): the shape of an oversized streamed upload.
 */
export function uploadStream(bytes: number): ReadableStream<Uint8Array> {
  const chunk = 64 * 1024;
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      sent += chunk;
      controller.enqueue(new Uint8Array(chunk).fill(0x20));
    },
  });
}
