/**
 * What the bench driver reads from a comparison page. Both pages record the same moments the same
 * way, so the only difference between them is how the Connect instance and its secret are set up.
 */
export interface BenchMarks {
  /** `performance.now()` when the page's own JavaScript started running: the floor no setup can beat. */
  scriptStart: number;
  /** `performance.now()` (ms since navigation) at the first component's `onLoaderStart`. */
  firstLoaderStart: number | null;
  loaderStarts: number;
  loadErrors: string[];
}

declare global {
  interface Window {
    __benchMarks?: BenchMarks;
  }
}

const marks = (): BenchMarks =>
  (window.__benchMarks ??= { scriptStart: performance.now(), firstLoaderStart: null, loaderStarts: 0, loadErrors: [] });
// Both pages import this module before anything else of theirs runs.
marks();

export function markLoaderStart(): void {
  const current = marks();
  current.firstLoaderStart ??= performance.now();
  current.loaderStarts += 1;
}

export function markLoadError({ error }: { error: { type: string } }): void {
  marks().loadErrors.push(error.type);
}
