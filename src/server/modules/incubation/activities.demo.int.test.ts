import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { ensureAccount } from '@server/modules/accounts/accounts.service';
import { ensureDrivingUnit } from '@server/modules/driving-units/driving-units.service';
import type { ActivityDetail, ActivitySummary, MyRegistration } from '@shared/contracts/activities';
import { ensureDemoActivities } from './activities.demo';

let ctx: TestContext;
const NOW = new Date('2026-11-27T10:00:00+07:00');
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  ctx = await createTestApp({}, { clock: () => NOW });
});
afterAll(async () => {
  await ctx.close();
});

describe('demo activities', () => {
  it('publishes past and upcoming activities with registrations, a waitlist and one certificate', async () => {
    const { db } = ctx.database;
    const drivingUnitId = await ensureDrivingUnit(db, {
      nameTh: 'หน่วยขับเคลื่อนตัวอย่างกิจกรรม',
      nameEn: 'Demo activities unit',
      kind: 'area_based',
      regionCode: 'south',
      provinceCodes: [94, 95, 96, 91, 92],
    });
    const account = (email: string, role: 'driving_unit_staff' | null = null) =>
      ensureAccount(db, {
        email,
        name: email.split('@')[0] ?? email,
        password: PASSWORD,
        role,
        ...(role ? { drivingUnitId } : {}),
      });
    const unitStaffUserId = await account('unit@activities-demo.test', 'driving_unit_staff');
    const participantUserIds = [];
    for (const name of ['applicant', 'p1', 'p2', 'p3', 'p4']) {
      participantUserIds.push(await account(`${name}@activities-demo.test`));
    }
    expect(
      await ensureDemoActivities(db, { now: NOW, unitStaffUserId, drivingUnitId, participantUserIds }),
    ).toBe('7 activities, 1 certificate(s)');

    const list = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/activities?drivingUnitId=${drivingUnitId}&from=2026-01-01`,
      })
    ).json<{ data: ActivitySummary[] }>().data;
    expect(list.map((a) => a.status)).toEqual([
      'completed',
      'completed',
      'published',
      'published',
      'published',
      'published',
    ]);
    const upcoming = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/activities?drivingUnitId=${drivingUnitId}&upcoming=true`,
      })
    ).json<{ data: ActivitySummary[] }>().data;
    expect(upcoming).toHaveLength(4);

    const applicant = new TestClient(ctx.app);
    expect((await applicant.signIn('applicant@activities-demo.test', PASSWORD)).statusCode).toBe(200);
    const mine = (await applicant.get('/api/activity-registrations/mine')).json<{ data: MyRegistration[] }>()
      .data;
    const withCertificate = mine.filter((r) => r.certificate);
    expect(withCertificate).toHaveLength(1);
    const bootcamp = list.find((a) => a.kind === 'bootcamp');
    const page = (await applicant.get(`/api/activities/${bootcamp?.id}`)).json<{ data: ActivityDetail }>()
      .data;
    expect(page.myRegistration?.status).toBe('waitlisted');
    expect(page.myRegistration?.waitlistPosition).toBe(1);
    const check = await ctx.app.inject({
      method: 'GET',
      url: `/api/activity-certificates/${withCertificate[0]?.certificate?.code}`,
    });
    expect(check.json<{ data: { status: string } }>().data.status).toBe('valid');
  });
});
