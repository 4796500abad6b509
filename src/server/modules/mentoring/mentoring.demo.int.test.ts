import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { ensureAccount } from '@server/modules/accounts/accounts.service';
import { ensureDemoCalls } from '@server/modules/calls/calls.demo';
import { ensureDemoReviewRound } from '@server/modules/decisions/decisions.demo';
import { ensureDrivingUnit } from '@server/modules/driving-units/driving-units.service';
import { ensureDemoProjects } from '@server/modules/projects/projects.demo';
import type { PlatformRole } from '@shared/contracts/identity';
import type { MentoringRequest, MentoringRequestDetail, PersonSummary } from '@shared/contracts/mentoring';
import { ensureDemoMentoring } from './mentoring.demo';

let ctx: TestContext;
const NOW = new Date('2026-11-27T10:00:00+07:00');
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  ctx = await createTestApp({ REQUIRE_2FA_FOR_STAFF: '0' }, { clock: () => NOW });
});
afterAll(async () => {
  await ctx.close();
});

async function account(email: string, role: PlatformRole | null, drivingUnitId?: string): Promise<string> {
  return ensureAccount(ctx.database.db, {
    email,
    name: email.split('@')[0] ?? email,
    password: PASSWORD,
    role,
    ...(drivingUnitId ? { drivingUnitId } : {}),
  });
}

async function signIn(email: string): Promise<TestClient> {
  const client = new TestClient(ctx.app);
  expect((await client.signIn(email, PASSWORD)).statusCode).toBe(200);
  return client;
}

describe('demo mentoring', () => {
  it('fills the registry and gives the demo mentor a request with logged sessions, once', async () => {
    const { db } = ctx.database;
    const drivingUnitId = await ensureDrivingUnit(db, {
      nameTh: 'หน่วยขับเคลื่อนตัวอย่าง',
      nameEn: 'Demo unit',
      kind: 'area_based',
      regionCode: 'south',
      provinceCodes: [94, 95, 96],
    });
    await ensureDemoCalls(db, { now: NOW, partnerUserId: null });
    const officerUserId = await account('officer@demo.test', 'programme_officer');
    const applicantUserId = await account('applicant@demo.test', null);
    const unitStaffUserId = await account('unit@demo.test', 'driving_unit_staff', drivingUnitId);
    const mentorUserId = await account('mentor@demo.test', null);
    const reviewerUserIds = [await account('reviewer1@demo.test', 'reviewer')];
    await ensureDemoReviewRound(db, { now: NOW, officerUserId, applicantUserId, reviewerUserIds });
    await ensureDemoProjects(db, { now: NOW, officerUserId, applicantUserId, drivingUnitId });
    const options = {
      now: NOW,
      officerUserId,
      unitStaffUserId,
      applicantUserId,
      mentorUserId,
      mentorEmail: 'mentor@demo.test',
      drivingUnitId,
    };
    expect(await ensureDemoMentoring(db, options)).toBe(
      '6 people, 2 recognitions, 2 requests (1 assigned with 2 sessions, 1 rated)',
    );
    expect(await ensureDemoMentoring(db, options)).toBe('demo mentor already in the registry');

    const registry = (await ctx.app.inject({ method: 'GET', url: '/api/personnel' })).json<{
      data: PersonSummary[];
    }>().data;
    expect(registry).toHaveLength(6);
    const aree = registry.find((p) => p.nameEn === 'Dr Aree Suksawat');
    expect(aree?.record).toMatchObject({
      hoursMentored: 5.5,
      sessions: 2,
      averageRating: 5,
      projectsSupported: 1,
    });

    const mentor = await signIn('mentor@demo.test');
    const mine = (await mentor.get('/api/mentoring/requests?view=mentoring')).json<{
      data: MentoringRequest[];
    }>().data;
    expect(mine).toHaveLength(1);
    expect(mine[0]?.projectTitleTh).not.toBeNull();
    const applicant = await signIn('applicant@demo.test');
    const detail = (await applicant.get(`/api/mentoring/requests/${mine[0]?.id}`)).json<{
      data: MentoringRequestDetail;
    }>().data;
    expect(detail.sessions.map((s) => [s.satisfaction, s.canRate])).toEqual([
      [null, true],
      [5, false],
    ]);
    const unit = await signIn('unit@demo.test');
    const queue = (await unit.get('/api/mentoring/requests?view=unit&status=open')).json<{
      data: MentoringRequest[];
    }>().data;
    expect(queue.map((r) => r.expertise)).toEqual(['technology']);
  });
});
