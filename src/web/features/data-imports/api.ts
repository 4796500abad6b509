import {
  DataImportReportSchema,
  type DataImportKind,
  type DataImportOverview,
  type DataImportReport,
} from '@shared/contracts/data-imports';
import type { CreatedJob, Job } from '@shared/contracts/jobs';
import { apiGetRaw, uploadFile } from '@web/lib/api';
import { useFreshApi } from '@web/lib/use-api';

/** Reference data loaded: indicator figures by indicator and year, and the province boundaries. */
export function useDataImportOverview() {
  return useFreshApi<DataImportOverview>('/api/admin/data-imports');
}

/** The signed-in person's recent background jobs (imports among them), newest first. */
export function useMyJobs() {
  return useFreshApi<Job[]>('/api/jobs');
}

/** Uploads a file to import as a background job; answers the job's id. */
export function startDataImport(
  kind: DataImportKind,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<CreatedJob> {
  return uploadFile<CreatedJob>(`/api/admin/data-imports/${kind}`, file, { onProgress });
}

/** A finished import job's report (its download), checked against the contract. */
export async function loadImportReport(downloadUrl: string): Promise<DataImportReport> {
  return DataImportReportSchema.parse(await apiGetRaw<unknown>(downloadUrl));
}
