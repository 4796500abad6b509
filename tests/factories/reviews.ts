import { expect } from 'vitest';
import type { TestContext } from '@tests/setup/test-app';
import type { TestClient } from '@tests/helpers/client';
import { createOpenCall } from '@tests/factories/calls';
import { TEST_FORM, completeAnswers, startDraft } from '@tests/factories/proposals';
import { proposalReviewStates, reviewAssignments } from '@server/db/schema/index';
import type { CallDetail, CreateCallInput } from '@shared/contracts/calls';
import type { ProposalDetail } from '@shared/contracts/proposals';
import type { CriterionScores } from '@shared/contracts/rubrics';
import type { ReviewSheet, SaveReviewInput } from '@shared/contracts/reviews';

/** A published call with the test form (single-stage unless told otherwise). */
export function createReviewCall(
  officer: TestClient,
  call: Partial<CreateCallInput> = {},
): Promise<CallDetail> {
  return createOpenCall(officer, { call, forms: { proposal: TEST_FORM } });
}

/** A proposal drafted and submitted through the API, asking for `requestedSatang`. */
export async function submitProposal(
  applicant: TestClient,
  input: { callId: string; organisationId: string; titleTh: string; requestedSatang?: number },
): Promise<ProposalDetail> {
  const draft = await startDraft(
    applicant,
    { callId: input.callId, organisationId: input.organisationId, titleTh: input.titleTh },
    completeAnswers(input.requestedSatang ?? 150_000_000),
  );
  const submitted = await applicant.post(`/api/proposals/${draft.id}/submit`, { version: draft.version });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return submitted.json<{ data: ProposalDetail }>().data;
}

/**
 * Marks a submitted proposal as screened in (phase `review`), as the screening step does. Rows are written directly:
 * screening and assignment belong to other modules, and these tests are about scoring.
 */
export async function screenIn(ctx: TestContext, proposal: { id: string; callId: string }): Promise<void> {
  await ctx.database.db
    .insert(proposalReviewStates)
    .values({ proposalId: proposal.id, callId: proposal.callId, phase: 'review', screeningResult: 'passed' })
    .onConflictDoUpdate({ target: proposalReviewStates.proposalId, set: { phase: 'review' } });
}

/** An assignment of `reviewerId` to the proposal, already past the conflict-of-interest declaration (active). */
export async function assignReviewer(
  ctx: TestContext,
  proposal: { id: string; callId: string; stage: string },
  reviewerId: string,
  status: 'active' | 'pending_coi' | 'recused' | 'declined' | 'removed' = 'active',
): Promise<string> {
  const [row] = await ctx.database.db
    .insert(reviewAssignments)
    .values({
      callId: proposal.callId,
      proposalId: proposal.id,
      stage: proposal.stage,
      reviewerId,
      status,
      origin: 'manual',
      reason: { rule: 'manual', note: 'test' },
      coiDeclaredAt: status === 'active' ? new Date() : null,
    })
    .returning({ id: reviewAssignments.id });
  if (!row) {
    throw new Error('no assignment inserted');
  }
  return row.id;
}

/** Scores with every criterion of a rubric at `score` (a comment on each, so low scores pass too). */
export function scoresFor(
  criteria: ReadonlyArray<{ id: string }>,
  score: number | number[],
): CriterionScores {
  return Object.fromEntries(
    criteria.map((c, i) => [
      c.id,
      { score: Array.isArray(score) ? (score[i] ?? null) : score, comment: `ความเห็นเกณฑ์ ${c.id}` },
    ]),
  );
}

/** Saves a draft and submits it through the API; returns the submitted sheet. */
export async function scoreAndSubmit(
  reviewer: TestClient,
  assignmentId: string,
  body: Omit<SaveReviewInput, 'version'>,
): Promise<ReviewSheet> {
  const sheet = (await reviewer.get(`/api/review-assignments/${assignmentId}/review`)).json<{
    data: ReviewSheet;
  }>().data;
  const saved = await reviewer.request('PUT', `/api/review-assignments/${assignmentId}/review`, {
    ...body,
    version: sheet.review.version,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const version = saved.json<{ data: ReviewSheet }>().data.review.version;
  const submitted = await reviewer.post(`/api/review-assignments/${assignmentId}/review/submit`, { version });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return submitted.json<{ data: ReviewSheet }>().data;
}
