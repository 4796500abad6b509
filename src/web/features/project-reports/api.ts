import type {
  EvidenceFile,
  EvidencePurpose,
  ReportBody,
  ReportDetail,
  ReportReviewBody,
} from '@shared/contracts/projects';
import { apiSend, uploadFile, withQuery } from '@web/lib/api';
import { useFreshApi } from '@web/lib/use-api';

const REPORTS = '/api/project-reports';

export function reportPath(id: string, rest = ''): string {
  return `${REPORTS}/${encodeURIComponent(id)}${rest}`;
}

/** Where an evidence file downloads from (the session cookie authorises it). */
export function evidenceHref(reportId: string, fileId: string): string {
  return reportPath(reportId, `/files/${encodeURIComponent(fileId)}`);
}

export const projectReportsApi = {
  save: (id: string, body: ReportBody) => apiSend<ReportDetail>('PUT', reportPath(id), body),
  submit: (id: string, version: number) =>
    apiSend<ReportDetail>('POST', reportPath(id, '/submit'), { version }),
  returnReport: (id: string, body: ReportReviewBody) =>
    apiSend<ReportDetail>('POST', reportPath(id, '/return'), body),
  approve: (id: string, body: ReportReviewBody) =>
    apiSend<ReportDetail>('POST', reportPath(id, '/approve'), body),
  removeFile: (id: string, fileId: string) => apiSend('DELETE', evidenceHref(id, fileId)),
};

/** A report with its evidence and history; fresh on every visit (it changes as people work on it). */
export function useProjectReport(id: string | undefined) {
  return useFreshApi<ReportDetail>(id ? reportPath(id) : null);
}

export interface EvidenceTarget {
  purpose: EvidencePurpose;
  milestoneId?: string | undefined;
}

/**
 * Sends one evidence file to the report (`?purpose=&milestoneId=`), reporting progress (0–1) as it goes; resolves with
 * the stored file or rejects with the server's error (wrong content, too big, too many files).
 */
export function uploadEvidence(
  reportId: string,
  target: EvidenceTarget,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<EvidenceFile> {
  return uploadFile<EvidenceFile>(
    withQuery(reportPath(reportId, '/files'), { purpose: target.purpose, milestoneId: target.milestoneId }),
    file,
    { onProgress },
  );
}
