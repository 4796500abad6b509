import { describe, expect, it } from 'vitest';
import {
  checksFor,
  COLUMNS,
  formatMs,
  formatRatio,
  latencyLimitMs,
  latencySummary,
  median,
  percentile,
  ratio,
  renderMarkdownTable,
  renderTable,
  tableCells,
  tally,
  type BenchRow,
  type BenchRun,
} from '../../scripts/bench/report';

const trivial: BenchRow = {
  key: 'trivial',
  label: 'Health (trivial JSON)',
  kind: 'trivial',
  method: 'GET',
  load: { requests: 10_000, errors: 0, rps: 1000, p50: 10, p95: 20, p99: 30 },
  serialP50: 1,
  sqlMainP50: 0.5,
};
const search: BenchRow = {
  key: 'search',
  label: 'Catalogue search (Thai)',
  kind: 'search',
  method: 'GET',
  load: { requests: 4000, errors: 2, rps: 400, p50: 30, p95: 45, p99: 80 },
  serialP50: 6,
  sqlMainP50: 2,
  sqlAllP50: 5,
  statements: 4,
};
const pipeline: BenchRow = {
  key: 'pipeline',
  label: 'Dashboard pipeline',
  kind: 'dashboard',
  method: 'GET',
  load: { requests: 1000, errors: 0, rps: 100, p50: 60, p95: 120, p99: 150 },
};
const skipped: BenchRow = {
  key: 'autosave',
  label: 'Draft autosave (PATCH)',
  kind: 'write',
  method: 'PATCH',
  skipped: 'the applicant has no draft to save',
};
const run: BenchRun = {
  engine: 'postgres',
  connections: 64,
  durationSeconds: 10,
  limitsLifted: true,
  rows: [trivial, search, pipeline, skipped],
};

describe('bench figures', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(median([3, 1, 2])).toBe(2);
    expect(latencySummary([5, 1, 4, 2, 3])).toEqual({ p50: 3, p95: 5, p99: 5 });
  });

  it('gives ratios only when both sides are known and the divisor is positive', () => {
    expect(ratio(30, 2)).toBe(15);
    expect(ratio(30, undefined)).toBeNull();
    expect(ratio(undefined, 2)).toBeNull();
    expect(ratio(30, 0)).toBeNull();
    expect(formatRatio(ratio(30, 2))).toBe('15×');
    expect(formatRatio(ratio(3, 2))).toBe('1.5×');
    expect(formatRatio(null)).toBe('—');
    expect(formatMs(0.123)).toBe('0.12');
    expect(formatMs(12.34)).toBe('12.3');
    expect(formatMs(123.4)).toBe('123');
    expect(formatMs(undefined)).toBe('—');
  });
});

describe('bench targets', () => {
  it('holds reads and searches to 50 ms, dashboards and PGlite to 100 ms', () => {
    expect(latencyLimitMs('read', 'postgres')).toBe(50);
    expect(latencyLimitMs('search', 'postgres')).toBe(50);
    expect(latencyLimitMs('write', 'postgres')).toBe(50);
    expect(latencyLimitMs('dashboard', 'postgres')).toBe(100);
    expect(latencyLimitMs('read', 'pglite')).toBe(100);
  });

  it('checks p95 and the share of the trivial endpoint’s throughput', () => {
    expect(checksFor(search, 1000, 'postgres')).toEqual([
      { name: 'Thai search p95 ≤ 50 ms', ok: true },
      { name: '≥ 30 % of trivial req/s', ok: true },
    ]);
    expect(checksFor(pipeline, 1000, 'postgres')).toEqual([
      { name: 'dashboard p95 ≤ 100 ms', ok: false },
      { name: '≥ 30 % of trivial req/s', ok: false },
    ]);
    expect(checksFor(pipeline, 1000, 'pglite')[0]).toEqual({ name: 'PGlite p95 ≤ 100 ms', ok: false });
    expect(checksFor(trivial, 1000, 'postgres')).toEqual([]);
    expect(checksFor(skipped, 1000, 'postgres')).toEqual([]);
    expect(checksFor(search, undefined, 'postgres')).toHaveLength(1);
    expect(tally(run)).toEqual({ passed: 2, failed: 2 });
  });
});

describe('bench table', () => {
  it('shows each row’s figures, ratios and checks', () => {
    const cells = tableCells(run);
    expect(cells).toHaveLength(4);
    expect(cells[1]).toEqual([
      'Catalogue search (Thai)',
      '30.0',
      '45.0',
      '80.0',
      '400',
      '40 %',
      '2.00',
      '15×',
      '6.00',
      '3.0×',
      '5.00 (4 st.)',
      '2',
      '✓ Thai search p95 ≤ 50 ms; ✓ ≥ 30 % of trivial req/s',
    ]);
    expect(cells[0]?.[5]).toBe('100 %');
    expect(cells[3]?.at(-1)).toBe('skipped: the applicant has no draft to save');
    expect(cells.every((row) => row.length === COLUMNS.length)).toBe(true);
  });

  it('aligns the text table and escapes the Markdown one', () => {
    const lines = renderTable(run).split('\n');
    expect(lines[0]).toMatch(/^Endpoint\s+p50 ms\s+p95 ms/);
    expect(lines[1]).toMatch(/^─+ {2}─+/);
    expect(lines).toHaveLength(6);
    // the p95 column ends at the same place on every row
    const end = (line: string, cell: string) => line.indexOf(cell) + cell.length;
    expect(end(lines[2] ?? '', '20.0')).toBe(end(lines[3] ?? '', '45.0'));

    const markdown = renderMarkdownTable({
      ...run,
      rows: [{ ...search, label: 'a | b' }],
    }).split('\n');
    expect(markdown[0]).toBe(`| ${COLUMNS.join(' | ')} |`);
    expect(markdown[2]).toContain('a \\| b');
  });
});
