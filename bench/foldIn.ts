import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { BenchRow } from './BenchRow';

/**
 * Row 6 comes from the sandbox's and the server's own benches. Each may export
 * `measure(): Promise<BenchRow[]>`; a missing file or function becomes a row that says so, so
 * the table never hides a gap.
 */
export async function foldIn(file: string, label: string): Promise<BenchRow[]> {
  const missing = (note: string): BenchRow[] => [
    { row: 6, metric: label, unit: '', embedkit: null, baselineName: '—', baseline: null, runs: 0, note },
  ];
  if (!existsSync(file)) return missing(`not measured: ${file} is not in the tree yet.`);
  const module = (await import(pathToFileURL(file).href)) as { measure?: () => Promise<BenchRow[]> };
  if (typeof module.measure !== 'function') return missing(`not folded in: ${file} does not export measure(): Promise<BenchRow[]>.`);
  return module.measure();
}
