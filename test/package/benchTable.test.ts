import { describe, expect, it } from 'vitest';
import { type BenchRow, ratioOf } from '../../bench/BenchRow';
import { formatTable } from '../../bench/formatTable';
import { median } from '../../bench/median';

const row = (overrides: Partial<BenchRow>): BenchRow => ({
  row: 1, metric: 'sessions', unit: '', embedkit: 1, baselineName: 'Stripe quickstart', baseline: 2, runs: 10, ...overrides,
});

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even count, in any order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('refuses an empty list instead of reporting a number', () => {
    expect(() => median([])).toThrow(/no samples/);
  });
});

describe('ratioOf', () => {
  it('is embedkit over baseline, and null when either is missing or the baseline is zero', () => {
    expect(ratioOf(row({}))).toBe(0.5);
    expect(ratioOf(row({ embedkit: null }))).toBeNull();
    expect(ratioOf(row({ baseline: null }))).toBeNull();
    expect(ratioOf(row({ baseline: 0 }))).toBeNull();
  });
});

describe('formatTable', () => {
  it('prints one aligned line per row, small ratios with two significant digits, and notes underneath', () => {
    const table = formatTable([
      row({ note: 'StrictMode' }),
      row({ row: 3, metric: 'refresh wait', unit: 'ms', embedkit: 0.22, baseline: 321.7 }),
      row({ row: 6, metric: 'sandbox', embedkit: null, baseline: null, baselineName: '—', runs: 0, note: 'not measured: missing' }),
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^#\s+metric\s+embedkit\s+baseline\s+ratio\s+runs$/);
    expect(lines[2]).toMatch(/^1\s+sessions\s+1\s+2\s+\(Stripe quickstart\)\s+0\.50×\s+10$/);
    expect(lines[3]).toContain('0.22 ms');
    expect(lines[3]).toContain('0.00068×');
    expect(lines[4]).toMatch(/^6\s+sandbox\s+—\s+— \(—\)\s+—\s+0$/);
    expect(table).toContain('[1] sessions: StrictMode');
    expect(table).toContain('[6] sandbox: not measured: missing');
    // Values start under their header.
    const embedkitColumn = lines[0]!.indexOf('embedkit');
    expect(lines[2]!.slice(embedkitColumn).startsWith('1 ')).toBe(true);
    expect(lines[3]!.slice(embedkitColumn).startsWith('0.22 ms')).toBe(true);
  });
});
