import type { BenchRow } from './BenchRow';

/**
 * A group of rows that could not be measured at all (a build or the browser failed) becomes rows
 * that say so, and the other groups still run: the table never aborts and never hides a gap.
 */
export async function measureOr(rowNumbers: number[], label: string, measure: () => Promise<BenchRow[]>): Promise<BenchRow[]> {
  try {
    return await measure();
  } catch (error) {
    // Anything can be thrown: a string or undefined must not turn the report into a second throw.
    const reason = String(error instanceof Error ? error.message : error).split('\n')[0];
    return rowNumbers.map((row) => ({ row, metric: label, unit: '', embedkit: null, baselineName: '—', baseline: null, runs: 0, note: `NOT MEASURED: ${reason}` }));
  }
}
