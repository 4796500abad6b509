import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { createOrganisation, signedIn, type Person } from '@tests/factories/people';
import { createReviewer, declareNoConflicts, inviteAndAccept } from '@tests/factories/reviewers';
import {
  createReviewCall,
  scoreAndSubmit,
  scoresFor,
  screenIn,
  submitProposal,
} from '@tests/factories/reviews';
import type { ProposalAssignmentsDetail } from '@shared/contracts/reviewers';
import type { ProposalReviews } from '@shared/contracts/reviews';
import { STARTER_RUBRIC } from '@shared/reviews/starter-rubric';

/*
 * A proposal's page shows officers who reviews it, why, and the named reviews. Reviewers' names must never reach the
 * applicant (nor another reviewer): both officer endpoints refuse them, and the applicant's own views do not carry them.
 */

let ctx: TestContext;
let officer: Person;
let applicant: Person;
let first: Person;
let second: Person;
let anonymous: TestClient;
let orgId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  officer = await signedIn(ctx, 'officer@proposal-reviewers.test', 'programme_officer');
  applicant = await signedIn(ctx, 'applicant@proposal-reviewers.test');
  first = await createReviewer(ctx, 'kesinee.reviewer@proposal-reviewers.test');
  second = await createReviewer(ctx, 'thongchai.reviewer@proposal-reviewers.test');
  anonymous = new TestClient(ctx.app);
  orgId = await createOrganisation(applicant.client, { nameTh: 'วิสาหกิจชุมชนบ้านหนองบัว', provinceCode: 40 });
});
afterAll(async () => {
  await ctx.close();
});

const assignmentsPath = (proposalId: string, query = '') =>
  `/api/proposals/${proposalId}/assignments${query}`;
const reviewsPath = (proposalId: string) => `/api/proposals/${proposalId}/reviews`;

describe("a proposal's reviewers and reviews for officers", () => {
  it('lists the reviewers with why and their review status; applicants and reviewers get 403, strangers 401', async () => {
    const call = await createReviewCall(officer.client);
    const proposal = await submitProposal(applicant.client, {
      callId: call.id,
      organisationId: orgId,
      titleTh: 'ตลาดชุมชนออนไลน์',
    });

    // not screened yet: no assignments, nothing to add to
    const before = await officer.client.get(assignmentsPath(proposal.id));
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json<{ data: ProposalAssignmentsDetail }>().data).toMatchObject({
      proposalId: proposal.id,
      callId: call.id,
      stage: 'proposal',
      isUpForReview: false,
      assignedCount: 0,
      assignments: [],
    });

    await screenIn(ctx, proposal);
    await inviteAndAccept(officer.client, call.id, [first, second]);
    for (const [reviewer, note] of [
      [first, 'ผู้เชี่ยวชาญด้านตลาดชุมชน'],
      [second, 'เคยประเมินโครงการในจังหวัดนี้'],
    ] as const) {
      const assigned = await officer.client.post(`/api/calls/${call.id}/assignments`, {
        proposalId: proposal.id,
        reviewerId: reviewer.userId,
        stage: 'proposal',
        note,
      });
      expect(assigned.statusCode, assigned.body).toBe(201);
    }
    const [mine] = await declareNoConflicts(first);
    await scoreAndSubmit(first.client, mine?.id ?? '', {
      scores: scoresFor(STARTER_RUBRIC, 4),
      comment: 'แผนการตลาดชัดเจน',
      recommendation: 'fund',
    });

    const listed = await officer.client.get(assignmentsPath(proposal.id));
    expect(listed.statusCode, listed.body).toBe(200);
    const data = listed.json<{ data: ProposalAssignmentsDetail }>().data;
    expect(data).toMatchObject({ isUpForReview: true, assignedCount: 2, titleTh: 'ตลาดชุมชนออนไลน์' });
    expect(
      data.assignments.map((a) => ({
        name: a.reviewerName,
        status: a.status,
        review: a.reviewStatus,
        note: a.reason.note,
      })),
    ).toEqual([
      { name: 'kesinee.reviewer', status: 'active', review: 'submitted', note: 'ผู้เชี่ยวชาญด้านตลาดชุมชน' },
      { name: 'thongchai.reviewer', status: 'pending_coi', review: null, note: 'เคยประเมินโครงการในจังหวัดนี้' },
    ]);

    const reviews = await officer.client.get(reviewsPath(proposal.id));
    expect(reviews.statusCode, reviews.body).toBe(200);
    expect(reviews.json<{ data: ProposalReviews }>().data.reviews[0]).toMatchObject({
      reviewerName: 'kesinee.reviewer',
      status: 'submitted',
      comment: 'แผนการตลาดชัดเจน',
      recommendation: 'fund',
    });

    for (const path of [assignmentsPath(proposal.id), reviewsPath(proposal.id)]) {
      expect((await anonymous.get(path)).statusCode).toBe(401);
      const asApplicant = await applicant.client.get(path);
      expect(asApplicant.statusCode).toBe(403);
      expect(asApplicant.body).not.toContain('reviewer');
      expect((await first.client.get(path)).statusCode).toBe(403);
    }

    // the applicant's own views of the proposal name no reviewer
    for (const path of [`/api/proposals/${proposal.id}`, `/api/proposals/${proposal.id}/decision`]) {
      const seen = await applicant.client.get(path);
      expect([200, 404]).toContain(seen.statusCode);
      for (const secret of ['kesinee', 'thongchai', first.email, second.email, first.userId, second.userId]) {
        expect(seen.body).not.toContain(secret);
      }
    }
  });

  it('refuses a bad stage or id and gives 404 for an unknown proposal', async () => {
    const call = await createReviewCall(officer.client);
    const proposal = await submitProposal(applicant.client, {
      callId: call.id,
      organisationId: orgId,
      titleTh: 'ธนาคารเมล็ดพันธุ์',
    });
    expect((await officer.client.get(assignmentsPath(proposal.id, '?stage=final'))).statusCode).toBe(400);
    expect((await officer.client.get(assignmentsPath('not-a-uuid'))).statusCode).toBe(400);
    expect((await officer.client.get(assignmentsPath(call.id))).statusCode).toBe(404);
    const other = await officer.client.get(assignmentsPath(proposal.id, '?stage=full'));
    expect(other.statusCode, other.body).toBe(200);
    expect(other.json<{ data: ProposalAssignmentsDetail }>().data).toMatchObject({
      stage: 'full',
      isUpForReview: false,
      assignments: [],
    });
  });
});
