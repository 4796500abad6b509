import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { auditEvents, emailOutbox, notifications } from '@server/db/schema/index';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { downloadedFile, exportedJob } from '@tests/helpers/jobs';
import { createOrganisation, signedIn, type Person } from '@tests/factories/people';
import { createDrivingUnit, signedInUnitStaff, uniqueSuffix } from '@tests/factories/projects';
import type {
  AssessmentResults,
  CohortDetail,
  CohortList,
  CohortMember,
  MemberLookup,
  MyAssessment,
  Questionnaire,
} from '@shared/contracts/cohorts';

let ctx: TestContext;
let unitA: string;
let unitB: string;
let staffA: Person;
let staffB: Person;
let officer: Person;

beforeAll(async () => {
  ctx = await createTestApp({ PUBLIC_URL: 'http://si.test' });
  unitA = await createDrivingUnit(ctx, [94]);
  unitB = await createDrivingUnit(ctx, [58]);
  staffA = await signedInUnitStaff(ctx, unitA);
  staffB = await signedInUnitStaff(ctx, unitB);
  officer = await signedIn(ctx, `officer-${uniqueSuffix()}@cohorts.test`, 'programme_officer');
});
afterAll(async () => {
  await ctx.close();
});

type Issue = { field: string; message: string; messageEn?: string };
const issuesOf = (body: string) =>
  (JSON.parse(body) as { error: { details?: { issues?: Issue[] } } }).error.details?.issues ?? [];
const codeOf = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;
const dataOf = <T>(body: string) => (JSON.parse(body) as { data: T }).data;

const COHORT = {
  nameTh: 'กลุ่มบ่มเพาะนวัตกรชุมชน รุ่นที่ 1',
  nameEn: 'Community innovators, cohort 1',
  fiscalYear: 2570,
  startsOn: '2026-11-01',
  endsOn: '2027-03-31',
  audiences: ['community', 'youth'],
};

async function createCohort(by: Person = staffA, body: Record<string, unknown> = {}): Promise<CohortDetail> {
  const response = await by.client.post('/api/cohorts', { ...COHORT, ...body });
  expect(response.statusCode, response.body).toBe(201);
  return dataOf<CohortDetail>(response.body);
}

async function person(): Promise<Person> {
  return signedIn(ctx, `member-${uniqueSuffix()}@cohorts.test`);
}

async function addMember(cohortId: string, who: Person, organisationId: string | null = null) {
  const response = await staffA.client.post(`/api/cohorts/${cohortId}/members`, {
    email: who.email,
    organisationId,
  });
  expect(response.statusCode, response.body).toBe(201);
  return dataOf<CohortMember>(response.body);
}

const QUESTIONNAIRE = {
  version: null,
  titleTh: 'แบบประเมินศักยภาพ',
  titleEn: 'Capacity',
  scalePoints: 5,
  items: [
    { id: 'problem', textTh: 'ระบุปัญหาได้', textEn: 'Problem' },
    { id: 'design', textTh: 'ออกแบบแนวทางได้', textEn: 'Design' },
    { id: 'measure', textTh: 'วัดผลได้', textEn: 'Measure' },
  ],
};

async function withQuestionnaire(cohortId: string): Promise<Questionnaire> {
  const response = await staffA.client.request(
    'PUT',
    `/api/cohorts/${cohortId}/questionnaire`,
    QUESTIONNAIRE,
  );
  expect(response.statusCode, response.body).toBe(200);
  return dataOf<Questionnaire>(response.body);
}

const answer = (who: Person, cohortId: string, phase: 'pre' | 'post', answers: Record<string, number>) =>
  who.client.post(`/api/cohorts/${cohortId}/assessment/responses`, { phase, answers });

describe('cohorts: access', () => {
  it('needs a session', async () => {
    const cohort = await createCohort();
    for (const [method, url] of [
      ['GET', '/api/cohorts'],
      ['POST', '/api/cohorts'],
      ['GET', `/api/cohorts/${cohort.id}`],
      ['GET', `/api/cohorts/${cohort.id}/results`],
      ['POST', `/api/cohorts/${cohort.id}/results/exports`],
      ['PUT', `/api/cohorts/${cohort.id}/questionnaire`],
      ['POST', `/api/cohorts/${cohort.id}/assessment/responses`],
    ] as const) {
      const response = await ctx.app.inject({ method, url, ...(method === 'GET' ? {} : { payload: {} }) });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it("lets a unit's staff make cohorts for their own unit only, and officers for any", async () => {
    const own = await createCohort(staffA);
    expect(own.drivingUnitId).toBe(unitA);
    expect(own.abilities).toEqual({ manage: true, answer: false });
    expect(own.audiences).toEqual(['community', 'youth']);
    const other = await staffA.client.post('/api/cohorts', { ...COHORT, drivingUnitId: unitB });
    expect(other.statusCode).toBe(403);
    const applicant = await person();
    expect((await applicant.client.post('/api/cohorts', COHORT)).statusCode).toBe(403);
    const noUnit = await officer.client.post('/api/cohorts', COHORT);
    expect(noUnit.statusCode).toBe(400);
    expect(issuesOf(noUnit.body).map((i) => i.field)).toEqual(['body.drivingUnitId']);
    const byOfficer = await createCohort(officer, { drivingUnitId: unitB });
    expect(byOfficer.drivingUnitId).toBe(unitB);
    const actions = await ctx.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, own.id));
    expect(actions.map((a) => a.action)).toContain('cohort.created');
  });

  it("hides another unit's cohorts (404) and scopes the list", async () => {
    const cohort = await createCohort(staffA);
    for (const url of [
      `/api/cohorts/${cohort.id}`,
      `/api/cohorts/${cohort.id}/results`,
      `/api/cohorts/${cohort.id}/questionnaire`,
      `/api/cohorts/${cohort.id}/assessment`,
    ]) {
      expect((await staffB.client.get(url)).statusCode, url).toBe(404);
    }
    const patch = await staffB.client.patch(`/api/cohorts/${cohort.id}`, { ...COHORT, version: 1 });
    expect(patch.statusCode).toBe(404);
    const add = await staffB.client.post(`/api/cohorts/${cohort.id}/members`, { email: staffB.email });
    expect(add.statusCode).toBe(404);
    const listB = dataOf<CohortList>((await staffB.client.get('/api/cohorts')).body);
    expect(listB.map((c) => c.id)).not.toContain(cohort.id);
    const listA = dataOf<CohortList>((await staffA.client.get('/api/cohorts')).body);
    expect(listA.map((c) => c.id)).toContain(cohort.id);
    expect(listA.every((c) => c.drivingUnitId === unitA)).toBe(true);
    const all = dataOf<CohortList>((await officer.client.get(`/api/cohorts?drivingUnitId=${unitA}`)).body);
    expect(all.map((c) => c.id)).toContain(cohort.id);
    const stranger = await person();
    expect((await stranger.client.get(`/api/cohorts/${cohort.id}`)).statusCode).toBe(404);
    expect(dataOf<CohortList>((await stranger.client.get('/api/cohorts')).body)).toEqual([]);
    expect((await staffA.client.get('/api/cohorts/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
  });

  it('shows members their cohort without the member list, and lists it for them', async () => {
    const cohort = await createCohort();
    const member = await person();
    await addMember(cohort.id, member);
    const seen = dataOf<CohortDetail>((await member.client.get(`/api/cohorts/${cohort.id}`)).body);
    expect(seen.members).toEqual([]);
    expect(seen.abilities).toEqual({ manage: false, answer: true });
    expect(seen.me).toEqual({ isMember: true, answeredPre: false, answeredPost: false });
    const list = dataOf<CohortList>((await member.client.get('/api/cohorts')).body);
    expect(list.map((c) => c.id)).toEqual([cohort.id]);
    expect((await member.client.get(`/api/cohorts/${cohort.id}/results`)).statusCode).toBe(403);
    const patch = await member.client.patch(`/api/cohorts/${cohort.id}`, {
      ...COHORT,
      version: seen.version,
    });
    expect(patch.statusCode).toBe(403);
  });
});

describe('cohorts: details', () => {
  it('refuses bad input with the field, in Thai and English', async () => {
    const bad = await staffA.client.post('/api/cohorts', {
      ...COHORT,
      nameTh: '',
      fiscalYear: 1999,
      audiences: ['martians'],
    });
    expect(bad.statusCode).toBe(400);
    const fields = issuesOf(bad.body).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['body.nameTh', 'body.fiscalYear']));
    const period = await staffA.client.post('/api/cohorts', { ...COHORT, endsOn: '2026-10-01' });
    expect(period.statusCode).toBe(400);
    const [issue] = issuesOf(period.body);
    expect(issue?.field).toBe('body.endsOn');
    expect(issue?.message).toBe('วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น');
    expect(issue?.messageEn).toBe('The end date cannot be before the start date');
    const programme = await staffA.client.post('/api/cohorts', {
      ...COHORT,
      programmeId: '00000000-0000-4000-8000-000000000000',
    });
    expect(issuesOf(programme.body).map((i) => i.field)).toEqual(['body.programmeId']);
    const extra = await staffA.client.post('/api/cohorts', { ...COHORT, secret: true });
    expect(extra.statusCode).toBe(400);
    expect((await staffA.client.get('/api/cohorts?fiscalYear=abc')).statusCode).toBe(400);
    expect((await staffA.client.get('/api/cohorts/not-a-uuid')).statusCode).toBe(400);
  });

  it('updates at the current version only', async () => {
    const cohort = await createCohort();
    const body = { ...COHORT, nameTh: 'กลุ่มบ่มเพาะ รุ่นที่ 2', version: cohort.version };
    const first = await staffA.client.patch(`/api/cohorts/${cohort.id}`, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(dataOf<CohortDetail>(first.body).nameTh).toBe('กลุ่มบ่มเพาะ รุ่นที่ 2');
    const stale = await staffA.client.patch(`/api/cohorts/${cohort.id}`, body);
    expect(stale.statusCode).toBe(409);
    expect(codeOf(stale.body)).toBe('CONFLICT');
  });
});

describe('cohorts: members', () => {
  it('adds people by email for an organisation they belong to, tells them, and refuses the rest', async () => {
    const cohort = await createCohort();
    const member = await person();
    const organisationId = await createOrganisation(member.client, {
      nameTh: `วิสาหกิจชุมชนทดสอบกลุ่ม ${uniqueSuffix()}`,
    });
    const lookup = await staffA.client.get(
      `/api/cohorts/${cohort.id}/member-lookup?email=${encodeURIComponent(member.email.toUpperCase())}`,
    );
    expect(lookup.statusCode, lookup.body).toBe(200);
    expect(dataOf<MemberLookup>(lookup.body)).toMatchObject({
      userId: member.userId,
      isMember: false,
      organisations: [{ id: organisationId }],
    });
    const added = await addMember(cohort.id, member, organisationId);
    expect(added).toMatchObject({ userId: member.userId, organisationId, answeredPre: false });

    const inbox = await ctx.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, member.userId));
    expect(inbox.map((n) => [n.kind, n.link])).toContainEqual([
      'cohort_member_added',
      `/cohorts/${cohort.id}/assessment`,
    ]);
    const mail = await ctx.database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, member.email));
    expect(mail.some((m) => m.textBody.includes(`http://si.test/cohorts/${cohort.id}/assessment`))).toBe(
      true,
    );

    const again = await staffA.client.post(`/api/cohorts/${cohort.id}/members`, { email: member.email });
    expect(again.statusCode).toBe(409);
    const unknown = await staffA.client.post(`/api/cohorts/${cohort.id}/members`, {
      email: 'nobody-here@cohorts.test',
    });
    expect(unknown.statusCode).toBe(400);
    expect(issuesOf(unknown.body).map((i) => i.field)).toEqual(['body.email']);
    expect(
      (await staffA.client.get(`/api/cohorts/${cohort.id}/member-lookup?email=nobody-here@cohorts.test`))
        .statusCode,
    ).toBe(404);
    const other = await person();
    const notTheirs = await staffA.client.post(`/api/cohorts/${cohort.id}/members`, {
      email: other.email,
      organisationId,
    });
    expect(notTheirs.statusCode).toBe(400);
    expect(issuesOf(notTheirs.body).map((i) => i.field)).toEqual(['body.organisationId']);
    const badEmail = await staffA.client.post(`/api/cohorts/${cohort.id}/members`, { email: 'not an email' });
    expect(issuesOf(badEmail.body).map((i) => i.field)).toEqual(['body.email']);

    const detail = dataOf<CohortDetail>((await staffA.client.get(`/api/cohorts/${cohort.id}`)).body);
    expect(detail.members.map((m) => m.userId)).toEqual([member.userId]);
    expect(detail.memberCount).toBe(1);
  });

  it('removes members who have not answered, and keeps those who have', async () => {
    const cohort = await createCohort();
    await withQuestionnaire(cohort.id);
    const quiet = await person();
    const answered = await person();
    await addMember(cohort.id, quiet);
    await addMember(cohort.id, answered);
    expect((await answer(answered, cohort.id, 'pre', { problem: 2, design: 2, measure: 2 })).statusCode).toBe(
      201,
    );
    const removeQuiet = await staffA.client.delete(`/api/cohorts/${cohort.id}/members/${quiet.userId}`);
    expect(removeQuiet.statusCode, removeQuiet.body).toBe(200);
    const removeAnswered = await staffA.client.delete(`/api/cohorts/${cohort.id}/members/${answered.userId}`);
    expect(removeAnswered.statusCode).toBe(409);
    expect(codeOf(removeAnswered.body)).toBe('INVALID_STATE');
    expect((await staffA.client.delete(`/api/cohorts/${cohort.id}/members/${quiet.userId}`)).statusCode).toBe(
      404,
    );
    expect(
      (await staffB.client.delete(`/api/cohorts/${cohort.id}/members/${answered.userId}`)).statusCode,
    ).toBe(404);
  });
});

describe('assessment: the questionnaire', () => {
  it('is made once, edited at its version, and locked at the first answer', async () => {
    const cohort = await createCohort();
    expect(
      dataOf<Questionnaire | null>((await staffA.client.get(`/api/cohorts/${cohort.id}/questionnaire`)).body),
    ).toBeNull();
    const made = await withQuestionnaire(cohort.id);
    expect(made.items.map((i) => i.id)).toEqual(['problem', 'design', 'measure']);
    expect(made.lockedAt).toBeNull();
    const twice = await staffA.client.request(
      'PUT',
      `/api/cohorts/${cohort.id}/questionnaire`,
      QUESTIONNAIRE,
    );
    expect(twice.statusCode).toBe(409);

    const edited = await staffA.client.request('PUT', `/api/cohorts/${cohort.id}/questionnaire`, {
      ...QUESTIONNAIRE,
      version: made.version,
      scalePoints: 4,
      items: [...QUESTIONNAIRE.items, { textTh: 'สื่อสารผลได้' }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const q = dataOf<Questionnaire>(edited.body);
    expect(q.items).toHaveLength(4);
    expect(q.items[3]?.id).toMatch(/^i[0-9a-f]{8}$/);
    expect(q.scalePoints).toBe(4);

    const duplicate = await staffA.client.request('PUT', `/api/cohorts/${cohort.id}/questionnaire`, {
      ...QUESTIONNAIRE,
      version: q.version,
      items: [QUESTIONNAIRE.items[0], QUESTIONNAIRE.items[0]],
    });
    expect(duplicate.statusCode).toBe(400);
    expect(issuesOf(duplicate.body).map((i) => i.field)).toEqual(['body.items.1.id']);
    const noItems = await staffA.client.request('PUT', `/api/cohorts/${cohort.id}/questionnaire`, {
      ...QUESTIONNAIRE,
      version: q.version,
      items: [],
    });
    expect(noItems.statusCode).toBe(400);
    const badScale = await staffA.client.request('PUT', `/api/cohorts/${cohort.id}/questionnaire`, {
      ...QUESTIONNAIRE,
      version: q.version,
      scalePoints: 11,
    });
    expect(issuesOf(badScale.body).map((i) => i.field)).toEqual(['body.scalePoints']);

    const member = await person();
    await addMember(cohort.id, member);
    const all = Object.fromEntries(q.items.map((i) => [i.id, 3]));
    expect((await answer(member, cohort.id, 'pre', all)).statusCode).toBe(201);
    const locked = dataOf<Questionnaire>(
      (await staffA.client.get(`/api/cohorts/${cohort.id}/questionnaire`)).body,
    );
    expect(locked.lockedAt).not.toBeNull();
    expect(locked.responseCounts).toEqual({ pre: 1, post: 0 });

    const change = await staffA.client.request('PUT', `/api/cohorts/${cohort.id}/questionnaire`, {
      version: locked.version,
      titleTh: locked.titleTh,
      titleEn: locked.titleEn,
      scalePoints: locked.scalePoints,
      items: locked.items.slice(0, 2),
    });
    expect(change.statusCode).toBe(409);
    expect(codeOf(change.body)).toBe('INVALID_STATE');
    const scale = await staffA.client.request('PUT', `/api/cohorts/${cohort.id}/questionnaire`, {
      version: locked.version,
      titleTh: locked.titleTh,
      scalePoints: 7,
      items: locked.items,
    });
    expect(codeOf(scale.body)).toBe('INVALID_STATE');
    const retitled = await staffA.client.request('PUT', `/api/cohorts/${cohort.id}/questionnaire`, {
      version: locked.version,
      titleTh: 'แบบประเมินศักยภาพ (ฉบับปรับชื่อ)',
      titleEn: locked.titleEn,
      scalePoints: locked.scalePoints,
      items: locked.items,
    });
    expect(retitled.statusCode, retitled.body).toBe(200);
    expect(
      (await staffB.client.request('PUT', `/api/cohorts/${cohort.id}/questionnaire`, QUESTIONNAIRE))
        .statusCode,
    ).toBe(404);
  });
});

describe('assessment: answering', () => {
  it('takes answers from members only, once per phase, every item within the scale', async () => {
    const cohort = await createCohort();
    const member = await person();
    await addMember(cohort.id, member);
    const none = await answer(member, cohort.id, 'pre', { problem: 1 });
    expect(none.statusCode).toBe(409);
    expect(codeOf(none.body)).toBe('INVALID_STATE');
    await withQuestionnaire(cohort.id);

    const stranger = await person();
    expect((await answer(stranger, cohort.id, 'pre', { problem: 1, design: 1, measure: 1 })).statusCode).toBe(
      404,
    );
    expect((await answer(staffA, cohort.id, 'pre', { problem: 1, design: 1, measure: 1 })).statusCode).toBe(
      403,
    );
    expect((await answer(officer, cohort.id, 'pre', { problem: 1, design: 1, measure: 1 })).statusCode).toBe(
      403,
    );

    const missing = await answer(member, cohort.id, 'pre', { problem: 3, extra: 2 });
    expect(missing.statusCode).toBe(400);
    expect(
      issuesOf(missing.body)
        .map((i) => i.field)
        .sort(),
    ).toEqual(['body.answers.design', 'body.answers.extra', 'body.answers.measure']);
    const range = await answer(member, cohort.id, 'pre', { problem: 6, design: 0, measure: 2.5 });
    expect(range.statusCode).toBe(400);
    const badPhase = await member.client.post(`/api/cohorts/${cohort.id}/assessment/responses`, {
      phase: 'during',
      answers: { problem: 1, design: 1, measure: 1 },
    });
    expect(issuesOf(badPhase.body).map((i) => i.field)).toEqual(['body.phase']);
    const tooHigh = await answer(member, cohort.id, 'pre', { problem: 6, design: 1, measure: 1 });
    const [issue] = issuesOf(tooHigh.body);
    expect(issue).toMatchObject({ field: 'body.answers.problem', message: 'คะแนนต้องอยู่ระหว่าง 1 ถึง 5' });

    const pre = await answer(member, cohort.id, 'pre', { problem: 2, design: 3, measure: 1 });
    expect(pre.statusCode, pre.body).toBe(201);
    const mine = dataOf<MyAssessment>(pre.body);
    expect(mine.responses.pre?.answers).toEqual({ problem: 2, design: 3, measure: 1 });
    expect(mine.responses.post).toBeNull();
    expect(mine.change).toBeNull();
    const again = await answer(member, cohort.id, 'pre', { problem: 5, design: 5, measure: 5 });
    expect(again.statusCode).toBe(409);
    expect(codeOf(again.body)).toBe('CONFLICT');

    const post = await answer(member, cohort.id, 'post', { problem: 4, design: 4, measure: 4 });
    expect(post.statusCode).toBe(201);
    expect(dataOf<MyAssessment>(post.body).change).toBe(2);
    expect((await answer(member, cohort.id, 'post', { problem: 1, design: 1, measure: 1 })).statusCode).toBe(
      409,
    );

    const view = dataOf<MyAssessment>((await member.client.get(`/api/cohorts/${cohort.id}/assessment`)).body);
    expect(view.questionnaire?.items).toHaveLength(3);
    expect(view.abilities.answer).toBe(true);
    const list = dataOf<CohortList>((await member.client.get('/api/cohorts')).body);
    expect(list[0]?.me).toEqual({ isMember: true, answeredPre: true, answeredPost: true });
  });

  it('does not take the pre answers after the post ones', async () => {
    const cohort = await createCohort();
    await withQuestionnaire(cohort.id);
    const late = await person();
    await addMember(cohort.id, late);
    expect((await answer(late, cohort.id, 'post', { problem: 4, design: 4, measure: 4 })).statusCode).toBe(
      201,
    );
    const pre = await answer(late, cohort.id, 'pre', { problem: 1, design: 1, measure: 1 });
    expect(pre.statusCode).toBe(409);
    expect(codeOf(pre.body)).toBe('INVALID_STATE');
  });

  it('takes exactly one of two answers to the same phase sent at once', async () => {
    const cohort = await createCohort();
    await withQuestionnaire(cohort.id);
    const member = await person();
    await addMember(cohort.id, member);
    const all = { problem: 3, design: 3, measure: 3 };
    const codes = (
      await Promise.all([answer(member, cohort.id, 'pre', all), answer(member, cohort.id, 'pre', all)])
    ).map((r) => r.statusCode);
    expect(codes.sort()).toEqual([201, 409]);
  });
});

describe('assessment: results', () => {
  it('computes the change per participant and for the cohort, and exports it', async () => {
    const cohort = await createCohort();
    await withQuestionnaire(cohort.id);
    const [a, b, c, d] = [await person(), await person(), await person(), await person()];
    for (const p of [a, b, c, d]) {
      await addMember(cohort.id, p);
    }
    // a: 2 → 4 (+2), b: 3 → 3 (0), c: mean 4 → 3 (−1), d: pre only
    await answer(a, cohort.id, 'pre', { problem: 2, design: 2, measure: 2 });
    await answer(a, cohort.id, 'post', { problem: 4, design: 4, measure: 4 });
    await answer(b, cohort.id, 'pre', { problem: 3, design: 3, measure: 3 });
    await answer(b, cohort.id, 'post', { problem: 3, design: 3, measure: 3 });
    await answer(c, cohort.id, 'pre', { problem: 4, design: 4, measure: 4 });
    await answer(c, cohort.id, 'post', { problem: 3, design: 4, measure: 2 });
    await answer(d, cohort.id, 'pre', { problem: 5, design: 5, measure: 5 });

    const response = await staffA.client.get(`/api/cohorts/${cohort.id}/results`);
    expect(response.statusCode, response.body).toBe(200);
    const results = dataOf<AssessmentResults>(response.body);
    expect(results.memberCount).toBe(4);
    expect(results.cohort).toMatchObject({ preCount: 4, postCount: 3, pairedCount: 3 });
    expect(results.cohort.meanChange).toBeCloseTo((2 + 0 - 1) / 3);
    expect(results.cohort.improvedShare).toBeCloseTo(1 / 3);
    expect(results.cohort.declinedShare).toBeCloseTo(1 / 3);
    expect(results.cohort.preMean).toBeCloseTo((2 + 3 + 4 + 5) / 4);
    expect(results.cohort.postMean).toBeCloseTo((4 + 3 + 3) / 3);
    const measure = results.cohort.items.find((i) => i.itemId === 'measure');
    expect(measure?.change).toBeCloseTo((2 + 0 - 2) / 3);
    const byUser = new Map(results.participants.map((p) => [p.userId, p]));
    expect(byUser.get(a.userId)?.change).toBe(2);
    expect(byUser.get(c.userId)?.change).toBe(-1);
    expect(byUser.get(d.userId)).toMatchObject({ preMean: 5, postMean: null, change: null });

    const byOfficer = await officer.client.get(`/api/cohorts/${cohort.id}/results`);
    expect(byOfficer.statusCode).toBe(200);

    const exports = `/api/cohorts/${cohort.id}/results/exports`;
    const csvJob = await exportedJob(ctx.app, staffA.client, exports, { format: 'csv', lang: 'en' });
    // the answers gathered, the members' table written
    expect(csvJob).toMatchObject({ kind: 'cohort-results-export', total: 2 });
    expect(csvJob.fileName).toBe(`cohort-results-2570-${cohort.id.slice(0, 8)}.csv`);
    const csv = await downloadedFile(staffA.client, csvJob);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Name,Organisation,Mean before,Mean after,Change,Item 1 before,Item 1 after,Item 1 change,Item 2 before,Item 2 after,Item 2 change,Item 3 before,Item 3 after,Item 3 change',
    );
    expect(lines).toHaveLength(5);
    expect(lines.some((l) => l.endsWith(',4,3,-1,4,4,0,4,2,-2'))).toBe(true);

    const xlsxJob = await exportedJob(ctx.app, staffA.client, exports, { format: 'xlsx', lang: 'th' });
    // the answers gathered, the summary sheet, the members' sheet
    expect(xlsxJob.total).toBe(3);
    const xlsx = await downloadedFile(staffA.client, xlsxJob);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['สรุป', 'รายบุคคล']);
    const summary = workbook.worksheets[0];
    const values = summary?.getColumn(1).values.map(String) ?? [];
    expect(values).toContain('การเปลี่ยนแปลงเฉลี่ย');
    expect(workbook.worksheets[1]?.rowCount).toBe(5);

    // an officer may export too; another unit's staff do not see the cohort (404); a member may not (403)
    await exportedJob(ctx.app, officer.client, exports, { format: 'csv', lang: 'th' });
    expect((await staffB.client.post(exports, { format: 'csv', lang: 'th' })).statusCode).toBe(404);
    expect((await a.client.post(exports, { format: 'xlsx', lang: 'th' })).statusCode).toBe(403);
    expect((await staffB.client.get(`/api/jobs/${xlsxJob.id}/download`)).statusCode).toBe(404);
    const unknown = '/api/cohorts/00000000-0000-4000-8000-000000000000/results/exports';
    expect((await staffA.client.post(unknown, { format: 'csv', lang: 'th' })).statusCode).toBe(404);
    for (const [body, field] of [
      [{ format: 'pdf', lang: 'th' }, 'body.format'],
      [{ lang: 'th' }, 'body.format'],
      [{ format: 'csv', lang: 'fr' }, 'body.lang'],
    ] as const) {
      const bad = await staffA.client.post(exports, body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect(issuesOf(bad.body).map((i) => i.field)).toContain(field);
    }
    expect((await staffA.client.post(exports, { format: 'csv', lang: 'th', extra: 1 })).statusCode).toBe(400);
  });

  it('is empty without a questionnaire', async () => {
    const cohort = await createCohort();
    const results = dataOf<AssessmentResults>(
      (await staffA.client.get(`/api/cohorts/${cohort.id}/results`)).body,
    );
    expect(results.questionnaire).toBeNull();
    expect(results.cohort.pairedCount).toBe(0);
    expect(results.participants).toEqual([]);
  });
});
