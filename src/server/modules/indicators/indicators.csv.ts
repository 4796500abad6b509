import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { INDICATOR_CSV_COLUMNS, IndicatorCodeSchema } from '@shared/contracts/indicators';
import type { ImportProblem } from '@server/lib/import-error';
import type { IndicatorDefinitionRow, IndicatorValueRow } from './indicators.repo';

/** Buddhist-Era years (ปี พ.ศ.) are accepted and stored as Common-Era years. */
const BE_OFFSET = 543;
/** The stored value is numeric(20, 6): its whole part has at most 14 digits. */
const VALUE_LIMIT = 1e14;

const REQUIRED_COLUMNS = INDICATOR_CSV_COLUMNS.filter((c) => c !== 'note');
const OPTIONAL_TEXT = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v ?? '');

/** Each column's check; a failure is reported as `dataImports.problems.fields.<column>`. */
const FIELD_SCHEMAS = {
  indicator: IndicatorCodeSchema,
  indicator_name_th: OPTIONAL_TEXT(300),
  indicator_name_en: OPTIONAL_TEXT(300),
  year: z
    .string()
    .trim()
    .regex(/^\d{4}$/)
    .transform(Number)
    .transform((y) => (y >= 2400 ? y - BE_OFFSET : y))
    .refine((y) => y >= 1900 && y <= 2200),
  province_code: z
    .string()
    .trim()
    .regex(/^\d{2}$/)
    .transform(Number),
  value: z
    .string()
    .trim()
    .min(1)
    .transform((v) => Number(v.replace(/,/g, '')))
    .refine((v) => Number.isFinite(v) && Math.abs(v) < VALUE_LIMIT),
  unit: z.string().trim().min(1).max(60),
  source_url: z
    .string()
    .trim()
    .max(2000)
    .pipe(z.url())
    .refine((u) => /^https?:\/\//i.test(u)),
  note: OPTIONAL_TEXT(2000),
} as const;

type Column = keyof typeof FIELD_SCHEMAS;
type CheckedRow = { [K in Column]: z.output<(typeof FIELD_SCHEMAS)[K]> };

export interface IndicatorCsvContent {
  /** Data rows read (the header not counted). */
  rowsRead: number;
  definitions: IndicatorDefinitionRow[];
  values: IndicatorValueRow[];
  /** Every problem found, in file order; when there is any, nothing of the file may be written. */
  problems: ImportProblem[];
}

const fileProblem = (key: string, params?: Record<string, unknown>): ImportProblem => ({
  line: null,
  feature: null,
  field: 'file',
  key,
  ...(params ? { params } : {}),
});

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/** The records of a CSV text (a leading byte-order mark dropped) with the line each starts on, or why it is not CSV. */
function parseRecords(
  text: string,
  options: { to?: number } = {},
): { records: Array<{ fields: string[]; line: number }> } | { problem: ImportProblem } {
  let parsed: ParsedRecord[];
  try {
    parsed = parse(text.replace(/^\uFEFF/, ''), {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      ...(options.to === undefined ? {} : { to: options.to }),
    }) as unknown as ParsedRecord[];
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    return {
      problem: fileProblem('dataImports.errors.NOT_CSV', { line: typeof line === 'number' ? line : 1 }),
    };
  }
  return {
    records: parsed.map(({ record, info }) => ({
      fields: record,
      // a quoted field may span lines: the record starts that many lines before the one it ends on
      line: info.lines - record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0),
    })),
  };
}

/** The header's problem (missing columns, not CSV, nothing in it), or null when the columns are all there. */
export function checkIndicatorCsvHeader(text: string): ImportProblem | null {
  const result = parseRecords(text, { to: 1 });
  if ('problem' in result) {
    return result.problem;
  }
  const header = result.records[0]?.fields.map((c) => c.trim().toLowerCase());
  if (!header) {
    return fileProblem('dataImports.errors.NO_ROWS');
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  return missing.length > 0
    ? { ...fileProblem('dataImports.errors.MISSING_COLUMNS', { columns: missing.join(', ') }), line: 1 }
    : null;
}

/**
 * Reads an area-indicator CSV (UTF-8, header row; columns `indicator, year, province_code, value, unit, source_url,
 * note`, plus `indicator_name_th` / `indicator_name_en` to name a new indicator). Checks every row and reports every
 * problem with its line and column; `onChecked(rows)` is awaited after each DATA_IMPORT_LIMITS.rowsPerStep rows.
 */
export async function parseIndicatorCsv(
  text: string,
  knownProvinceCodes: Set<number>,
  knownIndicators: Set<string>,
  options: { rowsPerStep: number; onChecked?: (rows: number, total: number) => Promise<void> },
): Promise<IndicatorCsvContent> {
  const parsed = parseRecords(text);
  if ('problem' in parsed) {
    return { rowsRead: 0, definitions: [], values: [], problems: [parsed.problem] };
  }
  const [headerRecord, ...rows] = parsed.records;
  const header = headerRecord?.fields.map((c) => c.trim().toLowerCase()) ?? [];
  const headerProblem = checkIndicatorCsvHeader(text);
  if (headerProblem) {
    return { rowsRead: rows.length, definitions: [], values: [], problems: [headerProblem] };
  }
  if (rows.length === 0) {
    return {
      rowsRead: 0,
      definitions: [],
      values: [],
      problems: [fileProblem('dataImports.errors.NO_ROWS')],
    };
  }

  const problems: ImportProblem[] = [];
  const definitions = new Map<string, IndicatorDefinitionRow>();
  const seen = new Map<string, number>();
  const values: IndicatorValueRow[] = [];

  for (const [index, { fields, line }] of rows.entries()) {
    if (index > 0 && index % options.rowsPerStep === 0) {
      await options.onChecked?.(index, rows.length);
    }
    const problem = (field: string, key: string, params?: Record<string, unknown>) =>
      problems.push({ line, feature: null, field, key, ...(params ? { params } : {}) });
    if (fields.length !== header.length) {
      problem('row', 'dataImports.problems.fieldCount', { count: fields.length, expected: header.length });
      continue;
    }
    const raw = Object.fromEntries(header.map((column, i) => [column, (fields[i] ?? '').trim()]));
    const checked: Partial<CheckedRow> = {};
    let valid = true;
    for (const column of Object.keys(FIELD_SCHEMAS) as Column[]) {
      const result = FIELD_SCHEMAS[column].safeParse(raw[column] ?? (column === 'note' ? undefined : ''));
      if (result.success) {
        (checked as Record<Column, unknown>)[column] = result.data;
      } else {
        valid = false;
        problem(column, `dataImports.problems.fields.${column}`, {
          value: String(raw[column] ?? '').slice(0, 80),
        });
      }
    }
    if (!valid) {
      continue;
    }
    const row = checked as CheckedRow;
    if (!knownProvinceCodes.has(row.province_code)) {
      problem('province_code', 'dataImports.problems.provinceUnknown', { code: row.province_code });
      continue;
    }
    if (row.indicator_name_th && row.indicator_name_en) {
      definitions.set(row.indicator, {
        code: row.indicator,
        nameTh: row.indicator_name_th,
        nameEn: row.indicator_name_en,
        unit: row.unit,
        higherIsNeedier: row.unit === 'rank' ? 0 : 1,
      });
    } else if (!knownIndicators.has(row.indicator) && !definitions.has(row.indicator)) {
      problem('indicator', 'dataImports.problems.indicatorNew', { code: row.indicator });
      continue;
    }
    const key = `${row.indicator}|${row.year}|${row.province_code}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem('row', 'dataImports.problems.duplicate', {
        line: earlier,
        indicator: row.indicator,
        year: row.year,
        province: row.province_code,
      });
      continue;
    }
    seen.set(key, line);
    values.push({
      indicatorCode: row.indicator,
      year: row.year,
      provinceCode: row.province_code,
      value: row.value,
      unit: row.unit,
      sourceUrl: row.source_url,
      note: row.note,
    });
  }
  await options.onChecked?.(rows.length, rows.length);
  return { rowsRead: rows.length, definitions: [...definitions.values()], values, problems };
}
