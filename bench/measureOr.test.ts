import { describe, expect, it } from 'vitest';
import type { BenchRow } from './BenchRow';
import { formatTable } from './formatTable';
import { measureOr } from './measureOr';

const measured: BenchRow = { row: 5, metric: 'size', unit: 'B', embedkit: 1, baselineName: 'target', baseline: 2, runs: 1 };

describe('measureOr', () => {
  it('hands on the rows of a group that was measured', async () => {
    await expect(measureOr([5], 'sizes', async () => [measured])).resolves.toEqual([measured]);
  });

  it('turns a group that failed into one NOT MEASURED row per row number, with the first line of the reason', async () => {
    const rows = await measureOr([1, 2], 'Connect rows', async () => {
      throw new Error('Chromium did not start\n  at launch (launchChromium.ts:1)');
    });
    expect(rows).toEqual([
      { row: 1, metric: 'Connect rows', unit: '', embedkit: null, baselineName: '—', baseline: null, runs: 0, note: 'NOT MEASURED: Chromium did not start' },
      { row: 2, metric: 'Connect rows', unit: '', embedkit: null, baselineName: '—', baseline: null, runs: 0, note: 'NOT MEASURED: Chromium did not start' },
    ]);
    // And the table prints them: a dash for the figures and the reason in the notes.
    expect(formatTable(rows)).toContain('[1] Connect rows: NOT MEASURED: Chromium did not start');
  });

  it('reports a group that throws before returning a promise', async () => {
    const rows = await measureOr([6], 'server handler overhead', () => {
      throw new Error('no such file');
    });
    expect(rows.map((row) => row.note)).toEqual(['NOT MEASURED: no such file']);
  });

  it('reports a failure that is not an Error (a thrown string, a rejected undefined)', async () => {
    const thrownString = await measureOr([5], 'sizes', () => Promise.reject('size-limit exited with 1'));
    expect(thrownString.map((row) => row.note)).toEqual(['NOT MEASURED: size-limit exited with 1']);
    const rejectedUndefined = await measureOr([5], 'sizes', () => Promise.reject(undefined));
    expect(rejectedUndefined.map((row) => row.note)).toEqual(['NOT MEASURED: undefined']);
  });
});
