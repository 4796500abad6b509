import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  activities,
  activityRegistrations,
  auditEvents,
  cohortMembers,
  cohorts,
  innovations,
  mentoringRequests,
  mentoringSessions,
  siPersonnel,
} from '@server/db/schema/index';
import { ensureAccount } from '@server/modules/accounts/accounts.service';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { createOrganisation, signedIn, TEST_PASSWORD, type Person } from '@tests/factories/people';
import {
  activeProject,
  createDrivingUnit,
  signedInUnitStaff,
  uniqueSuffix,
  type ActiveProject,
} from '@tests/factories/projects';
import type {
  MeasureResult,
  UnitDashboard,
  UnitDetail,
  UnitMeasure,
  UnitProfile,
  UnitRollup,
  UnitSummary,
} from '@shared/contracts/driving-units';
import { fiscalYearSpan } from './driving-units.service';

// The clock of the test app is TEST_NOW (15 Dec 2026, Bangkok): the current fiscal year is 2570 (Oct 2026 – Sep 2027).

let ctx: TestContext;
let unitA: string;
let unitB: string;
let staffA: Person;
let staffB: Person;
let officer: Person;
let outsider: Person;
/** Two active projects of FY2570 supervised by unit A. */
let project: ActiveProject;
let second: ActiveProject;
/** The published activity of unit A still to come (15 Jan 2027). */
let upcomingId: string;

type Issue = { field: string; message: string; messageEn?: string };
const issuesOf = (body: string) =>
  (JSON.parse(body) as { error: { details?: { issues?: Issue[] } } }).error.details?.issues ?? [];
const codeOf = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;
const byMeasure = (measures: MeasureResult[]) =>
  Object.fromEntries(measures.map((m) => [m.measure, m])) as Record<UnitMeasure, MeasureResult>;

async function person(label: string): Promise<string> {
  const email = `${label}-${uniqueSuffix()}@units.test`;
  return ensureAccount(ctx.database.db, { email, name: label, password: TEST_PASSWORD, role: null });
}

/**
 * The records the actuals are counted from. Activities, registrations, cohorts and mentoring belong to modules being
 * built beside this one, and innovations have no API yet: THE TEST INSERTS THOSE ROWS STRAIGHT INTO THE DATABASE
 * (ctx.database.db). Projects come through the API (the factory's award → setup → signed agreement).
 */
async function recordActivityOfTheYear(): Promise<void> {
  const db = ctx.database.db;
  const owner = await signedIn(ctx, `owner-${uniqueSuffix()}@units.test`);
  const orgX = await createOrganisation(owner.client, { nameTh: 'วิสาหกิจชุมชนบ้านควนเนียง' });
  const orgY = await createOrganisation(owner.client, { nameTh: 'กลุ่มเยาวชนรักษ์ถิ่นปัตตานี' });
  const orgZ = await createOrganisation(owner.client, { nameTh: 'สหกรณ์ประมงพื้นบ้านยะหริ่ง' });
  const u1 = await person('p1');
  const u2 = await person('p2');
  const u3 = await person('p3');
  const u4 = await person('p4');
  const u5 = await person('p5');
  const u6 = await person('p6');
  const base = { kind: 'training_workshop', capacity: 30, titleTh: 'อบรม' };
  const at = (iso: string, hours = 3) => ({
    startsAt: new Date(iso),
    endsAt: new Date(new Date(iso).getTime() + hours * 3_600_000),
  });
  const inserted = await db
    .insert(activities)
    .values([
      // 0: completed in FY2570 — held; three attend (two for org X, one for nobody), one only registered, one cancelled
      { ...base, drivingUnitId: unitA, status: 'completed', ...at('2026-11-10T09:00:00+07:00') },
      // 1: completed the evening before FY2570 starts — FY2569, not counted
      { ...base, drivingUnitId: unitA, status: 'completed', ...at('2026-09-30T20:00:00+07:00', 1) },
      // 2: completed in the first hour of FY2570 — counted
      { ...base, drivingUnitId: unitA, status: 'completed', ...at('2026-10-01T00:30:00+07:00', 1) },
      // 3: cancelled in FY2570 — not held
      { ...base, drivingUnitId: unitA, status: 'cancelled', ...at('2026-12-01T09:00:00+07:00') },
      // 4: published, still to come — on the public page, not held
      {
        ...base,
        drivingUnitId: unitA,
        status: 'published',
        titleTh: 'บูทแคมป์นวัตกรรมชุมชน',
        ...at('2027-01-15T09:00:00+07:00'),
      },
      // 5: a draft still to come — not public
      { ...base, drivingUnitId: unitA, status: 'draft', titleTh: 'ร่าง', ...at('2027-01-20T09:00:00+07:00') },
      // 6: unit B's completed workshop in FY2570
      { ...base, drivingUnitId: unitB, status: 'completed', ...at('2026-11-20T09:00:00+07:00') },
    ])
    .returning({ id: activities.id });
  const id = (n: number) => inserted[n]?.id ?? '';
  upcomingId = id(4);
  const attended = new Date('2026-11-10T10:00:00+07:00');
  await db.insert(activityRegistrations).values([
    { activityId: id(0), userId: u1, organisationId: orgX, status: 'registered', attendedAt: attended },
    { activityId: id(0), userId: u2, organisationId: orgX, status: 'registered', attendedAt: attended },
    { activityId: id(0), userId: u3, status: 'registered', attendedAt: attended },
    { activityId: id(0), userId: u4, organisationId: orgZ, status: 'registered' },
    { activityId: id(0), userId: u5, organisationId: orgZ, status: 'cancelled' },
    { activityId: id(1), userId: u6, organisationId: orgZ, status: 'registered', attendedAt: attended },
    { activityId: id(2), userId: u1, organisationId: orgY, status: 'registered', attendedAt: attended },
    { activityId: id(6), userId: u6, organisationId: orgZ, status: 'registered', attendedAt: attended },
  ]);

  const cohortRows = await db
    .insert(cohorts)
    .values([
      { drivingUnitId: unitA, nameTh: 'รุ่นที่ 1 ปี 2570', fiscalYear: 2570 },
      { drivingUnitId: unitA, nameTh: 'รุ่นปี 2569', fiscalYear: 2569 },
    ])
    .returning({ id: cohorts.id });
  const cohort2570 = cohortRows[0]?.id ?? '';
  const cohort2569 = cohortRows[1]?.id ?? '';
  await db.insert(cohortMembers).values([
    { cohortId: cohort2570, userId: u1, organisationId: orgX },
    { cohortId: cohort2570, userId: u2, organisationId: orgX },
    { cohortId: cohort2570, userId: u3, organisationId: orgZ },
    { cohortId: cohort2570, userId: u4 },
    { cohortId: cohort2569, userId: u5, organisationId: orgY },
  ]);

  const mentors = await db
    .insert(siPersonnel)
    .values([
      { nameTh: 'พี่เลี้ยงหน่วย ก', drivingUnitId: unitA, isMentor: true, roles: ['mentor'] },
      { nameTh: 'พี่เลี้ยงหน่วย ข', drivingUnitId: unitB, isMentor: true, roles: ['mentor'] },
    ])
    .returning({ id: siPersonnel.id });
  const mentorA = mentors[0]?.id ?? '';
  const mentorB = mentors[1]?.id ?? '';
  const requests = await db
    .insert(mentoringRequests)
    .values({
      requesterUserId: u1,
      organisationId: orgX,
      drivingUnitId: unitA,
      expertise: 'marketing',
      topic: 'ช่องทางขาย',
      mentorId: mentorB,
      status: 'assigned',
    })
    .returning({ id: mentoringRequests.id });
  await db.insert(mentoringSessions).values([
    // unit A's mentor, no request: A's hours
    { mentorId: mentorA, heldOn: '2026-11-01', topic: 'แผนธุรกิจ', hours: 3.5 },
    // unit B's mentor, for a request to unit A: A's hours
    { mentorId: mentorB, requestId: requests[0]?.id, heldOn: '2027-02-01', topic: 'ตลาดออนไลน์', hours: 2 },
    // the last day of FY2569: not counted
    { mentorId: mentorA, heldOn: '2026-09-30', topic: 'ก่อนปีงบ', hours: 5 },
    // unit B's mentor, no request: B's hours
    { mentorId: mentorB, heldOn: '2026-12-01', topic: 'บัญชี', hours: 1.25 },
  ]);

  // innovations (one per project) of unit A's projects: one recorded in FY2570, one the year before; one of no project
  await db.insert(innovations).values([
    { projectId: project.projectId, titleTh: 'เครื่องกรองน้ำชุมชน', createdAt: new Date('2026-12-01T00:00:00Z') },
    { projectId: second.projectId, titleTh: 'แอปจองคิวเรือ', createdAt: new Date('2026-09-01T00:00:00Z') },
    { titleTh: 'ไม่มีโครงการ', createdAt: new Date('2027-03-01T00:00:00Z') },
  ]);
}

beforeAll(async () => {
  ctx = await createTestApp();
  unitA = await createDrivingUnit(ctx, [94, 95, 96], `Units test A ${uniqueSuffix()}`);
  unitB = await createDrivingUnit(ctx, [10], `Units test B ${uniqueSuffix()}`);
  staffA = await signedInUnitStaff(ctx, unitA, `staff-a-${uniqueSuffix()}@units.test`);
  staffB = await signedInUnitStaff(ctx, unitB);
  officer = await signedIn(ctx, `officer-${uniqueSuffix()}@units.test`, 'programme_officer');
  outsider = await signedIn(ctx, `outsider-${uniqueSuffix()}@units.test`);
  project = await activeProject(ctx, { officer, setup: { drivingUnitId: unitA } });
  second = await activeProject(ctx, { officer, setup: { drivingUnitId: unitA } });
  await recordActivityOfTheYear();
});
afterAll(async () => {
  await ctx.close();
});

async function dashboard(who: Person, unitId: string, query = ''): Promise<UnitDashboard> {
  const response = await who.client.get(`/api/driving-units/${unitId}/dashboard${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: UnitDashboard }>().data;
}

describe('fiscal years', () => {
  it('FY2570 runs from 1 October 2026 to 30 September 2027, Bangkok time', () => {
    const span = fiscalYearSpan(2570);
    expect(span.from.toISOString()).toBe('2026-09-30T17:00:00.000Z');
    expect(span.to.toISOString()).toBe('2027-09-30T17:00:00.000Z');
    expect([span.firstDay, span.lastDay]).toEqual(['2026-10-01', '2027-09-30']);
  });
});

describe('public directory and unit page', () => {
  it('lists units with their upcoming published activities, to anyone', async () => {
    const response = await ctx.app.inject('/api/driving-units');
    expect(response.statusCode, response.body).toBe(200);
    const units = response.json<{ data: UnitSummary[] }>().data;
    const a = units.find((u) => u.id === unitA);
    expect(a?.provinceCodes).toEqual([94, 95, 96]);
    expect(a?.upcomingActivityCount).toBe(1);
    expect(units.find((u) => u.id === unitB)?.upcomingActivityCount).toBe(0);
  });

  it("shows a unit's page with only its published activities to come; no management abilities for strangers", async () => {
    const response = await ctx.app.inject(`/api/driving-units/${unitA}`);
    expect(response.statusCode, response.body).toBe(200);
    const detail = response.json<{ data: UnitDetail }>().data;
    expect(detail.upcomingActivities.map((a) => a.id)).toEqual([upcomingId]);
    expect(detail.upcomingActivities[0]?.titleTh).toBe('บูทแคมป์นวัตกรรมชุมชน');
    expect(detail.abilities).toEqual({ viewDashboard: false, editProfile: false, editTargets: false });
    expect(detail.profile.version).toBe(1);

    const asStaff = (await staffA.client.get(`/api/driving-units/${unitA}`)).json<{ data: UnitDetail }>()
      .data;
    expect(asStaff.abilities).toEqual({ viewDashboard: true, editProfile: true, editTargets: false });
    const asOfficer = (await officer.client.get(`/api/driving-units/${unitA}`)).json<{ data: UnitDetail }>()
      .data;
    expect(asOfficer.abilities).toEqual({ viewDashboard: true, editProfile: true, editTargets: true });
  });

  it('answers 404 for an unknown unit and 400 for a malformed id', async () => {
    expect((await ctx.app.inject('/api/driving-units/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
    expect((await ctx.app.inject('/api/driving-units/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('who may see and change what', () => {
  it('needs a session for dashboards, targets, profiles and the roll-up (401)', async () => {
    const anonymous = [
      ctx.app.inject(`/api/driving-units/${unitA}/dashboard`),
      ctx.app.inject('/api/driving-units/rollup'),
      ctx.app.inject({
        method: 'PUT',
        url: `/api/driving-units/${unitA}/targets`,
        payload: { fiscalYear: 2570, targets: [] },
      }),
    ];
    for (const response of await Promise.all(anonymous)) {
      expect(response.statusCode, response.body).toBe(401);
    }
  });

  it("hides another unit's dashboard, targets and profile from a unit's staff (404), and from outsiders", async () => {
    expect((await staffA.client.get(`/api/driving-units/${unitB}/dashboard`)).statusCode).toBe(404);
    expect((await outsider.client.get(`/api/driving-units/${unitA}/dashboard`)).statusCode).toBe(404);
    const targets = await staffA.client.request('PUT', `/api/driving-units/${unitB}/targets`, {
      fiscalYear: 2570,
      targets: [{ measure: 'activities_held', target: 99 }],
    });
    expect(targets.statusCode, targets.body).toBe(404);
    const profile = await staffB.client.request('PUT', `/api/driving-units/${unitA}/profile`, {
      hostNameTh: 'แอบแก้',
      hostNameEn: '',
      descriptionTh: '',
      descriptionEn: '',
      contactEmail: null,
      contactPhone: null,
      website: null,
      version: 1,
    });
    expect(profile.statusCode, profile.body).toBe(404);
  });

  it("lets a unit's staff see but not set their own targets (403), and keeps the roll-up for officers (403)", async () => {
    const own = await staffA.client.request('PUT', `/api/driving-units/${unitA}/targets`, {
      fiscalYear: 2570,
      targets: [{ measure: 'activities_held', target: 1 }],
    });
    expect(own.statusCode, own.body).toBe(403);
    expect(codeOf(own.body)).toBe('FORBIDDEN');
    expect((await staffA.client.get('/api/driving-units/rollup')).statusCode).toBe(403);
    expect((await outsider.client.get('/api/driving-units/rollup')).statusCode).toBe(403);
  });
});

describe('targets against actuals', () => {
  it("counts the year's actuals from the records of activities, cohorts, mentoring, projects and innovations", async () => {
    const data = await dashboard(staffA, unitA, '?fiscalYear=2570');
    expect(data.fiscalYear).toBe(2570);
    expect(data.currentFiscalYear).toBe(2570);
    const m = byMeasure(data.measures);
    expect(m.activities_held.actual).toBe(2);
    expect(m.participants_trained.actual).toBe(3);
    expect(m.communities_trained.actual).toBe(2);
    expect(m.teams_incubated.actual).toBe(2);
    expect(m.mentoring_hours.actual).toBe(5.5);
    expect(m.projects_supervised.actual).toBe(2);
    expect(m.innovations_produced.actual).toBe(1);
    expect(Object.values(m).every((r) => r.target === null)).toBe(true);
    expect(data.staff.map((s) => s.email)).toEqual([staffA.email]);

    // the previous year holds the boundary rows only
    const before = byMeasure((await dashboard(staffA, unitA, '?fiscalYear=2569')).measures);
    expect(before.activities_held.actual).toBe(1);
    expect(before.participants_trained.actual).toBe(1);
    expect(before.mentoring_hours.actual).toBe(5);
    expect(before.innovations_produced.actual).toBe(1);
    expect(before.teams_incubated.actual).toBe(1);
    expect(before.projects_supervised.actual).toBe(0);

    // the projects (awarded in FY2570, still running) are supervised the year after too
    const next = byMeasure((await dashboard(staffA, unitA, '?fiscalYear=2571')).measures);
    expect([next.projects_supervised.actual, next.activities_held.actual]).toEqual([2, 0]);

    const b = byMeasure((await dashboard(staffB, unitB)).measures);
    expect([b.activities_held.actual, b.participants_trained.actual, b.mentoring_hours.actual]).toEqual([
      1, 1, 1.25,
    ]);
  });

  it('lets officers set targets, replaces them whole, audits the change', async () => {
    const put = await officer.client.request('PUT', `/api/driving-units/${unitA}/targets`, {
      fiscalYear: 2570,
      targets: [
        { measure: 'activities_held', target: 12 },
        { measure: 'mentoring_hours', target: 120 },
        { measure: 'teams_incubated', target: null },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    const m = byMeasure(put.json<{ data: UnitDashboard }>().data.measures);
    expect([m.activities_held.target, m.activities_held.actual]).toEqual([12, 2]);
    expect([m.mentoring_hours.target, m.mentoring_hours.actual]).toEqual([120, 5.5]);
    expect(m.teams_incubated.target).toBeNull();

    // staff see the officers' targets
    expect(byMeasure((await dashboard(staffA, unitA)).measures).activities_held.target).toBe(12);

    const replaced = await officer.client.request('PUT', `/api/driving-units/${unitA}/targets`, {
      fiscalYear: 2570,
      targets: [{ measure: 'participants_trained', target: 250 }],
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    const after = byMeasure(replaced.json<{ data: UnitDashboard }>().data.measures);
    expect(after.activities_held.target).toBeNull();
    expect(after.participants_trained.target).toBe(250);
    // another year's targets are untouched
    expect(
      byMeasure((await dashboard(officer, unitA, '?fiscalYear=2571')).measures).participants_trained.target,
    ).toBeNull();

    const audits = await ctx.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, unitA), eq(auditEvents.action, 'driving_unit.targets_set')));
    expect(audits).toHaveLength(2);
  });

  it('refuses bad targets with the field, in Thai and English', async () => {
    const twice = await officer.client.request('PUT', `/api/driving-units/${unitA}/targets`, {
      fiscalYear: 2570,
      targets: [
        { measure: 'activities_held', target: 1 },
        { measure: 'activities_held', target: 2 },
      ],
    });
    expect(twice.statusCode, twice.body).toBe(400);
    const issue = issuesOf(twice.body)[0];
    expect(issue?.field).toBe('body.targets.1.measure');
    expect(issue?.message).toContain('ซ้ำ');
    expect(issue?.messageEn).toContain('twice');

    const bad = [
      { fiscalYear: 2570, targets: [{ measure: 'activities_held', target: -1 }] },
      { fiscalYear: 2570, targets: [{ measure: 'activities_held', target: 1.5 }] },
      { fiscalYear: 2570, targets: [{ measure: 'smiles', target: 1 }] },
      { fiscalYear: 2026, targets: [] },
      { fiscalYear: 2570, targets: [], extra: true },
    ];
    for (const body of bad) {
      const response = await officer.client.request('PUT', `/api/driving-units/${unitA}/targets`, body);
      expect(response.statusCode, `${JSON.stringify(body)} ${response.body}`).toBe(400);
    }
    expect(
      (await officer.client.get(`/api/driving-units/${unitA}/dashboard?fiscalYear=abc`)).statusCode,
    ).toBe(400);
    const unknown = await officer.client.request(
      'PUT',
      '/api/driving-units/00000000-0000-4000-8000-000000000000/targets',
      { fiscalYear: 2570, targets: [] },
    );
    expect(unknown.statusCode).toBe(404);
  });

  it('rolls every unit up with the totals (officers)', async () => {
    const response = await officer.client.get('/api/driving-units/rollup?fiscalYear=2570');
    expect(response.statusCode, response.body).toBe(200);
    const rollup = response.json<{ data: UnitRollup }>().data;
    const rowA = rollup.units.find((u) => u.unit.id === unitA);
    const rowB = rollup.units.find((u) => u.unit.id === unitB);
    expect(byMeasure(rowA?.measures ?? []).participants_trained).toMatchObject({ target: 250, actual: 3 });
    expect(byMeasure(rowB?.measures ?? []).activities_held.actual).toBe(1);
    const totals = byMeasure(rollup.totals);
    // the totals are the sums over all units (other units of this database have nothing in FY2570)
    const sum = (measure: UnitMeasure) =>
      rollup.units.reduce((s, u) => s + (byMeasure(u.measures)[measure].actual ?? 0), 0);
    expect(totals.activities_held.actual).toBe(sum('activities_held'));
    expect(totals.mentoring_hours.actual).toBe(6.75);
    expect(totals.participants_trained.target).toBe(250);
  });
});

describe("the unit's profile", () => {
  const body = {
    hostNameTh: 'มหาวิทยาลัยสงขลานครินทร์ วิทยาเขตปัตตานี',
    hostNameEn: 'Prince of Songkla University, Pattani Campus',
    descriptionTh: 'หน่วยขับเคลื่อนในพื้นที่ชายแดนใต้',
    descriptionEn: 'The driving unit of the southern border area',
    contactEmail: 'si-unit@psu.test',
    contactPhone: '073 000 000',
    website: 'https://si.psu.test',
  };

  it("is kept by the unit's staff, versioned (409 on a stale save) and audited; the public page shows it", async () => {
    const saved = await staffA.client.request('PUT', `/api/driving-units/${unitA}/profile`, {
      ...body,
      version: 1,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const profile = saved.json<{ data: UnitProfile }>().data;
    expect(profile).toMatchObject({ ...body, version: 2 });

    const stale = await officer.client.request('PUT', `/api/driving-units/${unitA}/profile`, {
      ...body,
      hostNameEn: 'PSU',
      version: 1,
    });
    expect(stale.statusCode, stale.body).toBe(409);

    const again = await officer.client.request('PUT', `/api/driving-units/${unitA}/profile`, {
      ...body,
      contactPhone: null,
      version: 2,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<{ data: UnitProfile }>().data.version).toBe(3);

    const page = (await ctx.app.inject(`/api/driving-units/${unitA}`)).json<{ data: UnitDetail }>().data;
    expect(page.profile.hostNameTh).toBe(body.hostNameTh);
    expect(page.unit.hostNameTh).toBe(body.hostNameTh);
    expect(page.profile.contactPhone).toBeNull();

    const audits = await ctx.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, unitA), eq(auditEvents.action, 'driving_unit.profile_updated')));
    expect(audits).toHaveLength(2);
  });

  it('refuses a bad email, phone or website with the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ contactEmail: 'not-an-email' }, 'contactEmail'],
      [{ contactPhone: 'call me' }, 'contactPhone'],
      [{ website: 'javascript:alert(1)' }, 'website'],
      [{ descriptionTh: 'ก'.repeat(5001) }, 'descriptionTh'],
    ];
    for (const [change, field] of cases) {
      const response = await staffA.client.request('PUT', `/api/driving-units/${unitA}/profile`, {
        ...body,
        ...change,
        version: 3,
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(JSON.stringify(issuesOf(response.body))).toContain(field);
    }
  });
});
