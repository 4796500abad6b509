import type { BulkResult } from '@shared/contracts/proposals';
import type {
  ApplicantDecision,
  BulkScreeningBody,
  CallDecisions,
  DecisionBody,
  DecisionResult,
  NotifyBody,
  NotifyResult,
  PhaseBody,
  PublicResults,
  ReviewState,
  ScreeningBody,
  Selection,
  ShortlistBody,
} from '@shared/contracts/decisions';
import { apiGet, apiSend } from '@web/lib/api';
import { useApi, useFreshApi } from '@web/lib/use-api';

const proposalPath = (id: string, rest = '') => `/api/proposals/${encodeURIComponent(id)}${rest}`;
const callPath = (id: string, rest = '') => `/api/calls/${encodeURIComponent(id)}${rest}`;

export const decisionsApi = {
  selection: (proposalId: string) => apiGet<Selection>(proposalPath(proposalId, '/selection')),
  screen: (proposalId: string, body: ScreeningBody) =>
    apiSend<ReviewState>('POST', proposalPath(proposalId, '/screening'), body),
  screenMany: (callId: string, body: BulkScreeningBody) =>
    apiSend<BulkResult>('POST', callPath(callId, '/screening'), body),
  movePhase: (proposalId: string, body: PhaseBody) =>
    apiSend<ReviewState>('POST', proposalPath(proposalId, '/phase'), body),
  shortlist: (proposalId: string, body: ShortlistBody) =>
    apiSend<ReviewState>('POST', proposalPath(proposalId, '/shortlist'), body),
  decide: (proposalId: string, body: DecisionBody) =>
    apiSend<DecisionResult>('POST', proposalPath(proposalId, '/decision'), body),
  release: (callId: string, body: NotifyBody = {}) =>
    apiSend<NotifyResult>('POST', callPath(callId, '/decisions/notify'), body),
};

/** The address of a proposal's decision letter (a plain link: the browser opens the PDF). */
export function letterHref(proposalId: string, lang: 'th' | 'en'): string {
  return `${proposalPath(proposalId, '/decision-letter.pdf')}?lang=${lang}`;
}

/** The released decision on a proposal for its applicant (null until released); always loaded afresh. */
export function useApplicantDecision(proposalId: string) {
  return useFreshApi<ApplicantDecision | null>(proposalPath(proposalId, '/decision'));
}

/** A call's decisions, money, phases and unsent letters (officers), loaded afresh. */
export function useCallDecisions(callId: string) {
  return useFreshApi<CallDecisions>(callPath(callId, '/decisions'));
}

/** A call's public results. */
export function usePublicResults(callId: string | undefined) {
  return useApi<PublicResults>(callId ? callPath(callId, '/results') : null);
}
