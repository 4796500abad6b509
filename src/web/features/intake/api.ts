import type {
  BulkActionBody,
  BulkResult,
  EligibilityOverrideBody,
  IntakePage,
  IntakeQuery,
  ProposalDetail,
  ReturnProposalBody,
} from '@shared/contracts/proposals';
import { apiGet, apiGetRaw, apiSend } from '@web/lib/api';
import { exportParams, paramsFromQuery } from './query';

function callPath(callId: string, rest = ''): string {
  return `/api/calls/${encodeURIComponent(callId)}${rest}`;
}

function proposalPath(id: string, rest = ''): string {
  return `/api/proposals/${encodeURIComponent(id)}${rest}`;
}

export const intakeApi = {
  /** One page of a call's proposals (the answer is `{ data, page }`, kept whole). */
  list: (callId: string, query: IntakeQuery, init?: { signal?: AbortSignal }) => {
    const search = paramsFromQuery(query).toString();
    return apiGetRaw<IntakePage>(callPath(callId, `/proposals${search ? `?${search}` : ''}`), init);
  },
  bulk: (callId: string, body: BulkActionBody) =>
    apiSend<BulkResult>('POST', callPath(callId, '/proposals/bulk'), body),
  returnForRevision: (id: string, body: ReturnProposalBody) =>
    apiSend<ProposalDetail>('POST', proposalPath(id, '/return'), body),
  overrideEligibility: (id: string, body: EligibilityOverrideBody) =>
    apiSend<ProposalDetail>('POST', proposalPath(id, '/eligibility'), body),
  inviteFull: (id: string) => apiSend<ProposalDetail>('POST', proposalPath(id, '/invite-full')),
  detail: (id: string) => apiGet<ProposalDetail>(proposalPath(id)),
};

/** The address of the export file of the filtered list (a plain link: the browser downloads it). */
export function exportHref(callId: string, query: IntakeQuery, format: 'csv' | 'xlsx'): string {
  return `${callPath(callId, '/proposals/export')}?${exportParams(query, format).toString()}`;
}
