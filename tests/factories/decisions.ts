import { expect } from 'vitest';
import type { TestClient } from '@tests/helpers/client';
import type { Answers } from '@shared/contracts/forms';
import type { ProposalDetail } from '@shared/contracts/proposals';
import type { DecisionBody, DecisionResult, ReviewState } from '@shared/contracts/decisions';
import { completeAnswers, startDraft } from './proposals';

/**
 * A proposal submitted through the API by `owner` for `organisationId` in a call whose proposal form is `TEST_FORM`
 * (see `createOpenCall(officer, { forms: { proposal: TEST_FORM } })`), asking for `budgetSatang`.
 */
export async function submittedProposal(
  owner: TestClient,
  input: {
    callId: string;
    organisationId: string;
    titleTh?: string;
    budgetSatang?: number;
    answers?: Answers;
  },
): Promise<ProposalDetail> {
  const draft = await startDraft(
    owner,
    {
      callId: input.callId,
      organisationId: input.organisationId,
      titleTh: input.titleTh ?? 'นวัตกรรมการจัดการน้ำชุมชน',
    },
    input.answers ?? completeAnswers(input.budgetSatang),
  );
  const submitted = await owner.post(`/api/proposals/${draft.id}/submit`, { version: draft.version });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return submitted.json<{ data: ProposalDetail }>().data;
}

/** Screens a proposal in (passed → review) through the API, as `officer`. */
export async function screenIn(officer: TestClient, proposalId: string, reason = ''): Promise<ReviewState> {
  const response = await officer.post(`/api/proposals/${proposalId}/screening`, { result: 'passed', reason });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: ReviewState }>().data;
}

/** Records a decision through the API, as `officer`, expecting it to be accepted. */
export async function decide(
  officer: TestClient,
  proposalId: string,
  body: Partial<DecisionBody> & Pick<DecisionBody, 'outcome'>,
): Promise<DecisionResult> {
  const response = await officer.post(`/api/proposals/${proposalId}/decision`, { reason: '', ...body });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: DecisionResult }>().data;
}

/** Releases every unsent decision of a call, as `officer`; returns the released proposal ids. */
export async function releaseDecisions(officer: TestClient, callId: string): Promise<string[]> {
  const response = await officer.post(`/api/calls/${callId}/decisions/notify`, {});
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: { released: string[] } }>().data.released;
}
