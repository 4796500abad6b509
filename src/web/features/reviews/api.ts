import type {
  OfficerReview,
  ProposalReviews,
  Ranking,
  ReopenReviewBody,
  ReviewSheet,
  ReviewStage,
  Rubric,
  SaveReviewInput,
  SaveRubricInput,
} from '@shared/contracts/reviews';
import { apiSend, withQuery } from '@web/lib/api';
import { useFreshApi } from '@web/lib/use-api';

const id = (value: string) => encodeURIComponent(value);

export const reviewPath = (assignmentId: string) => `/api/review-assignments/${id(assignmentId)}/review`;
export const rubricPath = (callId: string, stage: ReviewStage) => `/api/calls/${id(callId)}/rubrics/${stage}`;
export const rankingPath = (callId: string, stage?: ReviewStage) =>
  withQuery(`/api/calls/${id(callId)}/ranking`, { stage });
export const proposalReviewsPath = (proposalId: string, stage: ReviewStage) =>
  withQuery(`/api/proposals/${id(proposalId)}/reviews`, { stage });

export const reviewsApi = {
  saveReview: (assignmentId: string, body: SaveReviewInput) =>
    apiSend<ReviewSheet>('PUT', reviewPath(assignmentId), body),
  submitReview: (assignmentId: string, version: number) =>
    apiSend<ReviewSheet>('POST', `${reviewPath(assignmentId)}/submit`, { version }),
  saveRubric: (callId: string, stage: ReviewStage, body: SaveRubricInput) =>
    apiSend<Rubric>('PUT', rubricPath(callId, stage), body),
  reopen: (reviewId: string, body: ReopenReviewBody) =>
    apiSend<OfficerReview>('POST', `/api/reviews/${id(reviewId)}/reopen`, body),
};

/** The reviewer's scoring sheet for an assignment (fresh on every visit: it changes as they work). */
export function useReviewSheet(assignmentId: string | undefined) {
  return useFreshApi<ReviewSheet>(assignmentId ? reviewPath(assignmentId) : null);
}

export function useRubric(callId: string | undefined, stage: ReviewStage | undefined) {
  return useFreshApi<Rubric>(callId && stage ? rubricPath(callId, stage) : null);
}

export function useRanking(callId: string | undefined, stage: ReviewStage | undefined) {
  return useFreshApi<Ranking>(callId ? rankingPath(callId, stage) : null);
}

export function useProposalReviews(proposalId: string | null, stage: ReviewStage) {
  return useFreshApi<ProposalReviews>(proposalId ? proposalReviewsPath(proposalId, stage) : null);
}
