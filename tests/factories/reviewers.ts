import { expect } from 'vitest';
import type { TestContext } from '@tests/setup/test-app';
import type { TestClient } from '@tests/helpers/client';
import { signedIn, type Person } from '@tests/factories/people';
import { completeAnswers, startDraft } from '@tests/factories/proposals';
import { proposalReviewStates } from '@server/db/schema/index';
import type { Answers } from '@shared/contracts/forms';
import type { ProposalDetail } from '@shared/contracts/proposals';
import type {
  MyAssignment,
  MyReviews,
  ReviewerProfile,
  SaveReviewerProfileBody,
} from '@shared/contracts/reviewers';

/** A signed-in account with the reviewer role and, when given, a saved profile. */
export async function createReviewer(
  ctx: TestContext,
  email: string,
  profile?: Partial<SaveReviewerProfileBody>,
): Promise<Person> {
  const person = await signedIn(ctx, email, 'reviewer');
  if (profile) {
    const saved = await person.client.request('PUT', '/api/reviewer-profile', {
      version: 0,
      themes: [],
      provinceCodes: [],
      affiliation: '',
      expertiseTh: '',
      expertiseEn: '',
      languages: ['th'],
      maxLoad: 10,
      isActive: true,
      ...profile,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<{ data: ReviewerProfile }>().data.version).toBe(1);
  }
  return person;
}

/** The officer invites the reviewers to the call and each accepts. */
export async function inviteAndAccept(officer: TestClient, callId: string, reviewers: readonly Person[]) {
  const invited = await officer.post(`/api/calls/${callId}/reviewers`, {
    reviewerIds: reviewers.map((r) => r.userId),
  });
  expect(invited.statusCode, invited.body).toBe(200);
  for (const reviewer of reviewers) {
    const accepted = await reviewer.client.post(`/api/review-invitations/${callId}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
  }
}

/** A proposal started, completed and submitted through the API by an owner of the organisation. */
export async function submitProposal(
  owner: TestClient,
  input: { callId: string; organisationId: string; titleTh: string; coApplicantIds?: string[] },
  answers: Answers = completeAnswers(),
): Promise<ProposalDetail> {
  let draft = await startDraft(
    owner,
    { callId: input.callId, organisationId: input.organisationId, titleTh: input.titleTh },
    answers,
  );
  if (input.coApplicantIds) {
    const saved = await owner.patch(`/api/proposals/${draft.id}`, {
      version: draft.version,
      coApplicantIds: input.coApplicantIds,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    draft = saved.json<{ data: ProposalDetail }>().data;
  }
  const submitted = await owner.post(`/api/proposals/${draft.id}/submit`, { version: draft.version });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return submitted.json<{ data: ProposalDetail }>().data;
}

/**
 * Puts a submitted proposal in the review phase, as passing screening does (screening is the decisions module's;
 * this writes the phase directly so that reviewer tests do not depend on it).
 */
export async function putUpForReview(
  ctx: TestContext,
  proposal: { id: string; callId: string },
): Promise<void> {
  await ctx.database.db
    .insert(proposalReviewStates)
    .values({ proposalId: proposal.id, callId: proposal.callId, phase: 'review', screeningResult: 'passed' })
    .onConflictDoUpdate({
      target: proposalReviewStates.proposalId,
      set: { phase: 'review', screeningResult: 'passed' },
    });
}

/** The reviewer's assignments, as listed for them. */
export async function myAssignments(reviewer: Person): Promise<MyAssignment[]> {
  const response = await reviewer.client.get('/api/review-assignments');
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: MyReviews }>().data.assignments;
}

/** Declares no conflict on each of the reviewer's pending assignments (so that they can open and score them). */
export async function declareNoConflicts(reviewer: Person): Promise<MyAssignment[]> {
  const pending = (await myAssignments(reviewer)).filter((a) => a.status === 'pending_coi');
  for (const assignment of pending) {
    const declared = await reviewer.client.post(`/api/review-assignments/${assignment.id}/conflict`, {
      hasConflict: false,
    });
    expect(declared.statusCode, declared.body).toBe(200);
  }
  return myAssignments(reviewer);
}
