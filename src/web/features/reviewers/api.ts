import type {
  AddReviewerConflictBody,
  AutoAssignResult,
  CallReviewer,
  DeclareConflictBody,
  InviteResult,
  InviteReviewersBody,
  ManualAssignBody,
  MyReviews,
  ProposalAssignments,
  ProposalAssignmentsDetail,
  ReviewerListItem,
  ReviewerListQuery,
  ReviewerProfile,
  ReviewerProposal,
  ReviewSettings,
  ReviewStage,
  SaveReviewerProfileBody,
  UpdateReviewerBody,
  UpdateReviewSettingsBody,
} from '@shared/contracts/reviewers';
import { apiSend, withQuery } from '@web/lib/api';
import { useFreshApi } from '@web/lib/use-api';

const callPath = (callId: string, rest: string) => `/api/calls/${encodeURIComponent(callId)}${rest}`;
const assignmentPath = (id: string, rest = '') => `/api/review-assignments/${encodeURIComponent(id)}${rest}`;

export const reviewersApi = {
  saveSettings: (callId: string, body: UpdateReviewSettingsBody) =>
    apiSend<ReviewSettings>('PATCH', callPath(callId, '/review-settings'), body),
  invite: (callId: string, body: InviteReviewersBody) =>
    apiSend<InviteResult>('POST', callPath(callId, '/reviewers'), body),
  autoAssign: (callId: string, stage: ReviewStage) =>
    apiSend<AutoAssignResult>('POST', callPath(callId, '/assignments/auto'), { stage }),
  assign: (callId: string, body: ManualAssignBody) =>
    apiSend<ProposalAssignments>('POST', callPath(callId, '/assignments'), body),
  remove: (assignmentId: string, reason: string) =>
    apiSend('POST', assignmentPath(assignmentId, '/remove'), { reason }),
  accept: (callId: string) =>
    apiSend<MyReviews>('POST', `/api/review-invitations/${encodeURIComponent(callId)}/accept`),
  declineInvitation: (callId: string, reason: string) =>
    apiSend<MyReviews>('POST', `/api/review-invitations/${encodeURIComponent(callId)}/decline`, { reason }),
  declare: (assignmentId: string, body: DeclareConflictBody) =>
    apiSend<MyReviews>('POST', assignmentPath(assignmentId, '/conflict'), body),
  decline: (assignmentId: string, reason: string) =>
    apiSend<MyReviews>('POST', assignmentPath(assignmentId, '/decline'), { reason }),
  updateReviewer: (userId: string, body: UpdateReviewerBody) =>
    apiSend<ReviewerProfile>('PATCH', `/api/reviewers/${encodeURIComponent(userId)}`, body),
  saveProfile: (body: SaveReviewerProfileBody) =>
    apiSend<ReviewerProfile>('PUT', '/api/reviewer-profile', body),
  addConflict: (body: AddReviewerConflictBody) =>
    apiSend<ReviewerProfile>('POST', '/api/reviewer-profile/conflicts', body),
  removeConflict: (organisationId: string) =>
    apiSend<ReviewerProfile>(
      'DELETE',
      `/api/reviewer-profile/conflicts/${encodeURIComponent(organisationId)}`,
    ),
};

/** Where the reviewer downloads an attachment of the proposal they review. */
export function attachmentHref(assignmentId: string, attachmentId: string): string {
  return assignmentPath(assignmentId, `/attachments/${encodeURIComponent(attachmentId)}`);
}

export const useReviewSettings = (callId: string) =>
  useFreshApi<ReviewSettings>(callPath(callId, '/review-settings'));
export const useCallReviewers = (callId: string) =>
  useFreshApi<CallReviewer[]>(callPath(callId, '/reviewers'));
export const useReviewerPool = (query: ReviewerListQuery) =>
  useFreshApi<ReviewerListItem[]>(withQuery('/api/reviewers', { ...query }));
export const useCallAssignments = (callId: string, stage: ReviewStage) =>
  useFreshApi<ProposalAssignments[]>(withQuery(callPath(callId, '/assignments'), { stage }));
export const useProposalAssignments = (proposalId: string) =>
  useFreshApi<ProposalAssignmentsDetail>(`/api/proposals/${encodeURIComponent(proposalId)}/assignments`);
export const useMyReviews = () => useFreshApi<MyReviews>('/api/review-assignments');
export const useReviewerProposal = (assignmentId: string) =>
  useFreshApi<ReviewerProposal>(assignmentPath(assignmentId, '/proposal'));
export const useMyProfile = () => useFreshApi<ReviewerProfile>('/api/reviewer-profile');
