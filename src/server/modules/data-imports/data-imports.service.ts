import { performance } from 'node:perf_hooks';
import { basename, extname } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { z } from 'zod';
import type { Database } from '@server/db/client';
import { authorize, type Actor, type RequestMeta } from '@server/lib/authz';
import { AppError, fieldIssue } from '@server/lib/errors';
import type { FileStorage } from '@server/lib/file-storage';
import { sanitiseFileName, sizeText, type UploadInput } from '@server/lib/files';
import { importProblemText, type ImportProblem } from '@server/lib/import-error';
import {
  checkBoundaryGeoJson,
  importBoundaryGeoJson,
  summariseBoundaries,
} from '@server/modules/geo/geo.service';
import {
  checkIndicatorCsv,
  importIndicators,
  listIndicatorYears,
} from '@server/modules/indicators/indicators.service';
import * as jobs from '@server/modules/jobs/jobs.service';
import {
  DATA_IMPORT_LIMITS,
  type DataImportKind,
  type DataImportOverview,
  type DataImportReport,
} from '@shared/contracts/data-imports';
import { dataImportPolicy } from './data-imports.policy';

const FORMAT: Record<DataImportKind, { name: string; maxBytes: number }> = {
  indicators: { name: 'CSV', maxBytes: DATA_IMPORT_LIMITS.indicatorsMaxBytes },
  boundaries: { name: 'GeoJSON', maxBytes: DATA_IMPORT_LIMITS.boundariesMaxBytes },
};

const UPLOAD_PREFIX = 'imports';

/** Throws FORBIDDEN unless the actor may import reference data (checked before an upload is read). */
export function assertCanImport(actor: Actor): void {
  authorize(actor, dataImportPolicy.run, {}, undefined);
}

function fileError(
  code: 'VALIDATION_FAILED' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE',
  key: string,
  params?: Record<string, unknown>,
): AppError {
  return new AppError(code, key, { issues: [fieldIssue('body.file', 'invalid', key, params)] }, params);
}

const problemError = (problem: ImportProblem) => fileError('VALIDATION_FAILED', problem.key, problem.params);

/**
 * Checks an upload before it is queued: not past the kind's size limit (413), text and not some other file type by
 * its content (415), UTF-8 (400), and the kind's outline: a CSV with the required columns, or a GeoJSON
 * FeatureCollection (400). Every error names `body.file`. Returns the cleaned file name.
 */
async function checkUpload(kind: DataImportKind, upload: UploadInput): Promise<string> {
  const format = FORMAT[kind];
  if (upload.truncated || upload.bytes.length > format.maxBytes) {
    throw fileError('PAYLOAD_TOO_LARGE', 'dataImports.errors.TOO_LARGE', { max: sizeText(format.maxBytes) });
  }
  if (upload.bytes.length === 0) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      issues: [fieldIssue('body.file', 'required', 'errors.FILE_REQUIRED')],
    });
  }
  if (await fileTypeFromBuffer(upload.bytes)) {
    throw fileError('UNSUPPORTED_MEDIA_TYPE', 'dataImports.errors.NOT_TEXT', { format: format.name });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(upload.bytes);
  } catch {
    throw fileError('VALIDATION_FAILED', 'dataImports.errors.NOT_UTF8');
  }
  if (text.includes('\u0000')) {
    throw fileError('UNSUPPORTED_MEDIA_TYPE', 'dataImports.errors.NOT_TEXT', { format: format.name });
  }
  const problem = kind === 'indicators' ? checkIndicatorCsv(text) : checkBoundaryGeoJson(text);
  if (problem) {
    throw problemError(problem);
  }
  return sanitiseFileName(upload.fileName);
}

const ImportJobParamsSchema = z.object({
  /** The uploaded file in the file store (removed once the job has run). */
  uploadKey: z.string().regex(/^imports\/[0-9a-f-]{36}$/),
  fileName: z.string().min(1).max(200),
  /** Who asked, for the audit log. */
  ip: z.string().max(100).nullable(),
  requestId: z.string().max(100).nullable(),
});
type ImportJobParams = z.infer<typeof ImportJobParamsSchema>;

/** The report's file name: the upload's name with `-report.json` in place of its ending. */
function reportFileName(fileName: string): string {
  const stem = basename(fileName, extname(fileName)) || 'import';
  return sanitiseFileName(`${stem}-report.json`);
}

interface ReportInput {
  kind: DataImportKind;
  params: ImportJobParams;
  startedAt: Date;
  startedMs: number;
  outcome: 'imported' | 'rejected';
  rowsRead: number;
  imported: number;
  indicatorsCreated?: string[];
  indicatorsUpdated?: string[];
  provinces: number;
  years?: number[];
  problems: ImportProblem[];
}

/** The report as the job's download: JSON (UTF-8), with every problem's reason in Thai and English. */
function renderReport(input: ReportInput): jobs.JobResult {
  const finishedAt = new Date(input.startedAt.getTime() + Math.round(performance.now() - input.startedMs));
  const report: DataImportReport = {
    kind: input.kind,
    fileName: input.params.fileName,
    outcome: input.outcome,
    startedAt: input.startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    rowsRead: input.rowsRead,
    imported: input.imported,
    indicatorsCreated: input.indicatorsCreated ?? [],
    indicatorsUpdated: input.indicatorsUpdated ?? [],
    provinces: input.provinces,
    years: input.years ?? [],
    problemCount: input.problems.length,
    problems: input.problems.slice(0, DATA_IMPORT_LIMITS.reportProblemsMax).map((problem) => ({
      line: problem.line,
      feature: problem.feature,
      field: problem.field,
      reasonTh: importProblemText(problem, 'th'),
      reasonEn: importProblemText(problem, 'en'),
    })),
  };
  return {
    bytes: Buffer.from(`${JSON.stringify(report, null, 2)}\n`, 'utf8'),
    fileName: reportFileName(input.params.fileName),
    contentType: 'application/json; charset=utf-8',
  };
}

/**
 * Runs an import on the uploaded file and removes the upload afterwards (also when the import failed; not when the
 * job was taken back by another worker, which still needs it).
 */
async function withUpload<T>(
  storage: FileStorage,
  key: string,
  work: (text: string) => Promise<T>,
): Promise<T> {
  const bytes = await storage.get(key);
  try {
    const result = await work(bytes.toString('utf8'));
    await storage.remove(key);
    return result;
  } catch (error) {
    if (!(error instanceof jobs.JobLostError)) {
      await storage.remove(key);
    }
    throw error;
  }
}

/** A progress reporter for the import services that keeps one more step, the report, at the end of the bar. */
function progressOf(step: (progress: number, stepKey: string, total?: number) => Promise<void>) {
  let steps = 1;
  return {
    onProgress: async (done: number, total: number, stepKey: string) => {
      steps = total + 1;
      await step(done, stepKey, steps);
    },
    report: () => step(steps - 1, 'dataImports.steps.report', steps),
  };
}

const auditMeta = (params: ImportJobParams, requestedBy: string | null): RequestMeta => ({
  actorUserId: requestedBy,
  ip: params.ip,
  requestId: params.requestId,
});

type ImportOutcome = Omit<ReportInput, 'kind' | 'params' | 'startedAt' | 'startedMs'>;
interface ImportRun {
  onProgress: (done: number, total: number, stepKey: string) => Promise<void>;
  audit: { meta: RequestMeta; entityId: string };
  fileName: string;
}

/** An import job: the upload read, the importer's steps, one more for the report, then the report as the download. */
function defineImportJob(
  kind: DataImportKind,
  jobKind: string,
  runImport: (db: Database, text: string, run: ImportRun) => Promise<ImportOutcome>,
) {
  return jobs.defineJobHandler({
    kind: jobKind,
    params: ImportJobParamsSchema,
    total: () => 4,
    async run({ db, params, step, storage, jobId, requestedBy, now }) {
      const startedMs = performance.now();
      const progress = progressOf(step);
      return withUpload(storage, params.uploadKey, async (text) => {
        const outcome = await runImport(db, text, {
          onProgress: progress.onProgress,
          audit: { meta: auditMeta(params, requestedBy), entityId: jobId },
          fileName: params.fileName,
        });
        await progress.report();
        return renderReport({ kind, params, startedAt: now, startedMs, ...outcome });
      });
    },
    // the upload is kept while the job may be retried; once it has failed for good, nothing will read it
    abandon: (params, storage) => storage.remove(params.uploadKey),
  });
}

/** The job that imports an area-indicator CSV: reading, a step per batch of rows checked, writing, the report. */
export const indicatorsImportJob = defineImportJob(
  'indicators',
  'indicators-import',
  async (db, text, run) => {
    const result = await importIndicators(db, text, {
      onProgress: run.onProgress,
      audit: { ...run.audit, fileName: run.fileName },
    });
    return {
      outcome: result.outcome,
      rowsRead: result.rowsRead,
      imported: result.values,
      indicatorsCreated: result.indicatorsCreated,
      indicatorsUpdated: result.indicatorsUpdated,
      provinces: result.provinces,
      years: result.years,
      problems: result.problems,
    };
  },
);

/** The job that imports province boundaries from GeoJSON: reading, a step per feature checked, writing, the report. */
export const boundariesImportJob = defineImportJob(
  'boundaries',
  'boundaries-import',
  async (db, text, run) => {
    const result = await importBoundaryGeoJson(db, text, {
      source: run.fileName,
      onProgress: run.onProgress,
      audit: run.audit,
    });
    return {
      outcome: result.outcome,
      rowsRead: result.rowsRead,
      imported: result.provinces,
      provinces: result.provinces,
      problems: result.problems,
    };
  },
);

const HANDLERS = { indicators: indicatorsImportJob, boundaries: boundariesImportJob } as const;

/**
 * Starts an import (administrators): the upload is checked on its content and outline, kept in the file store, and a
 * job of the kind is queued to check every row and write the file (all or nothing). The caller kicks the worker.
 */
export async function startDataImport(
  db: Database,
  storage: FileStorage,
  actor: Actor,
  kind: DataImportKind,
  upload: UploadInput,
  meta: RequestMeta,
): Promise<{ jobId: string }> {
  assertCanImport(actor);
  const fileName = await checkUpload(kind, upload);
  const uploadKey = await storage.put(UPLOAD_PREFIX, upload.bytes);
  try {
    return await jobs.createJob(db, actor, HANDLERS[kind], {
      uploadKey,
      fileName,
      ip: meta.ip,
      requestId: meta.requestId,
    });
  } catch (error) {
    await storage.remove(uploadKey);
    throw error;
  }
}

/** What reference data is loaded: indicator figures by indicator and year, and the boundaries (administrators). */
export async function getDataImportOverview(db: Database, actor: Actor): Promise<DataImportOverview> {
  assertCanImport(actor);
  const [indicators, boundaries] = await Promise.all([listIndicatorYears(db), summariseBoundaries(db)]);
  return { indicators, boundaries };
}
