import type { Database } from '@server/db/client';
import { notFound } from '@server/lib/errors';
import type { RequestMeta } from '@server/lib/authz';
import { importFileErrorOf, readImportFile, type ImportProblem } from '@server/lib/import-error';
import { recordAudit } from '@server/modules/audit/audit.service';
import { DATA_IMPORT_LIMITS, type LoadedIndicatorYear } from '@shared/contracts/data-imports';
import type { AreaIndicator, IndicatorValues, ProvinceIndicatorValue } from '@shared/contracts/indicators';
import { listProvinceCodes } from '@server/modules/geo/geo.service';
import * as repo from './indicators.repo';
import { checkIndicatorCsvHeader, parseIndicatorCsv } from './indicators.csv';

type IndicatorRow = Awaited<ReturnType<typeof repo.listIndicators>>[number];

function toIndicator(row: IndicatorRow): AreaIndicator {
  return {
    ...row,
    higherIsNeedier: row.higherIsNeedier === 1,
    years: (row.years ?? []).map(Number),
    defaultYear: row.defaultYear === null ? null : Number(row.defaultYear),
    provinceCount: Number(row.provinceCount),
  };
}

export async function listIndicators(db: Database): Promise<AreaIndicator[]> {
  return (await repo.listIndicators(db)).map(toIndicator);
}

/** Values of one indicator for every province that has one, in the given year or the latest. */
export async function getIndicatorValues(
  db: Database,
  code: string,
  year: number | undefined,
): Promise<IndicatorValues> {
  const indicator = (await repo.listIndicators(db)).find((i) => i.code === code);
  if (!indicator) {
    throw notFound('indicator', code);
  }
  const chosenYear = year ?? (await repo.latestYear(db, code));
  const values = chosenYear === null ? [] : await repo.listValues(db, code, chosenYear);
  return { indicator: toIndicator(indicator), year: chosenYear, values };
}

export async function listProvinceIndicatorValues(
  db: Database,
  provinceCode: number,
): Promise<ProvinceIndicatorValue[]> {
  return repo.listProvinceValues(db, provinceCode);
}

/** Awaited after each step of an import: steps done of the total, and the step under way (an i18n key). */
export type ImportProgress = (done: number, total: number, stepKey: string) => Promise<void>;

/** What an indicator import did, or why it did nothing. */
export interface IndicatorImportResult {
  outcome: 'imported' | 'rejected';
  rowsRead: number;
  /** Values written, and the indicators, provinces and years they are of (none when rejected). */
  values: number;
  indicatorsCreated: string[];
  indicatorsUpdated: string[];
  provinces: number;
  years: number[];
  /** Every problem found; any problem means nothing was written. */
  problems: ImportProblem[];
}

/** Steps of an indicator import for a progress bar: reading, one per batch of rows checked, writing. */
export function indicatorImportSteps(rows: number): number {
  return 2 + Math.max(1, Math.ceil(rows / DATA_IMPORT_LIMITS.rowsPerStep));
}

/**
 * Imports an area-indicator CSV given as text: every row is checked first (every problem reported with its line and
 * column), then, only when none failed, all are written in one transaction: a figure for the same indicator, year and
 * province is updated, never duplicated. `onProgress` is awaited between steps (never inside the transaction).
 * `audit`, when given, records the import in the audit log in the same transaction.
 */
export async function importIndicators(
  db: Database,
  text: string,
  options: {
    onProgress?: ImportProgress;
    audit?: { meta: RequestMeta; entityId: string; fileName: string };
  } = {},
): Promise<IndicatorImportResult> {
  const { onProgress } = options;
  const rowCount = Math.max(0, text.split('\n').length - 1);
  let total = indicatorImportSteps(rowCount);
  await onProgress?.(0, total, 'dataImports.steps.reading');
  const knownIndicators = await repo.listIndicatorCodes(db);
  const content = await parseIndicatorCsv(text, await listProvinceCodes(db), knownIndicators, {
    rowsPerStep: DATA_IMPORT_LIMITS.rowsPerStep,
    onChecked: async (rows, rowsRead) => {
      total = indicatorImportSteps(rowsRead);
      await onProgress?.(
        1 + Math.ceil(rows / DATA_IMPORT_LIMITS.rowsPerStep),
        total,
        'dataImports.steps.checking',
      );
    },
  });
  const codes = [...new Set(content.values.map((v) => v.indicatorCode))].sort();
  const summary = {
    rowsRead: content.rowsRead,
    indicatorsCreated: codes.filter((c) => !knownIndicators.has(c)),
    indicatorsUpdated: codes.filter((c) => knownIndicators.has(c)),
    provinces: new Set(content.values.map((v) => v.provinceCode)).size,
    years: [...new Set(content.values.map((v) => v.year))].sort((a, b) => b - a),
  };
  if (content.problems.length > 0) {
    return {
      outcome: 'rejected',
      rowsRead: content.rowsRead,
      values: 0,
      indicatorsCreated: [],
      indicatorsUpdated: [],
      provinces: 0,
      years: [],
      problems: content.problems,
    };
  }
  await onProgress?.(total - 1, total, 'dataImports.steps.writing');
  await db.transaction(async (tx) => {
    await repo.upsertIndicators(tx, content.definitions);
    await repo.upsertValues(tx, content.values);
    if (options.audit) {
      await recordAudit(tx, options.audit.meta, {
        action: 'area_indicators.imported',
        entityType: 'data_import',
        entityId: options.audit.entityId,
        after: { fileName: options.audit.fileName, values: content.values.length, ...summary },
      });
    }
  });
  await onProgress?.(total, total, 'dataImports.steps.done');
  return { outcome: 'imported', values: content.values.length, problems: [], ...summary };
}

/**
 * Imports an area-indicator CSV file (the command line and the demo content). All or nothing: a file with a bad row
 * throws an ImportFileError naming the first problem's row and column, and nothing of it is written.
 */
export async function importIndicatorCsv(
  db: Database,
  file: string,
): Promise<{ indicators: number; values: number }> {
  const result = await importIndicators(db, await readImportFile(file));
  if (result.outcome === 'rejected') {
    throw importFileErrorOf(file, result.problems);
  }
  return {
    indicators: result.indicatorsCreated.length + result.indicatorsUpdated.length,
    values: result.values,
  };
}

/** The problem with an indicator CSV's header row (missing columns, not CSV), or null: a quick check of an upload. */
export function checkIndicatorCsv(text: string): ImportProblem | null {
  return checkIndicatorCsvHeader(text);
}

/** Figures loaded, by indicator and year (newest first): provinces, sources, when last written. */
export async function listIndicatorYears(db: Database): Promise<LoadedIndicatorYear[]> {
  const rows = await repo.listIndicatorYears(db);
  return rows.map((row) => ({
    ...row,
    year: Number(row.year),
    provinceCount: Number(row.provinceCount),
    sources: row.sources ?? [],
    sourceCount: Number(row.sourceCount),
    updatedAt: new Date(row.updatedAt).toISOString(),
  }));
}
