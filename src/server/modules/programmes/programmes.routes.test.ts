import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { ensureAccount } from '@server/modules/accounts/accounts.service';
import { ensureDrivingUnit } from '@server/modules/driving-units/driving-units.service';
import { auditEvents } from '@server/db/schema/index';
import type { Programme } from '@shared/contracts/reference';

let ctx: TestContext;
const PASSWORD = 'correct horse battery';

async function person(email: string, role: 'programme_officer' | null): Promise<TestClient> {
  await ensureAccount(ctx.database.db, { email, name: 'P', password: PASSWORD, role });
  const client = new TestClient(ctx.app);
  expect((await client.signIn(email, PASSWORD)).statusCode).toBe(200);
  return client;
}

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await ctx.close();
});

async function current(slug: string): Promise<Programme> {
  return (await new TestClient(ctx.app).get(`/api/programmes/${slug}`)).json<{ data: Programme }>().data;
}

describe('programmes', () => {
  it('are public, with owner, fiscal years, budget and version', async () => {
    const programme = await current('sectoral');
    expect(programme).toMatchObject({
      slug: 'sectoral',
      ownerTeam: null,
      fiscalYears: [],
      budgetSatang: null,
      version: 1,
    });
  });

  it('are edited by programme officers, with a version check and an audit entry', async () => {
    const officer = await person('officer@programmes.test', 'programme_officer');
    const applicant = await person('applicant@programmes.test', null);
    const unitId = await ensureDrivingUnit(ctx.database.db, {
      nameTh: 'หน่วยทดสอบ',
      nameEn: 'Programme test unit',
      kind: 'area_based',
      regionCode: 'north',
      provinceCodes: [50],
    });
    const before = await current('area-based');
    const body = {
      version: before.version,
      ownerTeam: 'ฝ่ายนวัตกรรมเพื่อสังคม',
      drivingUnitId: unitId,
      fiscalYears: [2570, 2569, 2570],
      budgetSatang: 5_000_000_000,
    };
    expect((await new TestClient(ctx.app).patch('/api/programmes/area-based', body)).statusCode).toBe(401);
    expect((await applicant.patch('/api/programmes/area-based', body)).statusCode).toBe(403);
    const updated = await officer.patch('/api/programmes/area-based', body);
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json<{ data: Programme }>().data).toMatchObject({
      ownerTeam: 'ฝ่ายนวัตกรรมเพื่อสังคม',
      drivingUnitId: unitId,
      fiscalYears: [2569, 2570],
      budgetSatang: 5_000_000_000,
      version: before.version + 1,
    });
    expect((await officer.patch('/api/programmes/area-based', body)).statusCode).toBe(409);
    expect(
      (
        await officer.patch('/api/programmes/area-based', {
          version: 2,
          drivingUnitId: '00000000-0000-4000-8000-000000000000',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await officer.patch('/api/programmes/area-based', { version: 2, type: 'circus' })).statusCode,
    ).toBe(400);
    expect(
      (await officer.patch('/api/programmes/area-based', { version: 2, colour: 'red' })).statusCode,
    ).toBe(400);
    expect((await officer.patch('/api/programmes/no-such', { version: 1, ownerTeam: 'x' })).statusCode).toBe(
      404,
    );
    const audit = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, before.id));
    expect(audit.map((a) => a.action)).toEqual(['programme.updated']);
    expect(audit[0]?.changes).toMatchObject({ ownerTeam: { before: null, after: 'ฝ่ายนวัตกรรมเพื่อสังคม' } });
  });
});
