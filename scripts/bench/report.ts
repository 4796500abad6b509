// The figures of `npm run bench` and how they are judged and shown: percentiles, the ratios to the trivial endpoint
// and to the SQL, the targets (✓/✗), a text table for the terminal and a Markdown report. Pure functions, no I/O.

export type BenchEndpointKind = 'trivial' | 'search' | 'read' | 'dashboard' | 'write';
export type BenchEngine = 'postgres' | 'pglite';

/** Latencies (ms) and throughput of one endpoint under load. */
export interface LoadFigures {
  requests: number;
  /** Non-2xx answers, connection errors and timeouts. */
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface BenchRow {
  key: string;
  label: string;
  kind: BenchEndpointKind;
  method: string;
  /** At the run's connections. */
  load?: LoadFigures;
  /** The median latency with one connection (no queueing). */
  serialP50?: number;
  /** The median of the endpoint's slowest SQL statement run on its own. */
  sqlMainP50?: number;
  /** The median of all its statements run one after another. */
  sqlAllP50?: number;
  statements?: number;
  skipped?: string;
}

export interface BenchRun {
  engine: BenchEngine;
  connections: number;
  durationSeconds: number;
  /** The bench started the server with rate limits lifted (false: an external server, its limits apply). */
  limitsLifted: boolean;
  rows: BenchRow[];
}

export interface Check {
  name: string;
  ok: boolean;
}

/** Each endpoint's throughput should be at least this share of the trivial endpoint's. */
export const THROUGHPUT_SHARE_MIN = 0.3;

/** The value at percentile `p` (0–100) of ascending `sorted` values (nearest rank); NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** p50/p95/p99 of unsorted latencies. */
export function latencySummary(latencies: readonly number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

/** `a / b`, or null when either is missing or b is not positive. */
export function ratio(a: number | undefined, b: number | undefined): number | null {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b <= 0) {
    return null;
  }
  return a / b;
}

/** The p95 an endpoint should keep to: 100 ms for dashboards and anything on PGlite, 50 ms otherwise. */
export function latencyLimitMs(kind: BenchEndpointKind, engine: BenchEngine): number {
  return engine === 'pglite' || kind === 'dashboard' ? 100 : 50;
}

function latencyCheckName(kind: BenchEndpointKind, engine: BenchEngine): string {
  const limit = latencyLimitMs(kind, engine);
  if (engine === 'pglite') {
    return `PGlite p95 ≤ ${limit} ms`;
  }
  switch (kind) {
    case 'search':
      return `Thai search p95 ≤ ${limit} ms`;
    case 'dashboard':
      return `dashboard p95 ≤ ${limit} ms`;
    case 'write':
      return `write p95 ≤ ${limit} ms`;
    case 'read':
    case 'trivial':
      return `read p95 ≤ ${limit} ms`;
    default: {
      const exhaustive: never = kind;
      return exhaustive;
    }
  }
}

/** The targets a row is held to (none for the trivial endpoint itself, nor for a row without figures). */
export function checksFor(row: BenchRow, trivialRps: number | undefined, engine: BenchEngine): Check[] {
  if (row.kind === 'trivial' || !row.load) {
    return [];
  }
  const checks: Check[] = [
    { name: latencyCheckName(row.kind, engine), ok: row.load.p95 <= latencyLimitMs(row.kind, engine) },
  ];
  const share = ratio(row.load.rps, trivialRps);
  if (share !== null) {
    checks.push({
      name: `≥ ${THROUGHPUT_SHARE_MIN * 100} % of trivial req/s`,
      ok: share >= THROUGHPUT_SHARE_MIN,
    });
  }
  return checks;
}

const mark = (ok: boolean) => (ok ? '✓' : '✗');

export function formatMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) {
    return '—';
  }
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

export function formatRatio(value: number | null): string {
  if (value === null) {
    return '—';
  }
  return `${value >= 10 ? value.toFixed(0) : value.toFixed(1)}×`;
}

export function formatShare(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)} %`;
}

export function formatChecks(checks: readonly Check[]): string {
  return checks.length === 0 ? '—' : checks.map((c) => `${mark(c.ok)} ${c.name}`).join('; ');
}

export const COLUMNS = [
  'Endpoint',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'req/s',
  'vs trivial',
  'SQL p50 ms',
  'p50 / SQL',
  '1-conn p50',
  '1-conn / SQL',
  'SQL all',
  'errors',
  'Targets',
] as const;

/** The table's cells, one array per row, in COLUMNS order. */
export function tableCells(run: BenchRun): string[][] {
  const trivialRps = run.rows.find((r) => r.kind === 'trivial')?.load?.rps;
  return run.rows.map((row) => {
    if (!row.load) {
      return [row.label, ...COLUMNS.slice(1, -1).map(() => '—'), `skipped: ${row.skipped ?? 'no figures'}`];
    }
    const l = row.load;
    return [
      row.label,
      formatMs(l.p50),
      formatMs(l.p95),
      formatMs(l.p99),
      l.rps.toFixed(0),
      row.kind === 'trivial' ? '100 %' : formatShare(ratio(l.rps, trivialRps)),
      formatMs(row.sqlMainP50),
      formatRatio(ratio(l.p50, row.sqlMainP50)),
      formatMs(row.serialP50),
      formatRatio(ratio(row.serialP50, row.sqlMainP50)),
      row.sqlAllP50 === undefined ? '—' : `${formatMs(row.sqlAllP50)} (${row.statements ?? '?'} st.)`,
      String(l.errors),
      formatChecks(checksFor(row, trivialRps, run.engine)),
    ];
  });
}

/** Terminal width of a string: Thai combining marks take no column. */
function width(text: string): number {
  return [...text.normalize('NFC')].filter((ch) => !/\p{M}/u.test(ch)).length;
}

/** A plain-text table with aligned columns. */
export function renderTable(run: BenchRun): string {
  const rows = [[...COLUMNS], ...tableCells(run)];
  const widths = COLUMNS.map((_, c) => Math.max(...rows.map((r) => width(r[c] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => {
        const pad = ' '.repeat(Math.max(0, (widths[c] ?? 0) - width(cell)));
        return c === 0 || c === cells.length - 1 ? cell + pad : pad + cell;
      })
      .join('  ')
      .trimEnd();
  const [header, ...body] = rows;
  return [line(header ?? []), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** The same table in Markdown. */
export function renderMarkdownTable(run: BenchRun): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  const rows = tableCells(run);
  return [
    `| ${COLUMNS.join(' | ')} |`,
    `|${COLUMNS.map((_, c) => (c === 0 || c === COLUMNS.length - 1 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(escape).join(' | ')} |`),
  ].join('\n');
}

/** How many checks passed and failed over the whole run. */
export function tally(run: BenchRun): { passed: number; failed: number } {
  const trivialRps = run.rows.find((r) => r.kind === 'trivial')?.load?.rps;
  const checks = run.rows.flatMap((r) => checksFor(r, trivialRps, run.engine));
  return { passed: checks.filter((c) => c.ok).length, failed: checks.filter((c) => !c.ok).length };
}
