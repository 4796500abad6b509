import type {
  EvidenceFile,
  EvidencePurpose,
  ReportBody,
  ReportDetail,
  ReportReviewBody,
} from '@shared/contracts/projects';
import { ApiError, apiSend, CSRF_HEADER, withQuery } from '@web/lib/api';
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

function errorOf(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(error.code, error.message, status, error.details);
  }
  return new ApiError(status === 413 ? 'PAYLOAD_TOO_LARGE' : 'HTTP_ERROR', `HTTP ${status}`, status);
}

export interface EvidenceTarget {
  purpose: EvidencePurpose;
  milestoneId?: string | undefined;
}

/**
 * Sends one evidence file as multipart form data to the report (`?purpose=&milestoneId=`), reporting progress
 * (0–1) as it goes; resolves with the stored file or rejects with the server's error (wrong content, too big,
 * too many files).
 */
export function uploadEvidence(
  reportId: string,
  target: EvidenceTarget,
  file: File,
  csrfToken: string | null,
  onProgress: (fraction: number) => void,
): Promise<EvidenceFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(
      'POST',
      withQuery(reportPath(reportId, '/files'), { purpose: target.purpose, milestoneId: target.milestoneId }),
    );
    request.responseType = 'json';
    request.setRequestHeader('accept', 'application/json');
    const lang = document.documentElement.lang;
    if (lang) {
      request.setRequestHeader('accept-language', lang);
    }
    if (csrfToken) {
      request.setRequestHeader(CSRF_HEADER, csrfToken);
    }
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress(event.loaded / event.total);
      }
    };
    request.onload = () => {
      const body: unknown = request.response;
      if (
        request.status >= 200 &&
        request.status < 300 &&
        typeof body === 'object' &&
        body !== null &&
        'data' in body
      ) {
        onProgress(1);
        resolve((body as { data: EvidenceFile }).data);
      } else {
        reject(errorOf(request.status, body));
      }
    };
    request.onerror = () => reject(new ApiError('NETWORK_ERROR', 'Network error', 0));
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
