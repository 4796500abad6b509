import type { CreatedJob } from '@shared/contracts/jobs';
import type {
  BulkActionBody,
  BulkResult,
  EligibilityOverrideBody,
  IntakeExportFormat,
  IntakePage,
  IntakeQuery,
  ProposalDetail,
  ReturnProposalBody,
} from '@shared/contracts/proposals';
import { apiGet, apiGetRaw, apiSend } from '@web/lib/api';
import { exportBody, paramsFromQuery } from './query';

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

/** Starts an export of the filtered list (every matching proposal, in the list's order) as a background job. */
export function startIntakeExport(
  callId: string,
  query: IntakeQuery,
  format: IntakeExportFormat,
): Promise<CreatedJob> {
  return apiSend<CreatedJob>('POST', callPath(callId, '/proposals/exports'), exportBody(query, format));
}
