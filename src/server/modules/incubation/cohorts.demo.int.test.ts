import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { ensureAccount } from '@server/modules/accounts/accounts.service';
import { ensureDrivingUnit } from '@server/modules/driving-units/driving-units.service';
import type { AssessmentResults, CohortList, MyAssessment } from '@shared/contracts/cohorts';
import { ensureDemoCohorts } from './cohorts.demo';

let ctx: TestContext;
const NOW = new Date('2026-11-27T10:00:00+07:00');
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  ctx = await createTestApp({ REQUIRE_2FA_FOR_STAFF: '0' }, { clock: () => NOW });
});
afterAll(async () => {
  await ctx.close();
});

describe('demo cohorts', () => {
  it('makes a running cohort whose members answered before and after, and the next one', async () => {
    const { db } = ctx.database;
    const drivingUnitId = await ensureDrivingUnit(db, {
      nameTh: 'หน่วยขับเคลื่อนตัวอย่าง',
      nameEn: 'Demo unit',
      kind: 'area_based',
      regionCode: 'south',
      provinceCodes: [94, 95, 96],
    });
    const unitStaffUserId = await ensureAccount(db, {
      email: 'unit@demo.test',
      name: 'unit',
      password: PASSWORD,
      role: 'driving_unit_staff',
      drivingUnitId,
    });
    const applicantUserId = await ensureAccount(db, {
      email: 'applicant@demo.test',
      name: 'applicant',
      password: PASSWORD,
      role: null,
    });
    const options = { now: NOW, unitStaffUserId, drivingUnitId, applicantUserId, password: PASSWORD };
    expect(await ensureDemoCohorts(db, options)).toBe(
      '2 cohorts; 6 participants, 5 answered before and after (5 items)',
    );
    expect(await ensureDemoCohorts(db, options)).toBe('2 cohorts already');

    const unit = new TestClient(ctx.app);
    expect((await unit.signIn('unit@demo.test', PASSWORD)).statusCode).toBe(200);
    const list = (await unit.get('/api/cohorts')).json<{ data: CohortList }>().data;
    expect(list.map((c) => [c.nameTh, c.fiscalYear, c.memberCount, c.hasQuestionnaire])).toEqual([
      ['กลุ่มบ่มเพาะนวัตกรชุมชนชายแดนใต้ รุ่นที่ 2 ปี 2570', 2570, 0, false],
      ['กลุ่มบ่มเพาะนวัตกรชุมชนชายแดนใต้ รุ่นที่ 1 ปี 2570', 2570, 7, true],
    ]);
    const running = list[1];
    const results = (await unit.get(`/api/cohorts/${running?.id}/results`)).json<{
      data: AssessmentResults;
    }>().data;
    expect(results.cohort).toMatchObject({ preCount: 7, postCount: 5, pairedCount: 5 });
    expect(results.cohort.meanChange).toBeGreaterThan(0.5);
    expect(results.cohort.improvedShare).toBeCloseTo(0.6);
    expect(results.questionnaire?.lockedAt).not.toBeNull();

    const applicant = new TestClient(ctx.app);
    expect((await applicant.signIn('applicant@demo.test', PASSWORD)).statusCode).toBe(200);
    const mine = (await applicant.get(`/api/cohorts/${running?.id}/assessment`)).json<{
      data: MyAssessment;
    }>().data;
    expect(mine.responses.pre).not.toBeNull();
    expect(mine.responses.post).toBeNull();
    expect(mine.abilities.answer).toBe(true);
    const farida = new TestClient(ctx.app);
    expect((await farida.signIn('farida@demo.si-platform.test', PASSWORD)).statusCode).toBe(200);
    expect((await farida.get('/api/cohorts')).json<{ data: CohortList }>().data[0]?.me).toEqual({
      isMember: true,
      answeredPre: true,
      answeredPost: true,
    });
  });
});
