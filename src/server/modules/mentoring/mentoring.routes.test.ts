import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, emailOutbox, notifications } from '@server/db/schema/index';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { createOrganisationMembershipForTest } from '@tests/helpers/memberships';
import { createOrganisation, signedIn, type Person } from '@tests/factories/people';
import {
  awardedProject,
  createDrivingUnit,
  signedInUnitStaff,
  uniqueSuffix,
} from '@tests/factories/projects';
import type {
  MentoringRequest,
  MentoringRequestDetail,
  PersonDetail,
  PersonSummary,
} from '@shared/contracts/mentoring';

let ctx: TestContext;
let unitA: string;
let unitB: string;
let staffA: Person;
let staffB: Person;
let officer: Person;

beforeAll(async () => {
  ctx = await createTestApp({ PUBLIC_URL: 'http://si.test' });
  unitA = await createDrivingUnit(ctx, [58], `Mentoring unit A ${uniqueSuffix()}`);
  unitB = await createDrivingUnit(ctx, [50], `Mentoring unit B ${uniqueSuffix()}`);
  staffA = await signedInUnitStaff(ctx, unitA);
  staffB = await signedInUnitStaff(ctx, unitB);
  officer = await signedIn(ctx, `officer-${uniqueSuffix()}@mentoring.test`, 'programme_officer');
});
afterAll(async () => {
  await ctx.close();
});

type Issue = { field: string; message: string; messageEn?: string };
const issuesOf = (body: string) =>
  (JSON.parse(body) as { error: { details?: { issues?: Issue[] } } }).error.details?.issues ?? [];
const codeOf = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;
const dataOf = <T>(body: string) => (JSON.parse(body) as { data: T }).data;

/** A mentor of unit A linked to a fresh account, signed in. */
async function mentorOfUnitA(): Promise<{ mentor: Person; personId: string }> {
  const mentor = await signedIn(ctx, `mentor-${uniqueSuffix()}@mentoring.test`);
  const response = await staffA.client.post('/api/personnel', {
    nameTh: 'ดร.สมชาย ใจดี',
    nameEn: 'Dr Somchai Jaidee',
    roles: ['mentor', 'coach'],
    expertise: ['innovation', 'management'],
    drivingUnitId: unitA,
    provinceCode: 58,
    accountEmail: mentor.email,
  });
  expect(response.statusCode, response.body).toBe(201);
  return { mentor, personId: dataOf<PersonDetail>(response.body).id };
}

/** An organisation's owner asks unit A for mentoring; returns the request. */
async function askUnitA(): Promise<{
  owner: Person;
  organisationId: string;
  request: MentoringRequestDetail;
}> {
  const owner = await signedIn(ctx, `owner-${uniqueSuffix()}@mentoring.test`);
  const organisationId = await createOrganisation(owner.client, {
    nameTh: `วิสาหกิจชุมชนทดสอบพี่เลี้ยง ${uniqueSuffix()}`,
    provinceCode: 58,
  });
  const response = await owner.client.post('/api/mentoring/requests', {
    organisationId,
    drivingUnitId: unitA,
    expertise: 'marketing',
    topic: 'วางแผนการตลาดออนไลน์ของผ้าทอ',
    details: 'ต้องการคำแนะนำเรื่องช่องทางขายออนไลน์',
  });
  expect(response.statusCode, response.body).toBe(201);
  return { owner, organisationId, request: dataOf<MentoringRequestDetail>(response.body) };
}

async function assigned() {
  const { mentor, personId } = await mentorOfUnitA();
  const asked = await askUnitA();
  const response = await staffA.client.post(`/api/mentoring/requests/${asked.request.id}/assign`, {
    mentorId: personId,
    version: asked.request.version,
  });
  expect(response.statusCode, response.body).toBe(200);
  return { mentor, personId, ...asked, request: dataOf<MentoringRequestDetail>(response.body) };
}

const session = {
  heldOn: '2026-12-10',
  topic: 'ทบทวนแผนการตลาด',
  hours: 2.5,
  notes: 'ทีมมีสินค้าพร้อม ขาดช่องทางขาย',
  followUps: 'ทำเพจร้านค้าภายในสองสัปดาห์',
};

describe('the personnel registry', () => {
  it('is public for active people, with records; managers add, edit and recognise', async () => {
    const { personId } = await mentorOfUnitA();
    const anonymous = await ctx.app.inject({ method: 'GET', url: `/api/personnel/${personId}` });
    expect(anonymous.statusCode).toBe(200);
    const person = dataOf<PersonDetail>(anonymous.body);
    expect(person.isMentor).toBe(true);
    expect(person.hasAccount).toBe(true);
    expect(person.abilities).toEqual({ edit: false, recognise: false });
    expect(person.record).toMatchObject({ hoursMentored: 0, sessions: 0, averageRating: null });

    const list = await ctx.app.inject({
      method: 'GET',
      url: '/api/personnel?mentors=true&expertise=innovation',
    });
    expect(dataOf<PersonSummary[]>(list.body).some((p) => p.id === personId)).toBe(true);
    const search = await ctx.app.inject({
      method: 'GET',
      url: `/api/personnel?q=${encodeURIComponent('สมชาย')}`,
    });
    expect(dataOf<PersonSummary[]>(search.body).some((p) => p.id === personId)).toBe(true);

    const recognised = await staffA.client.post(`/api/personnel/${personId}/recognitions`, {
      titleTh: 'พี่เลี้ยงดีเด่น ปี 2569',
      awardedOn: '2026-11-30',
    });
    expect(recognised.statusCode, recognised.body).toBe(201);
    expect(dataOf<PersonDetail>(recognised.body).recognitions.map((r) => r.titleTh)).toEqual([
      'พี่เลี้ยงดีเด่น ปี 2569',
    ]);

    const edited = await staffA.client.patch(`/api/personnel/${personId}`, { isActive: false, version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/personnel/${personId}` })).statusCode).toBe(404);
    expect((await officer.client.get(`/api/personnel/${personId}`)).statusCode).toBe(200);
    const stale = await staffA.client.patch(`/api/personnel/${personId}`, { isActive: true, version: 1 });
    expect(stale.statusCode).toBe(409);

    const actions = await ctx.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, personId));
    expect(actions.map((a) => a.action).sort()).toEqual([
      'personnel.created',
      'personnel.recognised',
      'personnel.updated',
    ]);
  });

  it('keeps each unit to its own people (403 to add, edit or recognise elsewhere; 401 signed out)', async () => {
    const { personId } = await mentorOfUnitA();
    expect(
      (await staffB.client.post('/api/personnel', { nameTh: 'ก', roles: ['coach'], drivingUnitId: unitA }))
        .statusCode,
    ).toBe(403);
    expect(
      (await staffB.client.patch(`/api/personnel/${personId}`, { nameTh: 'ข', version: 1 })).statusCode,
    ).toBe(403);
    expect(
      (
        await staffB.client.post(`/api/personnel/${personId}/recognitions`, {
          titleTh: 'x',
          awardedOn: '2026-01-01',
        })
      ).statusCode,
    ).toBe(403);
    const applicant = await signedIn(ctx, `nobody-${uniqueSuffix()}@mentoring.test`);
    expect(
      (await applicant.client.post('/api/personnel', { nameTh: 'ก', roles: ['coach'] })).statusCode,
    ).toBe(403);
    const signedOut = await ctx.app.inject({
      method: 'POST',
      url: '/api/personnel',
      payload: { nameTh: 'ก', roles: ['coach'] },
    });
    expect(signedOut.statusCode).toBe(401);
    // staff cannot move their person to another unit
    expect(
      (await staffA.client.patch(`/api/personnel/${personId}`, { drivingUnitId: unitB, version: 1 }))
        .statusCode,
    ).toBe(403);
  });

  it('refuses bad input with the field, in Thai and English', async () => {
    const noRoles = await staffA.client.post('/api/personnel', {
      nameTh: 'ก',
      roles: [],
      drivingUnitId: unitA,
    });
    expect(noRoles.statusCode).toBe(400);
    expect(issuesOf(noRoles.body).map((i) => i.field)).toContain('body.roles');
    const noAccount = await staffA.client.post('/api/personnel', {
      nameTh: 'ก',
      roles: ['coach'],
      drivingUnitId: unitA,
      accountEmail: `missing-${uniqueSuffix()}@mentoring.test`,
    });
    expect(noAccount.statusCode).toBe(400);
    const issue = issuesOf(noAccount.body)[0];
    expect(issue?.field).toBe('accountEmail');
    expect(issue?.message).toBe('ไม่พบบัญชีผู้ใช้ที่ใช้อีเมลนี้');
    expect(issue?.messageEn).toBe('No account uses this email');
    const badExpertise = await ctx.app.inject({ method: 'GET', url: '/api/personnel?expertise=magic' });
    expect(badExpertise.statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/personnel/not-a-uuid' })).statusCode).toBe(400);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/personnel/00000000-0000-4000-8000-000000000000' }))
        .statusCode,
    ).toBe(404);
  });
});

describe('mentoring requests', () => {
  it('reach the unit, are assigned by its staff, and tell the mentor (email + in-app) and the mentee', async () => {
    const { mentor, owner, request } = await assigned();
    expect(request.status).toBe('assigned');
    expect(request.mentorNameTh).toBe('ดร.สมชาย ใจดี');

    const mails = await ctx.database.db
      .select({ to: emailOutbox.toAddress, template: emailOutbox.template })
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, mentor.email));
    expect(mails.map((m) => m.template)).toEqual(['mentoring_assigned']);
    const ownerInbox = await ctx.database.db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.userId, owner.userId));
    expect(ownerInbox.map((n) => n.kind)).toContain('mentoring_request_assigned');

    const mentorList = await mentor.client.get('/api/mentoring/requests?view=mentoring');
    expect(dataOf<MentoringRequest[]>(mentorList.body).map((r) => r.id)).toEqual([request.id]);
    const ownerList = await owner.client.get('/api/mentoring/requests?view=mine');
    expect(dataOf<MentoringRequest[]>(ownerList.body).map((r) => r.id)).toEqual([request.id]);
    const unitList = await staffA.client.get('/api/mentoring/requests?view=unit');
    expect(dataOf<MentoringRequest[]>(unitList.body).map((r) => r.id)).toContain(request.id);
  });

  it("are hidden from another unit's staff (404) and from strangers; only managers assign (403)", async () => {
    const { personId } = await mentorOfUnitA();
    const { request, owner } = await askUnitA();
    expect((await staffB.client.get(`/api/mentoring/requests/${request.id}`)).statusCode).toBe(404);
    expect(
      (
        await staffB.client.post(`/api/mentoring/requests/${request.id}/assign`, {
          mentorId: personId,
          version: 1,
        })
      ).statusCode,
    ).toBe(404);
    const unitBList = await staffB.client.get('/api/mentoring/requests?view=unit');
    expect(dataOf<MentoringRequest[]>(unitBList.body).map((r) => r.id)).not.toContain(request.id);
    const stranger = await signedIn(ctx, `stranger-${uniqueSuffix()}@mentoring.test`);
    expect((await stranger.client.get(`/api/mentoring/requests/${request.id}`)).statusCode).toBe(404);
    expect(
      (
        await owner.client.post(`/api/mentoring/requests/${request.id}/assign`, {
          mentorId: personId,
          version: 1,
        })
      ).statusCode,
    ).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/mentoring/requests' })).statusCode).toBe(401);
    // officers see and assign every unit's requests
    const byOfficer = await officer.client.post(`/api/mentoring/requests/${request.id}/assign`, {
      mentorId: personId,
      version: 1,
    });
    expect(byOfficer.statusCode, byOfficer.body).toBe(200);
  });

  it('may only be asked for organisations the requester belongs to', async () => {
    const other = await signedIn(ctx, `other-${uniqueSuffix()}@mentoring.test`);
    const foreignOrg = await createOrganisation(other.client, { nameTh: `องค์กรอื่น ${uniqueSuffix()}` });
    const asker = await signedIn(ctx, `asker-${uniqueSuffix()}@mentoring.test`);
    const response = await asker.client.post('/api/mentoring/requests', {
      organisationId: foreignOrg,
      expertise: 'finance',
      topic: 'บัญชีครัวเรือน',
    });
    expect(response.statusCode).toBe(400);
    expect(issuesOf(response.body)[0]?.field).toBe('organisationId');
    const short = await asker.client.post('/api/mentoring/requests', { expertise: 'finance', topic: 'x' });
    expect(short.statusCode).toBe(400);
    expect(issuesOf(short.body).map((i) => i.field)).toContain('body.topic');
    const strict = await asker.client.post('/api/mentoring/requests', {
      expertise: 'finance',
      topic: 'บัญชีครัวเรือน',
      extra: 1,
    });
    expect(strict.statusCode).toBe(400);
  });

  it("of a funded project go to the project's supervising unit; only its organisation's members may ask", async () => {
    const awarded = await awardedProject(ctx, { officer });
    expect(awarded.project.drivingUnitId).toBe(unitA);
    const response = await awarded.owner.client.post('/api/mentoring/requests', {
      projectId: awarded.projectId,
      drivingUnitId: unitB,
      expertise: 'technology',
      topic: 'ระบบติดตามการใช้น้ำของหมู่บ้าน',
    });
    expect(response.statusCode, response.body).toBe(201);
    const request = dataOf<MentoringRequestDetail>(response.body);
    expect(request).toMatchObject({
      drivingUnitId: unitA,
      organisationId: awarded.organisationId,
      projectId: awarded.projectId,
    });
    expect((await staffA.client.get(`/api/mentoring/requests/${request.id}`)).statusCode).toBe(200);
    expect((await staffB.client.get(`/api/mentoring/requests/${request.id}`)).statusCode).toBe(404);
    const staffInbox = await ctx.database.db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.userId, staffA.userId));
    expect(staffInbox.map((n) => n.kind)).toContain('mentoring_requested');

    const outsider = await signedIn(ctx, `outsider-${uniqueSuffix()}@mentoring.test`);
    const refused = await outsider.client.post('/api/mentoring/requests', {
      projectId: awarded.projectId,
      expertise: 'technology',
      topic: 'ระบบติดตามการใช้น้ำของหมู่บ้าน',
    });
    expect(refused.statusCode).toBe(400);
    expect(issuesOf(refused.body)[0]?.field).toBe('projectId');
  });

  it('cannot be assigned to someone who is not a mentor', async () => {
    const { request } = await askUnitA();
    const coach = await staffA.client.post('/api/personnel', {
      nameTh: 'โค้ชทดสอบ',
      roles: ['coach'],
      drivingUnitId: unitA,
    });
    const coachId = dataOf<PersonDetail>(coach.body).id;
    const response = await staffA.client.post(`/api/mentoring/requests/${request.id}/assign`, {
      mentorId: coachId,
      version: request.version,
    });
    expect(response.statusCode).toBe(400);
    expect(issuesOf(response.body)[0]?.field).toBe('mentorId');
  });
});

describe('sessions and ratings', () => {
  it('are logged by the assigned mentor only, rated once by the mentee organisation, and count on the record', async () => {
    const { mentor, personId, owner, organisationId, request } = await assigned();
    // another mentor (of the registry, with an account) cannot log on this request
    const { mentor: otherMentor } = await mentorOfUnitA();
    expect(
      (await otherMentor.client.post(`/api/mentoring/requests/${request.id}/sessions`, session)).statusCode,
    ).toBe(404);
    // the unit's staff can see but not log
    expect(
      (await staffA.client.post(`/api/mentoring/requests/${request.id}/sessions`, session)).statusCode,
    ).toBe(403);
    expect(
      (await owner.client.post(`/api/mentoring/requests/${request.id}/sessions`, session)).statusCode,
    ).toBe(403);

    const logged = await mentor.client.post(`/api/mentoring/requests/${request.id}/sessions`, session);
    expect(logged.statusCode, logged.body).toBe(201);
    const detail = dataOf<MentoringRequestDetail>(logged.body);
    expect(detail.sessions).toHaveLength(1);
    const sessionId = detail.sessions[0]?.id ?? '';
    expect(detail.sessions[0]).toMatchObject({ hours: 2.5, satisfaction: null, canRate: false });

    // the mentor cannot rate their own session; a stranger cannot see it
    expect(
      (await mentor.client.post(`/api/mentoring/sessions/${sessionId}/rating`, { satisfaction: 5 }))
        .statusCode,
    ).toBe(403);
    const stranger = await signedIn(ctx, `stranger-${uniqueSuffix()}@mentoring.test`);
    expect(
      (await stranger.client.post(`/api/mentoring/sessions/${sessionId}/rating`, { satisfaction: 5 }))
        .statusCode,
    ).toBe(404);

    // another member of the mentee organisation sees it as rateable
    const member = await signedIn(ctx, `member-${uniqueSuffix()}@mentoring.test`);
    await createOrganisationMembershipForTest(ctx.database.db, organisationId, member.userId, 'viewer');
    const seen = await member.client.get(`/api/mentoring/requests/${request.id}`);
    expect(dataOf<MentoringRequestDetail>(seen.body).sessions[0]?.canRate).toBe(true);

    const badRating = await owner.client.post(`/api/mentoring/sessions/${sessionId}/rating`, {
      satisfaction: 6,
    });
    expect(badRating.statusCode).toBe(400);
    expect(issuesOf(badRating.body).map((i) => i.field)).toContain('body.satisfaction');
    const rated = await owner.client.post(`/api/mentoring/sessions/${sessionId}/rating`, {
      satisfaction: 4,
      comment: 'ได้แนวทางชัดเจน',
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(dataOf<MentoringRequestDetail>(rated.body).sessions[0]).toMatchObject({
      satisfaction: 4,
      satisfactionComment: 'ได้แนวทางชัดเจน',
      canRate: false,
    });
    const again = await member.client.post(`/api/mentoring/sessions/${sessionId}/rating`, {
      satisfaction: 1,
    });
    expect(again.statusCode).toBe(409);
    expect(codeOf(again.body)).toBe('CONFLICT');

    const second = await mentor.client.post(`/api/mentoring/requests/${request.id}/sessions`, {
      ...session,
      heldOn: '2026-12-14',
      hours: 1,
    });
    expect(second.statusCode).toBe(201);
    const person = dataOf<PersonDetail>(
      (await ctx.app.inject({ method: 'GET', url: `/api/personnel/${personId}` })).body,
    );
    expect(person.record).toMatchObject({ hoursMentored: 3.5, sessions: 2, averageRating: 4, ratings: 1 });
  });

  it('refuse future dates, too many hours, and a closed request', async () => {
    const { mentor, request } = await assigned();
    const future = await mentor.client.post(`/api/mentoring/requests/${request.id}/sessions`, {
      ...session,
      heldOn: '2027-01-10',
    });
    expect(future.statusCode).toBe(400);
    expect(issuesOf(future.body)[0]?.field).toBe('heldOn');
    const long = await mentor.client.post(`/api/mentoring/requests/${request.id}/sessions`, {
      ...session,
      hours: 13,
    });
    expect(long.statusCode).toBe(400);
    expect(issuesOf(long.body).map((i) => i.field)).toContain('body.hours');
    const closed = await mentor.client.post(`/api/mentoring/requests/${request.id}/status`, {
      status: 'closed',
      version: request.version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const late = await mentor.client.post(`/api/mentoring/requests/${request.id}/sessions`, session);
    expect(late.statusCode).toBe(409);
    expect(codeOf(late.body)).toBe('INVALID_STATE');
  });
});
