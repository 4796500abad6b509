import type {
  Attachment,
  CreateProposalBody,
  ProposalDetail,
  ProposalSummary,
  SaveProposalBody,
} from '@shared/contracts/proposals';
import { ApiError, apiGet, apiSend, CSRF_HEADER, withQuery } from '@web/lib/api';
import { useFreshApi } from '@web/lib/use-api';

const PROPOSALS = '/api/proposals';

export function proposalPath(id: string, rest = ''): string {
  return `${PROPOSALS}/${encodeURIComponent(id)}${rest}`;
}

export function attachmentHref(proposalId: string, attachmentId: string): string {
  return proposalPath(proposalId, `/attachments/${encodeURIComponent(attachmentId)}`);
}

export function pdfHref(proposalId: string): string {
  return proposalPath(proposalId, '/pdf');
}

export const proposalsApi = {
  create: (body: CreateProposalBody) => apiSend<ProposalDetail>('POST', PROPOSALS, body),
  get: (id: string) => apiGet<ProposalDetail>(proposalPath(id)),
  save: (id: string, body: SaveProposalBody) => apiSend<ProposalDetail>('PATCH', proposalPath(id), body),
  submit: (id: string, version: number) =>
    apiSend<ProposalDetail>('POST', proposalPath(id, '/submit'), { version }),
  withdraw: (id: string) => apiSend<ProposalDetail>('POST', proposalPath(id, '/withdraw')),
  removeAttachment: (id: string, attachmentId: string) => apiSend('DELETE', attachmentHref(id, attachmentId)),
};

/** My proposals across my organisations (or one of them); always fresh. */
export function useMyProposals(organisationId?: string | null) {
  return useFreshApi<ProposalSummary[]>(withQuery(`${PROPOSALS}/mine`, { organisationId }));
}

export function useProposal(id: string | undefined) {
  return useFreshApi<ProposalDetail>(id ? proposalPath(id) : null);
}

function errorOf(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(error.code, error.message, status, error.details);
  }
  return new ApiError(status === 413 ? 'PAYLOAD_TOO_LARGE' : 'HTTP_ERROR', `HTTP ${status}`, status);
}

/**
 * Sends one file of a file question as multipart form data (`questionId`, then `file`), reporting progress
 * (0–1) as it goes; resolves with the stored attachment or rejects with the server's error.
 */
export function uploadAttachment(
  proposalId: string,
  questionId: string,
  file: File,
  csrfToken: string | null,
  onProgress: (fraction: number) => void,
): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', proposalPath(proposalId, '/attachments'));
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
        resolve((body as { data: Attachment }).data);
      } else {
        reject(errorOf(request.status, body));
      }
    };
    request.onerror = () => reject(new ApiError('NETWORK_ERROR', 'Network error', 0));
    const form = new FormData();
    form.append('questionId', questionId);
    form.append('file', file, file.name);
    request.send(form);
  });
}
