import { type BenchRow, ratioOf } from './BenchRow';

const figure = (value: number | null, unit: string) =>
  value === null ? '—' : `${Number.isInteger(value) ? value : value.toFixed(value < 10 ? 2 : 1)} ${unit}`;

// Small ratios (a warm secret's wait) keep two significant digits instead of rounding to 0.00.
const ratio = (value: number | null) => (value === null ? '—' : `${value >= 0.1 ? value.toFixed(2) : value.toPrecision(2)}×`);

/** The one table `npm run bench` prints: fixed-width text, one line per row, notes underneath. */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['#', 'metric', 'embedkit', 'baseline', 'ratio', 'runs'];
  const lines = rows.map((r) => [
    String(r.row),
    r.metric,
    figure(r.embedkit, r.unit),
    r.baseline === null ? `— (${r.baselineName})` : `${figure(r.baseline, r.unit)} (${r.baselineName})`,
    ratio(ratioOf(r)),
    String(r.runs),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const render = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const notes = rows.filter((r) => r.note).map((r) => `  [${r.row}] ${r.metric}: ${r.note}`);
  return [render(header), widths.map((w) => '─'.repeat(w)).join('  '), ...lines.map(render), '', ...notes].join('\n');
}
