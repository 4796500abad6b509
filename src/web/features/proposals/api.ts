import type {
  Attachment,
  CreateProposalBody,
  ProposalDetail,
  ProposalSummary,
  SaveProposalBody,
} from '@shared/contracts/proposals';
import { apiGet, apiSend, uploadFile, withQuery } from '@web/lib/api';
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

/** Sends one file of a file question (`questionId`, then `file`), reporting progress (0–1) as it goes. */
export function uploadAttachment(
  proposalId: string,
  questionId: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<Attachment> {
  return uploadFile<Attachment>(proposalPath(proposalId, '/attachments'), file, {
    fields: { questionId },
    onProgress,
  });
}
