import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { ensureAccount } from '@server/modules/accounts/accounts.service';
import type { UnitDashboard, UnitDetail, UnitRollup, UnitSummary } from '@shared/contracts/driving-units';
import { ensureDemoUnits } from './driving-units.demo';
import { ensureDrivingUnit } from './driving-units.service';

let ctx: TestContext;
const NOW = new Date('2026-11-27T10:00:00+07:00');
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  ctx = await createTestApp({ REQUIRE_2FA_FOR_STAFF: '0' }, { clock: () => NOW });
});
afterAll(async () => {
  await ctx.close();
});

async function signIn(email: string): Promise<TestClient> {
  const client = new TestClient(ctx.app);
  expect((await client.signIn(email, PASSWORD)).statusCode).toBe(200);
  return client;
}

describe('demo driving units', () => {
  it("fills the demo unit's profile and this year's targets, and adds two more units to compare", async () => {
    const { db } = ctx.database;
    const drivingUnitId = await ensureDrivingUnit(db, {
      nameTh: 'หน่วยขับเคลื่อนตัวอย่าง',
      nameEn: 'Demo unit',
      kind: 'area_based',
      regionCode: 'south',
      provinceCodes: [94, 95, 96],
    });
    const officerUserId = await ensureAccount(db, {
      email: 'officer@units-demo.test',
      name: 'officer',
      password: PASSWORD,
      role: 'programme_officer',
    });
    const unitStaffUserId = await ensureAccount(db, {
      email: 'unit@units-demo.test',
      name: 'unit',
      password: PASSWORD,
      role: 'driving_unit_staff',
      drivingUnitId,
    });
    const summary = await ensureDemoUnits(db, { now: NOW, officerUserId, drivingUnitId, unitStaffUserId });
    expect(summary).toContain('FY2570');

    const units = (await ctx.app.inject('/api/driving-units')).json<{ data: UnitSummary[] }>().data;
    expect(units).toHaveLength(3);
    expect(units.map((u) => u.kind).sort()).toEqual(['area_based', 'area_based', 'entrepreneurs_youth']);

    const page = (await ctx.app.inject(`/api/driving-units/${drivingUnitId}`)).json<{ data: UnitDetail }>()
      .data;
    expect(page.profile.hostNameTh).toContain('สงขลานครินทร์');
    expect(page.profile.descriptionTh.length).toBeGreaterThan(50);

    const staff = await signIn('unit@units-demo.test');
    const dashboard = (await staff.get(`/api/driving-units/${drivingUnitId}/dashboard`)).json<{
      data: UnitDashboard;
    }>().data;
    expect(dashboard.fiscalYear).toBe(2570);
    expect(dashboard.measures.every((m) => m.target !== null)).toBe(true);

    const officer = await signIn('officer@units-demo.test');
    const rollup = (await officer.get('/api/driving-units/rollup')).json<{ data: UnitRollup }>().data;
    expect(rollup.totals.find((m) => m.measure === 'activities_held')?.target).toBe(24 + 18 + 12);
    const lastYear = (await officer.get('/api/driving-units/rollup?fiscalYear=2569')).json<{
      data: UnitRollup;
    }>().data;
    expect(lastYear.totals.find((m) => m.measure === 'activities_held')?.target).toBe(20);
  });
});
