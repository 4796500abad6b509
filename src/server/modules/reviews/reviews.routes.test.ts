import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { createOpenCall } from '@tests/factories/calls';
import { createOrganisation, signedIn, type Person } from '@tests/factories/people';
import {
  assignReviewer,
  createReviewCall,
  scoreAndSubmit,
  scoresFor,
  screenIn,
  submitProposal,
} from '@tests/factories/reviews';
import {
  auditEvents,
  callReviewSettings,
  decisions,
  notifications,
  reviewAssignments,
} from '@server/db/schema/index';
import type { CallDetail } from '@shared/contracts/calls';
import type { ProposalDetail } from '@shared/contracts/proposals';
import type { RubricCriterion } from '@shared/contracts/rubrics';
import type { OfficerReview, ProposalReviews, Ranking, ReviewSheet, Rubric } from '@shared/contracts/reviews';
import { weightedScore } from '@shared/reviews/scoring';
import { STARTER_RUBRIC } from '@shared/reviews/starter-rubric';
import { listFeedbackForApplicant } from './reviews.service';

let ctx: TestContext;
let officer: Person;
let applicant: Person;
let reviewers: Person[];
let anonymous: TestClient;
let orgId: string;
const ORG_NAME = 'วิสาหกิจชุมชนเกษตรอินทรีย์บ้านโนนสูง';

beforeAll(async () => {
  ctx = await createTestApp();
  officer = await signedIn(ctx, 'officer@reviews.test', 'programme_officer');
  applicant = await signedIn(ctx, 'applicant@reviews.test');
  reviewers = [];
  for (const name of ['anan', 'busaba', 'chai', 'duang']) {
    reviewers.push(await signedIn(ctx, `${name}@reviews.test`, 'reviewer'));
  }
  anonymous = new TestClient(ctx.app);
  orgId = await createOrganisation(applicant.client, { nameTh: ORG_NAME, provinceCode: 40 });
});
afterAll(async () => {
  await ctx.close();
});

function reviewer(i: number): Person {
  const person = reviewers[i];
  if (!person) {
    throw new Error(`no reviewer ${i}`);
  }
  return person;
}

/** A call with `n` submitted, screened-in proposals. */
async function callWithProposals(n: number, requested: number[] = [], call = {}) {
  const created = await createReviewCall(officer.client, call);
  const proposals: ProposalDetail[] = [];
  for (let i = 0; i < n; i += 1) {
    const p = await submitProposal(applicant.client, {
      callId: created.id,
      organisationId: orgId,
      titleTh: `ข้อเสนอที่ ${i + 1}`,
      requestedSatang: requested[i] ?? 150_000_000,
    });
    await screenIn(ctx, p);
    proposals.push(p);
  }
  return { call: created, proposals };
}

const rubricPath = (call: CallDetail, stage = 'proposal') => `/api/calls/${call.id}/rubrics/${stage}`;
const reviewPath = (assignmentId: string) => `/api/review-assignments/${assignmentId}/review`;

async function putRubric(call: CallDetail, criteria: unknown[], version = 0, client = officer.client) {
  return client.request('PUT', rubricPath(call), { version, criteria });
}

async function sheetOf(client: TestClient, assignmentId: string): Promise<ReviewSheet> {
  const response = await client.get(reviewPath(assignmentId));
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: ReviewSheet }>().data;
}

function issues(response: { json: <T>() => T }) {
  return response.json<{
    error: { details: { issues: Array<{ field: string; code: string; message: string }> } };
  }>().error.details.issues;
}

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await ctx.database.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.entityId, entityId));
  return rows.map((r) => r.action);
}

/** One criterion scored 0–100, so that a review's weighted score is its score: the worked example's numbers. */
const DIRECT: RubricCriterion[] = [
  {
    id: 'overall',
    nameTh: 'ภาพรวม',
    nameEn: 'Overall',
    guidanceTh: '',
    guidanceEn: '',
    weight: 1,
    scaleMin: 0,
    scaleMax: 100,
    commentAtOrBelow: null,
  },
];

describe('rubrics', () => {
  it('needs a session and an officer', async () => {
    const { call } = await callWithProposals(0);
    expect((await anonymous.get(rubricPath(call))).statusCode).toBe(401);
    expect((await applicant.client.get(rubricPath(call))).statusCode).toBe(403);
    expect((await reviewer(0).client.get(rubricPath(call))).statusCode).toBe(403);
    expect((await putRubric(call, [...STARTER_RUBRIC], 0, reviewer(0).client)).statusCode).toBe(403);
  });

  it('starts with the starter rubric, saves with versions and audits the change', async () => {
    const { call } = await callWithProposals(0);
    const starter = (await officer.client.get(rubricPath(call))).json<{ data: Rubric }>().data;
    expect(starter).toMatchObject({ isStarter: true, version: 0, lockedAt: null });
    expect(starter.criteria.map((c) => c.id)).toEqual([
      'relevance',
      'innovation',
      'feasibility',
      'impact',
      'budget_value',
    ]);

    const criteria = starter.criteria.slice(0, 3).map((c) => ({ ...c, weight: 10 }));
    const saved = await putRubric(call, criteria, 0);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<{ data: Rubric }>().data).toMatchObject({ isStarter: false, version: 1 });

    const stale = await putRubric(call, criteria, 0);
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { code: string } }>().error.code).toBe('CONFLICT');

    const again = await putRubric(call, [...criteria, { ...DIRECT[0], id: 'extra' }], 1);
    expect(again.statusCode, again.body).toBe(200);
    const read = (await officer.client.get(rubricPath(call))).json<{ data: Rubric }>().data;
    expect(read.criteria.map((c) => c.id)).toEqual(['relevance', 'innovation', 'feasibility', 'extra']);
    expect(read.version).toBe(2);

    const events = await ctx.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'rubric.saved'));
    expect(events.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses duplicate ids, reversed scales, thresholds off the scale, no or too many criteria, unknown stages', async () => {
    const { call } = await callWithProposals(0);
    const base = STARTER_RUBRIC[0];
    const bad = await putRubric(call, [
      base,
      { ...base, nameTh: 'ซ้ำ' },
      { ...base, id: 'reversed', scaleMin: 5, scaleMax: 1 },
      { ...base, id: 'threshold', commentAtOrBelow: 9 },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(issues(bad).map((i) => [i.field, i.code])).toEqual([
      ['body.criteria.1', 'duplicate_id'],
      ['body.criteria.2', 'scale_order'],
      ['body.criteria.3', 'comment_threshold_off_scale'],
    ]);
    expect(issues(bad)[0]?.message).toBe('รหัสเกณฑ์ซ้ำกับเกณฑ์อื่น');

    expect((await putRubric(call, [])).statusCode).toBe(400);
    const many = Array.from({ length: 21 }, (_, i) => ({ ...base, id: `c${i}` }));
    expect((await putRubric(call, many)).statusCode).toBe(400);
    expect((await putRubric(call, [{ ...base, id: 'Bad Id' }])).statusCode).toBe(400);

    const concept = await officer.client.get(rubricPath(call, 'concept'));
    expect(concept.statusCode).toBe(400);
    expect((await officer.client.get(rubricPath(call, 'panelx'))).statusCode).toBe(400);
  });
});

describe('scoring', () => {
  it('opens the sheet only through the reviewer’s own open assignment', async () => {
    const { proposals } = await callWithProposals(1);
    const p = proposals[0] as ProposalDetail;
    const active = await assignReviewer(ctx, p, reviewer(0).userId);
    const pending = await assignReviewer(ctx, p, reviewer(1).userId, 'pending_coi');
    const recused = await assignReviewer(ctx, p, reviewer(2).userId, 'recused');

    expect((await anonymous.get(reviewPath(active))).statusCode).toBe(401);
    expect((await reviewer(1).client.get(reviewPath(active))).statusCode).toBe(404);
    expect((await officer.client.get(reviewPath(active))).statusCode).toBe(404);

    const coi = await reviewer(1).client.get(reviewPath(pending));
    expect(coi.statusCode).toBe(403);
    expect(coi.json<{ error: { details: { reason: string } } }>().error.details.reason).toBe('COI_REQUIRED');
    expect((await reviewer(2).client.get(reviewPath(recused))).statusCode).toBe(403);
    const saveRecused = await reviewer(2).client.request('PUT', reviewPath(recused), {
      version: 0,
      scores: {},
    });
    expect(saveRecused.statusCode).toBe(403);

    const sheet = await sheetOf(reviewer(0).client, active);
    expect(sheet.review).toMatchObject({ id: null, status: 'draft', version: 0 });
    expect(sheet.criteria.map((c) => c.id)).toEqual(STARTER_RUBRIC.map((c) => c.id));
    expect(sheet.abilities).toEqual({ edit: true, submit: false });
    expect(JSON.stringify(sheet)).not.toContain(ORG_NAME);
  });

  it('saves drafts on the scale with versions, then submits with complete scores, comments and a recommendation', async () => {
    const { call, proposals } = await callWithProposals(1);
    const p = proposals[0] as ProposalDetail;
    const id = await assignReviewer(ctx, p, reviewer(0).userId);
    const path = reviewPath(id);
    const client = reviewer(0).client;

    const offScale = await client.request('PUT', path, { version: 0, scores: { relevance: { score: 6 } } });
    expect(offScale.statusCode).toBe(400);
    expect(issues(offScale).map((i) => [i.field, i.code])).toEqual([
      ['body.scores.relevance', 'score_off_scale'],
    ]);
    const unknown = await client.request('PUT', path, { version: 0, scores: { nothing: { score: 1 } } });
    expect(issues(unknown).map((i) => i.code)).toEqual(['unknown_criterion']);

    const first = await client.request('PUT', path, {
      version: 0,
      scores: { relevance: { score: 2 }, innovation: { score: 4 } },
      comment: 'ร่างแรก',
    });
    expect(first.statusCode, first.body).toBe(200);
    const draft = first.json<{ data: ReviewSheet }>().data.review;
    expect(draft).toMatchObject({ status: 'draft', version: 1, comment: 'ร่างแรก', weightedScore: null });

    expect((await client.request('PUT', path, { version: 0, scores: {} })).statusCode).toBe(409);
    expect((await client.post(`${path}/submit`, { version: 0 })).statusCode).toBe(400);
    expect((await client.post(`${path}/submit`, { version: 9 })).statusCode).toBe(409);

    const incomplete = await client.post(`${path}/submit`, { version: 1 });
    expect(incomplete.statusCode).toBe(400);
    expect(issues(incomplete).map((i) => [i.field, i.code])).toEqual([
      ['body.scores.relevance', 'comment_required'],
      ['body.scores.feasibility', 'score_required'],
      ['body.scores.impact', 'score_required'],
      ['body.scores.budget_value', 'score_required'],
    ]);

    const complete = {
      relevance: { score: 2, comment: 'โจทย์ยังไม่ชัด' },
      innovation: { score: 4 },
      feasibility: { score: 3 },
      impact: { score: 5 },
      budget_value: { score: 4 },
    };
    const noRecommendation = await client.request('PUT', path, { version: 1, scores: complete });
    expect(noRecommendation.statusCode).toBe(200);
    const missingRec = await client.post(`${path}/submit`, { version: 2 });
    expect(missingRec.statusCode).toBe(400);
    expect(issues(missingRec)[0]?.field).toBe('body.recommendation');

    await client.request('PUT', path, { version: 2, scores: complete, recommendation: 'fund_with_changes' });
    const submitted = await client.post(`${path}/submit`, { version: 3 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const review = submitted.json<{ data: ReviewSheet }>().data.review;
    // Starter weights 20, 20, 20, 25, 15 on 1–5: (0.25×20 + 0.75×20 + 0.5×20 + 1×25 + 0.75×15) / 100 × 100 = 66.25
    expect(review.weightedScore).toBeCloseTo(66.25, 10);
    expect(review).toMatchObject({ status: 'submitted', recommendation: 'fund_with_changes', version: 4 });
    expect(submitted.json<{ data: ReviewSheet }>().data.abilities).toEqual({ edit: false, submit: false });

    expect(await auditActions(review.id ?? '')).toEqual(
      expect.arrayContaining(['review.draft_saved', 'review.submitted']),
    );

    // Locked: no more changes, no second submission, and the rubric is locked.
    const change = await client.request('PUT', path, {
      version: 4,
      scores: complete,
      recommendation: 'fund',
    });
    expect(change.statusCode).toBe(409);
    expect(change.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'INVALID_STATE',
      message: 'ส่งผลการพิจารณาแล้ว แก้ไขไม่ได้จนกว่าเจ้าหน้าที่จะเปิดให้แก้ไข',
    });
    expect((await client.post(`${path}/submit`, { version: 4 })).statusCode).toBe(409);
    const rubric = (await officer.client.get(rubricPath(call))).json<{ data: Rubric }>().data;
    expect(rubric.lockedAt).not.toBeNull();
    const edit = await putRubric(call, [...STARTER_RUBRIC], rubric.version);
    expect(edit.statusCode).toBe(409);
    expect(edit.json<{ error: { code: string } }>().error.code).toBe('INVALID_STATE');
  });

  it('shows other reviews anonymised only after one’s own is submitted, unless the call does not hide them', async () => {
    const { call, proposals } = await callWithProposals(1);
    const p = proposals[0] as ProposalDetail;
    const a = await assignReviewer(ctx, p, reviewer(0).userId);
    const b = await assignReviewer(ctx, p, reviewer(1).userId);
    await scoreAndSubmit(reviewer(0).client, a, {
      scores: scoresFor(STARTER_RUBRIC, 4),
      comment: 'ข้อเสนอดีมาก',
      recommendation: 'fund',
    });

    const before = await sheetOf(reviewer(1).client, b);
    expect(before.others).toEqual([]);
    expect(before.othersHidden).toBe(true);

    const after = await scoreAndSubmit(reviewer(1).client, b, {
      scores: scoresFor(STARTER_RUBRIC, 3),
      recommendation: 'fund_with_changes',
    });
    expect(after.others).toHaveLength(1);
    expect(after.others[0]).toMatchObject({ number: 1, comment: 'ข้อเสนอดีมาก', recommendation: 'fund' });
    const json = JSON.stringify(after.others);
    expect(json).not.toContain(reviewer(0).userId);
    expect(json).not.toContain('anan');

    // A call that does not hide them shows them at once.
    await ctx.database.db.insert(callReviewSettings).values({ callId: call.id, hideOtherReviews: false });
    const c = await assignReviewer(ctx, p, reviewer(2).userId);
    const open = await sheetOf(reviewer(2).client, c);
    expect(open.othersHidden).toBe(false);
    expect(open.others.map((o) => o.number)).toEqual([1, 2]);
  });

  it('lets officers reopen a submitted review, audited, and tells the reviewer', async () => {
    const { proposals } = await callWithProposals(1);
    const p = proposals[0] as ProposalDetail;
    const id = await assignReviewer(ctx, p, reviewer(3).userId);
    const draftOnly = await reviewer(3).client.request('PUT', reviewPath(id), { version: 0, scores: {} });
    const draftId = draftOnly.json<{ data: ReviewSheet }>().data.review.id ?? '';
    expect((await officer.client.post(`/api/reviews/${draftId}/reopen`, { reason: 'ลองดู' })).statusCode).toBe(
      409,
    );

    const submitted = await scoreAndSubmit(reviewer(3).client, id, {
      scores: scoresFor(STARTER_RUBRIC, 5),
      recommendation: 'fund',
    });
    const reviewId = submitted.review.id ?? '';
    const reopenPath = `/api/reviews/${reviewId}/reopen`;
    expect((await anonymous.post(reopenPath, { reason: 'x' })).statusCode).toBe(401);
    expect((await reviewer(3).client.post(reopenPath, { reason: 'ขอแก้' })).statusCode).toBe(403);
    expect((await officer.client.post(reopenPath, { reason: '' })).statusCode).toBe(400);
    expect((await officer.client.post(reopenPath, { reason: 'x', version: 1 })).statusCode).toBe(409);
    expect((await officer.client.post(`/api/reviews/${p.id}/reopen`, { reason: 'x' })).statusCode).toBe(404);

    const reopened = await officer.client.post(reopenPath, { reason: 'คะแนนเกณฑ์งบประมาณขัดกับความเห็น' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json<{ data: OfficerReview }>().data).toMatchObject({
      status: 'draft',
      weightedScore: null,
      reviewerName: 'duang',
    });
    expect(await auditActions(reviewId)).toContain('review.reopened');
    const [note] = await ctx.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, reviewer(3).userId), eq(notifications.kind, 'review_reopened')));
    expect(note?.bodyTh).toContain('คะแนนเกณฑ์งบประมาณขัดกับความเห็น');
    expect(note?.link).toBe(`/reviews/${id}`);

    const sheet = await sheetOf(reviewer(3).client, id);
    expect(sheet.abilities).toEqual({ edit: true, submit: true });
    const changed = await reviewer(3).client.request('PUT', reviewPath(id), {
      version: sheet.review.version,
      scores: scoresFor(STARTER_RUBRIC, 4),
      recommendation: 'fund',
    });
    expect(changed.statusCode, changed.body).toBe(200);
  });
});

describe('concurrency and rubric changes', () => {
  it('lets only one of two simultaneous first saves through; the other gets 409', async () => {
    const { proposals } = await callWithProposals(1);
    const id = await assignReviewer(ctx, proposals[0] as ProposalDetail, reviewer(0).userId);
    const body = (score: number) => ({ version: 0, scores: { relevance: { score } } });
    const answers = await Promise.all([
      reviewer(0).client.request('PUT', reviewPath(id), body(3)),
      reviewer(0).client.request('PUT', reviewPath(id), body(4)),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const sheet = await sheetOf(reviewer(0).client, id);
    expect(sheet.review.version).toBe(1);
  });

  it('scores a draft against the rubric as it is when submitted, dropping criteria it no longer has', async () => {
    const { call, proposals } = await callWithProposals(1);
    const id = await assignReviewer(ctx, proposals[0] as ProposalDetail, reviewer(1).userId);
    const draft = await reviewer(1).client.request('PUT', reviewPath(id), {
      version: 0,
      scores: scoresFor(STARTER_RUBRIC, 4),
      recommendation: 'fund',
    });
    expect(draft.statusCode).toBe(200);

    // The first draft stored the starter rubric; not locked yet, so officers may still change it.
    const current = (await officer.client.get(rubricPath(call))).json<{ data: Rubric }>().data;
    expect(current).toMatchObject({ isStarter: false, version: 1, lockedAt: null });
    const changed = await putRubric(
      call,
      [STARTER_RUBRIC[0], { ...DIRECT[0], id: 'community', scaleMin: 1, scaleMax: 3 }],
      current.version,
    );
    expect(changed.statusCode, changed.body).toBe(200);

    const refused = await reviewer(1).client.post(`${reviewPath(id)}/submit`, { version: 1 });
    expect(refused.statusCode).toBe(400);
    expect(issues(refused).map((i) => [i.field, i.code])).toEqual([
      ['body.scores.community', 'score_required'],
    ]);

    const sheet = await sheetOf(reviewer(1).client, id);
    expect(sheet.criteria.map((c) => c.id)).toEqual(['relevance', 'community']);
    const stale = await reviewer(1).client.request('PUT', reviewPath(id), {
      version: 1,
      scores: { ...sheet.review.scores, community: { score: 3 } },
      recommendation: 'fund',
    });
    expect(issues(stale).map((i) => i.code)).toContain('unknown_criterion');

    const saved = await reviewer(1).client.request('PUT', reviewPath(id), {
      version: 1,
      scores: { relevance: { score: 4 }, community: { score: 3 } },
      recommendation: 'fund',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await reviewer(1).client.post(`${reviewPath(id)}/submit`, { version: 2 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    // relevance 4 on 1–5 (weight 20): 75; community 3 on 1–3 (weight 1): 100 → (75×20 + 100×1) / 21
    expect(submitted.json<{ data: ReviewSheet }>().data.review.weightedScore).toBeCloseTo(1600 / 21, 10);
  });

  it('never scores a submitted review on a rubric that changed under it', async () => {
    for (let round = 0; round < 3; round += 1) {
      const { call, proposals } = await callWithProposals(1);
      const id = await assignReviewer(ctx, proposals[0] as ProposalDetail, reviewer(2).userId);
      const saved = await reviewer(2).client.request('PUT', reviewPath(id), {
        version: 0,
        scores: scoresFor(STARTER_RUBRIC, [5, 4, 3, 2, 1]),
        recommendation: 'fund_with_changes',
      });
      expect(saved.statusCode).toBe(200);
      const reweighted = STARTER_RUBRIC.map((c, i) => ({ ...c, weight: i === 0 ? 100 : 1 }));
      const [edit, submit] = await Promise.all([
        putRubric(call, reweighted, 1),
        reviewer(2).client.post(`${reviewPath(id)}/submit`, { version: 1 }),
      ]);
      expect(submit.statusCode, submit.body).toBe(200);
      // Either the officer's change came first (and the review is scored on it), or the submission locked it out.
      expect([200, 409]).toContain(edit.statusCode);
      const rubric = (await officer.client.get(rubricPath(call))).json<{ data: Rubric }>().data;
      expect(rubric.lockedAt).not.toBeNull();
      const review = submit.json<{ data: ReviewSheet }>().data.review;
      expect(review.weightedScore).toBeCloseTo(weightedScore(rubric.criteria, review.scores) ?? -1, 10);
    }
  });

  it('ranks a two-stage call by stage, the concept notes first', async () => {
    const call = await createOpenCall(officer.client, {
      call: { stageMode: 'two_stage', fullClosesAt: '2027-03-31T23:59:59+07:00' },
    });
    const ranking = await officer.client.get(`/api/calls/${call.id}/ranking`);
    expect(ranking.statusCode, ranking.body).toBe(200);
    expect(ranking.json<{ data: Ranking }>().data).toMatchObject({
      stage: 'concept',
      stages: ['concept', 'full'],
      rows: [],
    });
    expect((await officer.client.get(`/api/calls/${call.id}/ranking?stage=proposal`)).statusCode).toBe(400);
    expect((await officer.client.get(rubricPath(call, 'full'))).statusCode).toBe(200);
    expect((await officer.client.get(rubricPath(call, 'proposal'))).statusCode).toBe(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await officer.client.get(`/api/calls/${unknown}/ranking`)).statusCode).toBe(404);
    expect((await officer.client.get(`/api/proposals/${unknown}/reviews`)).statusCode).toBe(404);
  });
});

describe('ranking and calibration', () => {
  /*
   * The worked example of src/shared/reviews/scoring.test.ts through the API: one criterion 0–100, so each review's
   * weighted score is its score. Reviewers A, B, C score P1..P4:
   *   A 57 49 51 43 · B 72 96 54 78 · C 72 64 66 58
   * Raw means 67, 69.667, 57, 59.667; calibrated 75.504, 68.015, 58.652, 51.162; disagreement (> 25) on P2, P4.
   */
  it('ranks by calibrated score beside the raw mean, flags disagreement and walks the budget', async () => {
    const requested = [200_000_000, 150_000_000, 100_000_000, 120_000_000];
    const { call, proposals } = await callWithProposals(4, requested, {
      totalBudgetSatang: 400_000_000,
      maxGrantSatang: 300_000_000,
    });
    expect((await putRubric(call, DIRECT)).statusCode).toBe(200);
    const table = [
      [57, 49, 51, 43],
      [72, 96, 54, 78],
      [72, 64, 66, 58],
    ];
    for (const [r, scores] of table.entries()) {
      for (const [i, score] of scores.entries()) {
        const p = proposals[i] as ProposalDetail;
        const id = await assignReviewer(ctx, p, reviewer(r).userId);
        await scoreAndSubmit(reviewer(r).client, id, {
          scores: { overall: { score, comment: '' } },
          recommendation: r === 1 && i === 0 ? 'do_not_fund' : 'fund',
        });
      }
    }
    // A fourth reviewer assigned to P4 who has not declared: counted as assigned, not as a review.
    await assignReviewer(ctx, proposals[3] as ProposalDetail, reviewer(3).userId, 'pending_coi');
    const award = proposals[0] as ProposalDetail;
    await ctx.database.db.insert(decisions).values({
      proposalId: award.id,
      callId: call.id,
      stage: 'proposal',
      outcome: 'award',
      amountSatang: 180_000_000,
      reason: '',
      decidedAt: new Date(),
    });

    const path = `/api/calls/${call.id}/ranking`;
    expect((await anonymous.get(path)).statusCode).toBe(401);
    expect((await reviewer(0).client.get(path)).statusCode).toBe(403);
    expect((await officer.client.get(`${path}?stage=full`)).statusCode).toBe(400);

    const response = await officer.client.get(`${path}?stage=proposal`);
    expect(response.statusCode, response.body).toBe(200);
    const ranking = response.json<{ data: Ranking }>().data;
    expect(ranking).toMatchObject({
      stage: 'proposal',
      stages: ['proposal'],
      totalBudgetSatang: 400_000_000,
      awardedSatang: 180_000_000,
      disagreementPoints: 25,
    });
    expect(ranking.grandMean).toBeCloseTo(63.3333, 3);
    expect(ranking.grandSd).toBeCloseTo(14.0436, 3);

    const byTitle = ranking.rows.map((r) => r.titleTh);
    expect(byTitle).toEqual(['ข้อเสนอที่ 1', 'ข้อเสนอที่ 2', 'ข้อเสนอที่ 3', 'ข้อเสนอที่ 4']);
    const expected = [
      { raw: 67, calibrated: 75.504, disagreement: false, running: 200_000_000, within: true },
      { raw: 69.6667, calibrated: 68.015, disagreement: true, running: 350_000_000, within: true },
      { raw: 57, calibrated: 58.652, disagreement: false, running: 450_000_000, within: false },
      { raw: 59.6667, calibrated: 51.162, disagreement: true, running: 570_000_000, within: false },
    ];
    ranking.rows.forEach((row, i) => {
      const want = expected[i];
      expect(row.rank).toBe(i + 1);
      expect(row.rawMean).toBeCloseTo(want?.raw ?? 0, 3);
      expect(row.calibrated).toBeCloseTo(want?.calibrated ?? 0, 2);
      expect(row.disagreement).toBe(want?.disagreement);
      expect(row.runningTotalSatang).toBe(want?.running);
      expect(row.withinBudget).toBe(want?.within);
      expect(row.submittedCount).toBe(3);
      expect(row.organisationNameTh).toBe(ORG_NAME);
    });
    expect(ranking.rows[0]?.recommendations).toEqual({ fund: 2, fund_with_changes: 0, do_not_fund: 1 });
    expect(ranking.rows[0]?.decision).toMatchObject({
      outcome: 'award',
      amountSatang: 180_000_000,
      notifiedAt: null,
    });
    expect(ranking.rows[1]?.decision).toBeNull();
    expect(ranking.rows[3]?.assignedCount).toBe(4);

    // Officers read the named reviews of a proposal with each reviewer's z-score.
    const reviewsPath = `/api/proposals/${award.id}/reviews`;
    expect((await reviewer(0).client.get(reviewsPath)).statusCode).toBe(403);
    const named = (await officer.client.get(reviewsPath)).json<{ data: ProposalReviews }>().data;
    expect(named.reviews.map((r) => [r.reviewerName, r.weightedScore])).toEqual([
      ['anan', 57],
      ['busaba', 72],
      ['chai', 72],
    ]);
    expect(named.reviews.map((r) => r.zScore)).toEqual([
      expect.closeTo(1.4, 6),
      expect.closeTo(-0.2, 6),
      expect.closeTo(1.4, 6),
    ]);
    expect(named.calibrated).toBeCloseTo(75.504, 2);

    // The applicant's feedback: counts, comments and criterion means, no names.
    const feedback = await listFeedbackForApplicant(ctx.database.db, award.id, 'proposal');
    expect(feedback.n).toBe(3);
    expect(feedback.criteria[0]?.mean).toBeCloseTo((57 + 72 + 72) / 3, 6);
    expect(JSON.stringify(feedback)).not.toMatch(/anan|busaba|chai/);
  });

  it('leaves out the reviews of removed reviewers and proposals that were not screened in', async () => {
    const { call, proposals } = await callWithProposals(2);
    const notScreened = await submitProposal(applicant.client, {
      callId: call.id,
      organisationId: orgId,
      titleTh: 'ยังไม่ผ่านคัดกรอง',
    });
    const [p1, p2] = proposals as [ProposalDetail, ProposalDetail];
    const keep = await assignReviewer(ctx, p1, reviewer(0).userId);
    const dropped = await assignReviewer(ctx, p2, reviewer(1).userId);
    await scoreAndSubmit(reviewer(0).client, keep, {
      scores: scoresFor(STARTER_RUBRIC, 5),
      recommendation: 'fund',
    });
    await scoreAndSubmit(reviewer(1).client, dropped, {
      scores: scoresFor(STARTER_RUBRIC, 1),
      recommendation: 'do_not_fund',
    });
    await ctx.database.db
      .update(reviewAssignments)
      .set({ status: 'removed' })
      .where(eq(reviewAssignments.id, dropped));

    const ranking = (await officer.client.get(`/api/calls/${call.id}/ranking`)).json<{ data: Ranking }>()
      .data;
    expect(ranking.rows.map((r) => r.proposalId)).toEqual([p1.id, p2.id]);
    expect(ranking.rows.map((r) => r.proposalId)).not.toContain(notScreened.id);
    expect(ranking.rows[1]).toMatchObject({
      submittedCount: 0,
      rawMean: null,
      calibrated: null,
      assignedCount: 0,
    });
    expect(ranking.rows[0]?.rawMean).toBe(100);
  });
});
