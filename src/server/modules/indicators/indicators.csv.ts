import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { INDICATOR_CSV_COLUMNS, IndicatorCodeSchema } from '@shared/contracts/indicators';
import { ImportFileError, readImportFile } from '@server/lib/import-error';
import type { IndicatorDefinitionRow, IndicatorValueRow } from './indicators.repo';

/** Buddhist-Era years (ปี พ.ศ.) are accepted and stored as Common-Era years. */
const BE_OFFSET = 543;

const CsvRow = z.object({
  indicator: IndicatorCodeSchema,
  indicator_name_th: z.string().trim().max(300).optional(),
  indicator_name_en: z.string().trim().max(300).optional(),
  year: z.coerce
    .number()
    .int('year must be a whole number')
    .transform((y) => (y >= 2400 ? y - BE_OFFSET : y))
    .refine(
      (y) => y >= 1900 && y <= 2200,
      'year must be a Common-Era (e.g. 2023) or Buddhist-Era (e.g. 2566) year',
    ),
  province_code: z.coerce.number().int().min(10).max(99),
  value: z
    .string()
    .trim()
    .min(1, 'value is required')
    .transform((v) => Number(v.replace(/,/g, '')))
    .refine((v) => Number.isFinite(v), 'value must be a number'),
  unit: z.string().trim().min(1, 'unit is required').max(60),
  source_url: z
    .url('source_url must be a web address (http or https)')
    .refine((u) => /^https?:\/\//.test(u), 'source_url must use http or https'),
  note: z.string().trim().max(2000).optional().default(''),
});

export interface IndicatorCsvContent {
  definitions: IndicatorDefinitionRow[];
  values: IndicatorValueRow[];
}

/**
 * Reads an area-indicator CSV (UTF-8, header row; columns `indicator, year, province_code, value, unit, source_url,
 * note`, plus `indicator_name_th` / `indicator_name_en` to name a new indicator). Checks every row before returning.
 */
export async function readIndicatorCsv(
  file: string,
  knownProvinceCodes: Set<number>,
  knownIndicators: Set<string>,
): Promise<IndicatorCsvContent> {
  const text = await readImportFile(file);
  let records: Array<Record<string, string>>;
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new ImportFileError(file, null, `is not valid CSV (${(error as Error).message})`);
  }
  if (records.length === 0) {
    throw new ImportFileError(file, null, 'has no data rows');
  }
  const header = Object.keys(records[0] ?? {});
  const missing = INDICATOR_CSV_COLUMNS.filter((c) => c !== 'note' && !header.includes(c));
  if (missing.length > 0) {
    throw new ImportFileError(file, 1, `missing column(s): ${missing.join(', ')}`);
  }

  const definitions = new Map<string, IndicatorDefinitionRow>();
  const seen = new Set<string>();
  const values = records.map((record, index) => {
    const rowNumber = index + 2; // the header is row 1
    const parsed = CsvRow.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ImportFileError(
        file,
        rowNumber,
        `${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    const row = parsed.data;
    if (!knownProvinceCodes.has(row.province_code)) {
      throw new ImportFileError(file, rowNumber, `province_code: unknown province code ${row.province_code}`);
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
      throw new ImportFileError(
        file,
        rowNumber,
        `indicator: "${row.indicator}" is new; give indicator_name_th and indicator_name_en on its first row`,
      );
    }
    const key = `${row.indicator}|${row.year}|${row.province_code}`;
    if (seen.has(key)) {
      throw new ImportFileError(
        file,
        rowNumber,
        `duplicate of an earlier row (${row.indicator}, ${row.year}, ${row.province_code})`,
      );
    }
    seen.add(key);
    return {
      indicatorCode: row.indicator,
      year: row.year,
      provinceCode: row.province_code,
      value: row.value,
      unit: row.unit,
      sourceUrl: row.source_url,
      note: row.note,
    };
  });
  return { definitions: [...definitions.values()], values };
}
