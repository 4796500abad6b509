import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { createOpenCall } from '@tests/factories/calls';
import { TEST_FORM, completeAnswers } from '@tests/factories/proposals';
import { createOrganisation, signedIn, type Person } from '@tests/factories/people';
import {
  createReviewer,
  inviteAndAccept,
  myAssignments,
  putUpForReview,
  submitProposal,
} from '@tests/factories/reviewers';
import { createOrganisationMembershipForTest } from '@tests/helpers/memberships';
import { auditEvents, emailOutbox, notifications, reviewAssignments } from '@server/db/schema/index';
import type { CallDetail } from '@shared/contracts/calls';
import type {
  AutoAssignResult,
  CallReviewer,
  InviteResult,
  MyReviews,
  ProposalAssignments,
  ReviewerListItem,
  ReviewerProfile,
  ReviewerProposal,
  ReviewSettings,
} from '@shared/contracts/reviewers';

let ctx: TestContext;
let officer: Person;
let owner: Person;
let applicant: Person;
let orgId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  officer = await signedIn(ctx, 'officer@reviewers.test', 'programme_officer');
  owner = await signedIn(ctx, 'owner@reviewers.test');
  applicant = owner;
  orgId = await createOrganisation(owner.client, { nameTh: 'วิสาหกิจชุมชนบ้านโนนสูง', provinceCode: 40 });
});
afterAll(async () => {
  await ctx.close();
});

const errorOf = (response: { json: <T>() => T }) =>
  response.json<{
    error: { code: string; message: string; details?: { reason?: string; rules?: string[] } };
  }>().error;

async function auditActions(entityIds: string[]): Promise<string[]> {
  const rows = await ctx.database.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(inArray(auditEvents.entityId, entityIds))
    .orderBy(asc(auditEvents.id));
  return rows.map((r) => r.action);
}

async function setSettings(call: CallDetail, changes: Partial<ReviewSettings>) {
  const current = await officer.client.get(`/api/calls/${call.id}/review-settings`);
  const { version } = current.json<{ data: ReviewSettings }>().data;
  const saved = await officer.client.patch(`/api/calls/${call.id}/review-settings`, { version, ...changes });
  expect(saved.statusCode, saved.body).toBe(200);
  return saved.json<{ data: ReviewSettings }>().data;
}

describe('review settings', () => {
  it('gives the defaults until changed, saves with versions, refuses a stale version and audits', async () => {
    const call = await createOpenCall(officer.client);
    expect((await new TestClient(ctx.app).get(`/api/calls/${call.id}/review-settings`)).statusCode).toBe(401);
    expect((await applicant.client.get(`/api/calls/${call.id}/review-settings`)).statusCode).toBe(403);

    const read = await officer.client.get(`/api/calls/${call.id}/review-settings`);
    expect(read.statusCode).toBe(200);
    expect(read.json<{ data: ReviewSettings }>().data).toMatchObject({
      reviewersPerProposal: 3,
      blindApplicants: false,
      hideOtherReviews: true,
      version: 0,
    });

    const saved = await officer.client.patch(`/api/calls/${call.id}/review-settings`, {
      version: 0,
      reviewersPerProposal: 2,
      blindApplicants: true,
      sameProvinceConflict: true,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<{ data: ReviewSettings }>().data).toMatchObject({
      reviewersPerProposal: 2,
      blindApplicants: true,
      sameProvinceConflict: true,
      version: 1,
    });

    const stale = await officer.client.patch(`/api/calls/${call.id}/review-settings`, {
      version: 0,
      hasPanel: true,
    });
    expect(stale.statusCode).toBe(409);
    const staleAgain = await officer.client.patch(`/api/calls/${call.id}/review-settings`, {
      version: 7,
      hasPanel: true,
    });
    expect(staleAgain.statusCode).toBe(409);

    const invalid = await officer.client.patch(`/api/calls/${call.id}/review-settings`, {
      version: 1,
      reviewersPerProposal: 0,
    });
    expect(invalid.statusCode).toBe(400);
    const backwards = await officer.client.patch(`/api/calls/${call.id}/review-settings`, {
      version: 1,
      peoplesChoice: true,
      peoplesChoiceOpensAt: '2027-03-01T00:00:00+07:00',
      peoplesChoiceClosesAt: '2027-02-01T00:00:00+07:00',
    });
    expect(backwards.statusCode).toBe(400);
    const vote = await officer.client.patch(`/api/calls/${call.id}/review-settings`, {
      version: 1,
      peoplesChoice: true,
      peoplesChoiceOpensAt: '2027-02-01T00:00:00+07:00',
      peoplesChoiceClosesAt: '2027-03-01T00:00:00+07:00',
    });
    expect(vote.statusCode, vote.body).toBe(200);
    expect(vote.json<{ data: ReviewSettings }>().data.peoplesChoiceClosesAt).toBe('2027-02-28T17:00:00.000Z');

    expect(await auditActions([call.id])).toContain('review_settings.updated');
    expect(
      (await officer.client.get(`/api/calls/00000000-0000-4000-8000-000000000000/review-settings`))
        .statusCode,
    ).toBe(404);
  });
});

describe('reviewer profiles', () => {
  it('lets a reviewer keep a profile and declared conflicts, and officers find and edit reviewers', async () => {
    const reviewer = await signedIn(ctx, 'profile@reviewers.test', 'reviewer');
    expect((await applicant.client.get('/api/reviewer-profile')).statusCode).toBe(403);
    expect((await new TestClient(ctx.app).get('/api/reviewer-profile')).statusCode).toBe(401);

    const first = await reviewer.client.get('/api/reviewer-profile');
    expect(first.statusCode).toBe(200);
    expect(first.json<{ data: ReviewerProfile }>().data).toMatchObject({
      version: 0,
      maxLoad: 10,
      themes: [],
    });

    const body = {
      version: 0,
      themes: ['health', 'environment'],
      provinceCodes: [50, 57],
      affiliation: 'มหาวิทยาลัยเชียงใหม่',
      expertiseTh: 'สาธารณสุขชุมชน',
      expertiseEn: 'Community health',
      languages: ['th', 'en'],
      maxLoad: 6,
      isActive: true,
    };
    const saved = await reviewer.client.request('PUT', '/api/reviewer-profile', body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<{ data: ReviewerProfile }>().data).toMatchObject({ version: 1, maxLoad: 6 });
    expect((await reviewer.client.request('PUT', '/api/reviewer-profile', body)).statusCode).toBe(409);
    expect(
      (await reviewer.client.request('PUT', '/api/reviewer-profile', { ...body, version: 1, maxLoad: -1 }))
        .statusCode,
    ).toBe(400);

    const conflict = await reviewer.client.post('/api/reviewer-profile/conflicts', {
      organisationId: orgId,
      reason: 'เคยเป็นที่ปรึกษา',
    });
    expect(conflict.statusCode, conflict.body).toBe(200);
    expect(conflict.json<{ data: ReviewerProfile }>().data.conflicts).toEqual([
      expect.objectContaining({ organisationId: orgId, organisationNameTh: 'วิสาหกิจชุมชนบ้านโนนสูง' }),
    ]);
    const unknown = await reviewer.client.post('/api/reviewer-profile/conflicts', {
      organisationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);

    expect((await applicant.client.get('/api/reviewers')).statusCode).toBe(403);
    const byTheme = await officer.client.get('/api/reviewers?theme=health&province=57&search=เชียงใหม่');
    expect(byTheme.statusCode, byTheme.body).toBe(200);
    const found = byTheme.json<{ data: ReviewerListItem[] }>().data;
    expect(found.map((r) => r.userId)).toEqual([reviewer.userId]);
    expect(found[0]).toMatchObject({ conflictCount: 1, activeLoad: 0 });
    const none = await officer.client.get('/api/reviewers?theme=tourism_culture');
    expect(none.json<{ data: ReviewerListItem[] }>().data.map((r) => r.userId)).not.toContain(
      reviewer.userId,
    );

    const edited = await officer.client.patch(`/api/reviewers/${reviewer.userId}`, {
      version: 1,
      maxLoad: 3,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<{ data: ReviewerProfile }>().data).toMatchObject({ version: 2, maxLoad: 3 });
    expect((await officer.client.patch(`/api/reviewers/${owner.userId}`, { version: 0 })).statusCode).toBe(
      404,
    );

    const removed = await reviewer.client.delete(`/api/reviewer-profile/conflicts/${orgId}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json<{ data: ReviewerProfile }>().data.conflicts).toEqual([]);
    expect((await reviewer.client.delete(`/api/reviewer-profile/conflicts/${orgId}`)).statusCode).toBe(404);
    expect(await auditActions([reviewer.userId])).toEqual(
      expect.arrayContaining([
        'reviewer_profile.saved',
        'reviewer_conflict.declared',
        'reviewer_conflict.withdrawn',
      ]),
    );
  });
});

describe('invitations', () => {
  it('invites reviewers by email and in-app; they accept or decline once', async () => {
    const call = await createOpenCall(officer.client);
    const a = await createReviewer(ctx, 'invite-a@reviewers.test');
    const b = await createReviewer(ctx, 'invite-b@reviewers.test');

    const refused = await a.client.post(`/api/calls/${call.id}/reviewers`, { reviewerIds: [b.userId] });
    expect(refused.statusCode).toBe(403);

    const invited = await officer.client.post(`/api/calls/${call.id}/reviewers`, {
      reviewerIds: [a.userId, b.userId, owner.userId],
      message: 'รอบนี้มีข้อเสนอราว 40 เรื่อง',
    });
    expect(invited.statusCode, invited.body).toBe(200);
    const result = invited.json<{ data: InviteResult }>().data;
    expect(result.invited.sort()).toEqual([a.userId, b.userId].sort());
    expect(result.failed).toEqual([expect.objectContaining({ id: owner.userId, code: 'NOT_FOUND' })]);

    const mails = await ctx.database.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, a.email), eq(emailOutbox.template, 'review_invitation')));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.textBody).toContain('รอบนี้มีข้อเสนอราว 40 เรื่อง');
    const bell = await ctx.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, a.userId), eq(notifications.kind, 'review_invitation')));
    expect(bell).toHaveLength(1);

    const again = await officer.client.post(`/api/calls/${call.id}/reviewers`, { reviewerIds: [a.userId] });
    expect(again.json<{ data: InviteResult }>().data.failed).toHaveLength(1);

    const accepted = await a.client.post(`/api/review-invitations/${call.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json<{ data: MyReviews }>().data.invitations).toEqual([
      expect.objectContaining({ callId: call.id, status: 'accepted' }),
    ]);
    expect((await a.client.post(`/api/review-invitations/${call.id}/decline`, {})).statusCode).toBe(409);
    const declined = await b.client.post(`/api/review-invitations/${call.id}/decline`, { reason: 'ติดภารกิจ' });
    expect(declined.statusCode).toBe(200);
    expect((await owner.client.post(`/api/review-invitations/${call.id}/accept`)).statusCode).toBe(404);

    const list = await officer.client.get(`/api/calls/${call.id}/reviewers`);
    expect(list.statusCode).toBe(200);
    const byId = new Map(list.json<{ data: CallReviewer[] }>().data.map((r) => [r.reviewerId, r]));
    expect(byId.get(a.userId)?.status).toBe('accepted');
    expect(byId.get(b.userId)).toMatchObject({ status: 'declined', declineReason: 'ติดภารกิจ' });
    expect(await auditActions([call.id])).toEqual(
      expect.arrayContaining(['call_reviewer.invited', 'call_reviewer.accepted', 'call_reviewer.declined']),
    );

    const reinvited = await officer.client.post(`/api/calls/${call.id}/reviewers`, {
      reviewerIds: [b.userId],
    });
    expect(reinvited.json<{ data: InviteResult }>().data.invited).toEqual([b.userId]);
  });
});

describe('automatic assignment', () => {
  it('gives each proposal N reviewers without conflicts, by theme then load, and explains why', async () => {
    const call = await createOpenCall(officer.client, { forms: { proposal: TEST_FORM } });
    await setSettings(call, { reviewersPerProposal: 2, sameProvinceConflict: true });
    // Second organisation, and a co-applicant organisation on one proposal.
    const other = await signedIn(ctx, 'other-owner@reviewers.test');
    const otherOrg = await createOrganisation(other.client, { nameTh: 'มูลนิธิเพื่อนชุมชน', provinceCode: 10 });
    const coOrg = await createOrganisation(other.client, { nameTh: 'สมาคมภาคีร่วม', provinceCode: 10 });

    const p1 = await submitProposal(owner.client, {
      callId: call.id,
      organisationId: orgId,
      titleTh: 'ข้อเสนอที่หนึ่ง',
    });
    const p2 = await submitProposal(
      other.client,
      { callId: call.id, organisationId: otherOrg, titleTh: 'ข้อเสนอที่สอง', coApplicantIds: [coOrg] },
      { ...completeAnswers(), area: [{ provinceCode: 10 }], themes: ['health'] },
    );
    const p3 = await submitProposal(owner.client, {
      callId: call.id,
      organisationId: orgId,
      titleTh: 'ข้อเสนอที่สาม',
    });
    const draftOnly = await submitProposal(owner.client, {
      callId: call.id,
      organisationId: orgId,
      titleTh: 'ข้อเสนอยังไม่ผ่านการคัดกรอง',
    });
    for (const p of [p1, p2, p3]) {
      await putUpForReview(ctx, p);
    }

    // r1: member of the applicant organisation of p1/p3. r2: declared conflict with p2's co-applicant.
    // r3: based in Bangkok (10) like p2, same-province conflict. r4: health expert. r5: maximum load 1.
    const r1 = await createReviewer(ctx, 'auto-r1@reviewers.test', { themes: ['food_water_energy'] });
    await createOrganisationMembershipForTest(ctx.database.db, orgId, r1.userId, 'viewer');
    const r2 = await createReviewer(ctx, 'auto-r2@reviewers.test', { themes: ['food_water_energy'] });
    expect(
      (await r2.client.post('/api/reviewer-profile/conflicts', { organisationId: coOrg })).statusCode,
    ).toBe(200);
    const r3 = await createReviewer(ctx, 'auto-r3@reviewers.test', { provinceCodes: [10] });
    const r4 = await createReviewer(ctx, 'auto-r4@reviewers.test', { themes: ['health'] });
    const r5 = await createReviewer(ctx, 'auto-r5@reviewers.test', { maxLoad: 1 });
    const notAccepted = await createReviewer(ctx, 'auto-invited@reviewers.test', {
      themes: ['food_water_energy'],
    });
    await inviteAndAccept(officer.client, call.id, [r1, r2, r3, r4, r5]);
    await officer.client.post(`/api/calls/${call.id}/reviewers`, { reviewerIds: [notAccepted.userId] });

    expect(
      (await r1.client.post(`/api/calls/${call.id}/assignments/auto`, { stage: 'proposal' })).statusCode,
    ).toBe(403);
    const run = await officer.client.post(`/api/calls/${call.id}/assignments/auto`, { stage: 'proposal' });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json<{ data: AutoAssignResult }>().data).toEqual({ created: 6, shortfalls: [] });

    const listed = await officer.client.get(`/api/calls/${call.id}/assignments?stage=proposal`);
    expect(listed.statusCode).toBe(200);
    const rows = listed.json<{ data: ProposalAssignments[] }>().data;
    expect(rows.map((r) => r.proposalId)).toEqual([p1.id, p2.id, p3.id]);
    expect(rows.map((r) => r.proposalId)).not.toContain(draftOnly.id);
    const reviewersOf = (id: string) =>
      rows.find((r) => r.proposalId === id)?.assignments.map((a) => a.reviewerId) ?? [];

    // No conflicts: r1 never on p1/p3 (member), r2 and r3 never on p2.
    expect(reviewersOf(p1.id)).not.toContain(r1.userId);
    expect(reviewersOf(p3.id)).not.toContain(r1.userId);
    expect(reviewersOf(p2.id)).not.toContain(r2.userId);
    expect(reviewersOf(p2.id)).not.toContain(r3.userId);
    expect(rows.flatMap((r) => r.assignments.map((a) => a.reviewerId))).not.toContain(notAccepted.userId);
    // The health expert is picked first for the health proposal, with the match stated.
    const p2First = rows
      .find((r) => r.proposalId === p2.id)
      ?.assignments.find((a) => a.reviewerId === r4.userId);
    expect(p2First?.reason).toMatchObject({ rule: 'auto', themeMatches: ['health'] });
    // Load: nobody above their maximum; r5 (max 1) has exactly one.
    const counts = new Map<string, number>();
    for (const a of rows.flatMap((r) => r.assignments)) {
      counts.set(a.reviewerId, (counts.get(a.reviewerId) ?? 0) + 1);
      expect(a.status).toBe('pending_coi');
      expect(typeof a.reason.load).toBe('number');
    }
    expect(counts.get(r5.userId) ?? 0).toBeLessThanOrEqual(1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
    // Every proposal has exactly two.
    expect(rows.map((r) => r.assignedCount)).toEqual([2, 2, 2]);

    // Run again: nothing to do (deterministic, no duplicates).
    const rerun = await officer.client.post(`/api/calls/${call.id}/assignments/auto`, { stage: 'proposal' });
    expect(rerun.json<{ data: AutoAssignResult }>().data).toEqual({ created: 0, shortfalls: [] });

    const ids = rows.flatMap((r) => r.assignments.map((a) => a.id));
    expect((await auditActions(ids)).filter((a) => a === 'review_assignment.created')).toHaveLength(6);
    const mails = await ctx.database.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, r4.email), eq(emailOutbox.template, 'review_assigned')));
    expect(mails).toHaveLength(1);

    // A reviewer's list shows title and organisation before declaring, and no proposal yet.
    const mine = await myAssignments(r4);
    expect(mine[0]).toMatchObject({ status: 'pending_coi', isBlind: false });
    expect(mine.map((m) => m.organisationNameTh)).toContain('มูลนิธิเพื่อนชุมชน');
  });

  it('never over-assigns when two automatic runs of one call race', async () => {
    const call = await createOpenCall(officer.client, { forms: { proposal: TEST_FORM } });
    await setSettings(call, { reviewersPerProposal: 2 });
    const proposals = [];
    for (const n of [1, 2, 3]) {
      const p = await submitProposal(owner.client, {
        callId: call.id,
        organisationId: orgId,
        titleTh: `ข้อเสนอแข่ง ${n}`,
      });
      await putUpForReview(ctx, p);
      proposals.push(p);
    }
    const people = [];
    for (const n of [1, 2, 3, 4]) {
      people.push(await createReviewer(ctx, `race-${n}@reviewers.test`));
    }
    await inviteAndAccept(officer.client, call.id, people);
    const runs = await Promise.all([
      officer.client.post(`/api/calls/${call.id}/assignments/auto`, { stage: 'proposal' }),
      officer.client.post(`/api/calls/${call.id}/assignments/auto`, { stage: 'proposal' }),
    ]);
    const created = runs.map((r) => {
      expect(r.statusCode, r.body).toBe(200);
      return r.json<{ data: AutoAssignResult }>().data.created;
    });
    expect(created.sort()).toEqual([0, 6]);
    const listed = await officer.client.get(`/api/calls/${call.id}/assignments?stage=proposal`);
    expect(listed.json<{ data: ProposalAssignments[] }>().data.map((p) => p.assignedCount)).toEqual([
      2, 2, 2,
    ]);
  });

  it('reports a shortfall when too few reviewers are free of conflicts', async () => {
    const call = await createOpenCall(officer.client, { forms: { proposal: TEST_FORM } });
    await setSettings(call, { reviewersPerProposal: 3 });
    const p = await submitProposal(owner.client, {
      callId: call.id,
      organisationId: orgId,
      titleTh: 'ข้อเสนอขาดคน',
    });
    await putUpForReview(ctx, p);
    const only = await createReviewer(ctx, 'short-1@reviewers.test');
    await inviteAndAccept(officer.client, call.id, [only]);
    const run = await officer.client.post(`/api/calls/${call.id}/assignments/auto`, { stage: 'proposal' });
    expect(run.json<{ data: AutoAssignResult }>().data).toEqual({
      created: 1,
      shortfalls: [{ proposalId: p.id, missing: 2 }],
    });
  });
});

describe('conflict of interest, decline and replacement', () => {
  it('opens the proposal only after "no conflict"; a conflict recuses and reassigns; a decline reassigns', async () => {
    const call = await createOpenCall(officer.client, { forms: { proposal: TEST_FORM } });
    await setSettings(call, { reviewersPerProposal: 1 });
    const p = await submitProposal(owner.client, {
      callId: call.id,
      organisationId: orgId,
      titleTh: 'ข้อเสนอทดสอบผลประโยชน์',
    });
    await putUpForReview(ctx, p);
    // Reviewers join the call one by one, so that each replacement has exactly one candidate.
    const a = await createReviewer(ctx, 'coi-a@reviewers.test', { themes: ['food_water_energy'] });
    const b = await createReviewer(ctx, 'coi-b@reviewers.test', { themes: ['food_water_energy'] });
    const c = await createReviewer(ctx, 'coi-c@reviewers.test', { themes: ['food_water_energy'] });
    const stranger = await createReviewer(ctx, 'coi-stranger@reviewers.test');
    await inviteAndAccept(officer.client, call.id, [a]);
    await officer.client.post(`/api/calls/${call.id}/assignments/auto`, { stage: 'proposal' });
    await inviteAndAccept(officer.client, call.id, [b]);

    const [assignment] = await myAssignments(a);
    expect(assignment).toMatchObject({ status: 'pending_coi', titleTh: 'ข้อเสนอทดสอบผลประโยชน์' });
    const id = assignment?.id ?? '';

    const before = await a.client.get(`/api/review-assignments/${id}/proposal`);
    expect(before.statusCode).toBe(403);
    expect(errorOf(before).details?.reason).toBe('COI_REQUIRED');
    expect((await stranger.client.get(`/api/review-assignments/${id}/proposal`)).statusCode).toBe(404);
    expect((await officer.client.get(`/api/review-assignments/${id}/proposal`)).statusCode).toBe(404);
    expect(
      (await stranger.client.post(`/api/review-assignments/${id}/conflict`, { hasConflict: false }))
        .statusCode,
    ).toBe(404);
    expect(
      (await a.client.post(`/api/review-assignments/${id}/conflict`, { hasConflict: true, statement: '' }))
        .statusCode,
    ).toBe(400);

    // Conflict: recused, blocked, and b takes over.
    const recused = await a.client.post(`/api/review-assignments/${id}/conflict`, {
      hasConflict: true,
      statement: 'ญาติเป็นกรรมการขององค์กรผู้เสนอ',
    });
    expect(recused.statusCode, recused.body).toBe(200);
    expect(recused.json<{ data: MyReviews }>().data.assignments[0]?.status).toBe('recused');
    const blocked = await a.client.get(`/api/review-assignments/${id}/proposal`);
    expect(blocked.statusCode).toBe(403);
    expect(errorOf(blocked).details?.reason).toBe('RECUSED');
    expect(
      (await a.client.post(`/api/review-assignments/${id}/conflict`, { hasConflict: false })).statusCode,
    ).toBe(409);
    const [replacement] = await myAssignments(b);
    expect(replacement?.status).toBe('pending_coi');
    const [row] = await ctx.database.db.select().from(reviewAssignments).where(eq(reviewAssignments.id, id));
    expect(row?.replacedBy).toBe(replacement?.id);
    expect(await auditActions([id])).toContain('review_assignment.recused');

    // b declares none and reads the proposal with its form and answers.
    const none = await b.client.post(`/api/review-assignments/${replacement?.id}/conflict`, {
      hasConflict: false,
    });
    expect(none.statusCode).toBe(200);
    const open = await b.client.get(`/api/review-assignments/${replacement?.id}/proposal`);
    expect(open.statusCode, open.body).toBe(200);
    const view = open.json<{ data: ReviewerProposal }>().data;
    expect(view).toMatchObject({
      isBlind: false,
      organisationNameTh: 'วิสาหกิจชุมชนบ้านโนนสูง',
      titleTh: 'ข้อเสนอทดสอบผลประโยชน์',
      redactedQuestionIds: [],
    });
    expect(view.answers.summary).toBe(completeAnswers().summary);
    expect((view.definition as { sections: unknown[] }).sections).toHaveLength(2);

    // b declines after all: c (who joined meanwhile) takes over; b is blocked.
    await inviteAndAccept(officer.client, call.id, [c]);
    expect(
      (await b.client.post(`/api/review-assignments/${replacement?.id}/decline`, { reason: '' })).statusCode,
    ).toBe(400);
    const declined = await b.client.post(`/api/review-assignments/${replacement?.id}/decline`, {
      reason: 'ไม่มีเวลาในช่วงนี้',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(
      errorOf(await b.client.get(`/api/review-assignments/${replacement?.id}/proposal`)).details?.reason,
    ).toBe('DECLINED');
    expect((await myAssignments(c)).map((x) => x.status)).toEqual(['pending_coi']);

    // The officer sees all three, with the replacement's reason pointing back.
    const listed = await officer.client.get(`/api/calls/${call.id}/assignments?stage=proposal`);
    const assignments = listed.json<{ data: ProposalAssignments[] }>().data[0]?.assignments ?? [];
    expect(assignments.map((x) => x.status)).toEqual(['recused', 'declined', 'pending_coi']);
    expect(assignments[2]?.reason).toMatchObject({ rule: 'replacement', replaces: replacement?.id });
    expect(assignments[0]?.coiStatement).toBe('ญาติเป็นกรรมการขององค์กรผู้เสนอ');

    // c declines too: nobody is left, the proposal simply waits (no error).
    const [cAssignment] = await myAssignments(c);
    const last = await c.client.post(`/api/review-assignments/${cAssignment?.id}/decline`, {
      reason: 'ลาพัก',
    });
    expect(last.statusCode).toBe(200);
  });
});

describe('manual assignment and removal', () => {
  it('assigns a chosen reviewer with a note, refuses conflicts, and removes with an audit trail', async () => {
    const call = await createOpenCall(officer.client, { forms: { proposal: TEST_FORM } });
    const p = await submitProposal(owner.client, {
      callId: call.id,
      organisationId: orgId,
      titleTh: 'ข้อเสนอมอบหมายเอง',
    });
    const member = await createReviewer(ctx, 'manual-member@reviewers.test');
    await createOrganisationMembershipForTest(ctx.database.db, orgId, member.userId, 'editor');
    const chosen = await createReviewer(ctx, 'manual-chosen@reviewers.test', {
      themes: ['food_water_energy'],
    });
    const uninvited = await createReviewer(ctx, 'manual-uninvited@reviewers.test');
    await inviteAndAccept(officer.client, call.id, [member, chosen]);

    const body = { proposalId: p.id, reviewerId: chosen.userId, stage: 'proposal', note: 'เชี่ยวชาญเรื่องน้ำ' };
    const early = await officer.client.post(`/api/calls/${call.id}/assignments`, body);
    expect(early.statusCode).toBe(409);
    await putUpForReview(ctx, p);

    expect((await chosen.client.post(`/api/calls/${call.id}/assignments`, body)).statusCode).toBe(403);
    const conflicted = await officer.client.post(`/api/calls/${call.id}/assignments`, {
      ...body,
      reviewerId: member.userId,
    });
    expect(conflicted.statusCode).toBe(409);
    expect(errorOf(conflicted).details?.rules).toEqual(['member']);
    expect(
      conflicted.json<{ error: { details: { issues: Array<{ message: string }> } } }>().error.details.issues,
    ).toEqual([expect.objectContaining({ message: 'เป็นสมาชิกขององค์กรผู้เสนอหรือองค์กรร่วม' })]);
    expect(
      (
        await officer.client.post(`/api/calls/${call.id}/assignments`, {
          ...body,
          reviewerId: uninvited.userId,
        })
      ).statusCode,
    ).toBe(400);

    const made = await officer.client.post(`/api/calls/${call.id}/assignments`, body);
    expect(made.statusCode, made.body).toBe(201);
    const assignment = made.json<{ data: ProposalAssignments }>().data.assignments[0];
    expect(assignment).toMatchObject({
      reviewerId: chosen.userId,
      origin: 'manual',
      status: 'pending_coi',
      reason: { rule: 'manual', note: 'เชี่ยวชาญเรื่องน้ำ', themeMatches: ['food_water_energy'] },
    });
    expect((await officer.client.post(`/api/calls/${call.id}/assignments`, body)).statusCode).toBe(409);

    const id = assignment?.id ?? '';
    expect((await chosen.client.post(`/api/review-assignments/${id}/remove`, {})).statusCode).toBe(403);
    const removed = await officer.client.post(`/api/review-assignments/${id}/remove`, {
      reason: 'มอบหมายผิดคน',
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await officer.client.post(`/api/review-assignments/${id}/remove`, {})).statusCode).toBe(409);
    expect(errorOf(await chosen.client.get(`/api/review-assignments/${id}/proposal`)).details?.reason).toBe(
      'REMOVED',
    );
    expect(await auditActions([id])).toEqual(['review_assignment.created', 'review_assignment.removed']);

    // Assigning them again reinstates the same assignment.
    const again = await officer.client.post(`/api/calls/${call.id}/assignments`, body);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json<{ data: ProposalAssignments }>().data.assignments[0]).toMatchObject({
      id,
      status: 'pending_coi',
    });
  });
});
