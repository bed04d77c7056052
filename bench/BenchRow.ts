/**
 * One line of the `npm run bench` table. Every figure is a median over `runs` runs measured in this
 * same process, and `ratio` is `embedkit / baseline` with both taken in the same run.
 * `bench/sandbox.ts` and `bench/server.ts` may export `measure(): Promise<BenchRow[]>` to fold
 * their rows into the table.
 */
export interface BenchRow {
  /** The issue #7 row number (1–6). */
  row: number;
  metric: string;
  unit: string;
  /** embedkit's median, or null when it could not be measured (see `note`). */
  embedkit: number | null;
  /** What embedkit is compared against, e.g. "Stripe quickstart" or "ideal". */
  baselineName: string;
  baseline: number | null;
  runs: number;
  /** Why a figure is missing, or what the reader must know to read it. */
  note?: string;
}

/** `embedkit / baseline`, or null when either side is missing or the baseline is zero. */
export function ratioOf(row: BenchRow): number | null {
  if (row.embedkit === null || row.baseline === null || row.baseline === 0) return null;
  return row.embedkit / row.baseline;
}
