import { z } from 'zod';

/** What an administrator can import from a file: area indicators (CSV) or province boundaries (GeoJSON). */
export const DATA_IMPORT_KINDS = ['indicators', 'boundaries'] as const;
export type DataImportKind = (typeof DATA_IMPORT_KINDS)[number];

/** The background job that runs each kind of import. */
export const DATA_IMPORT_JOB_KINDS = {
  indicators: 'indicators-import',
  boundaries: 'boundaries-import',
} as const satisfies Record<DataImportKind, string>;

export const DATA_IMPORT_LIMITS = {
  /** An indicator CSV may be this large (about 100,000 rows). */
  indicatorsMaxBytes: 10 * 1024 * 1024,
  /** A boundary GeoJSON may be this large (simplified province polygons take well under 1 MB). */
  boundariesMaxBytes: 30 * 1024 * 1024,
  /** Rows checked per progress step (the write is one more step: one transaction). */
  rowsPerStep: 1000,
  /** A report lists at most this many problems (and says how many there were in all). */
  reportProblemsMax: 1000,
} as const;

/** Why a row or feature of an import file was rejected, in both languages. */
export const DataImportProblemSchema = z.object({
  /** The line in a CSV file (the header is line 1); null for a problem with the whole file. */
  line: z.int().nullable(),
  /** The feature's position in a GeoJSON file (the first is 1); null for a problem with the whole file. */
  feature: z.int().nullable(),
  /** The column or property at fault (`province_code`, `geometry`, `file` …). */
  field: z.string(),
  reasonTh: z.string(),
  reasonEn: z.string(),
});
export type DataImportProblem = z.infer<typeof DataImportProblemSchema>;

/**
 * The report an import job leaves as its download (JSON). An import is all or nothing: `imported` when every row
 * passed and was written in one transaction, `rejected` when any row failed (then nothing of the file was written and
 * `problems` says why).
 */
export const DataImportReportSchema = z.object({
  kind: z.enum(DATA_IMPORT_KINDS),
  fileName: z.string(),
  outcome: z.enum(['imported', 'rejected']),
  startedAt: z.string(),
  finishedAt: z.string(),
  /** Data rows (CSV) or features (GeoJSON) read. */
  rowsRead: z.int().min(0),
  /** Indicator values or province boundaries written (0 when rejected). */
  imported: z.int().min(0),
  /** Codes of indicators the import created (indicators only; none when rejected). */
  indicatorsCreated: z.array(z.string()),
  /** Codes of indicators that existed and got values (or new names) from the import (indicators only). */
  indicatorsUpdated: z.array(z.string()),
  /** Distinct provinces the import wrote figures or boundaries for (0 when rejected). */
  provinces: z.int().min(0),
  /** Years (Common Era) the import wrote figures for (indicators only; none when rejected). */
  years: z.array(z.int()),
  problemCount: z.int().min(0),
  /** At most DATA_IMPORT_LIMITS.reportProblemsMax of them, in file order. */
  problems: z.array(DataImportProblemSchema),
});
export type DataImportReport = z.infer<typeof DataImportReportSchema>;

/** One indicator in one year as the data page lists it. */
export const LoadedIndicatorYearSchema = z.object({
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  year: z.int(),
  provinceCount: z.int(),
  /** Distinct source addresses of that year's figures (at most five). */
  sources: z.array(z.string()),
  sourceCount: z.int(),
  updatedAt: z.string(),
});
export type LoadedIndicatorYear = z.infer<typeof LoadedIndicatorYearSchema>;

export const BoundarySourceSchema = z.object({
  /** The file the boundaries came from. */
  source: z.string(),
  provinces: z.int(),
});

/** What reference data is loaded: indicator figures by indicator and year, and the province boundaries. */
export const DataImportOverviewSchema = z.object({
  indicators: z.array(LoadedIndicatorYearSchema),
  boundaries: z.object({
    provinces: z.int(),
    withBoundary: z.int(),
    sources: z.array(BoundarySourceSchema),
  }),
});
export type DataImportOverview = z.infer<typeof DataImportOverviewSchema>;

export const DataImportKindParamsSchema = z.object({ kind: z.enum(DATA_IMPORT_KINDS) });
