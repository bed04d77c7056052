/** `Retry-After` as delay-seconds or an HTTP date, in ms; `undefined` when absent or unreadable. */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  // An absent header reads as the text `null`, which neither form accepts.
  const text = String(header);
  const ms = /^\s*\d+\s*$/.test(text) ? Number(text) * 1000 : Math.max(0, Date.parse(text) - nowMs);
  // NaN (an unreadable date) is the only value that fails this.
  return ms >= 0 ? ms : undefined;
}
