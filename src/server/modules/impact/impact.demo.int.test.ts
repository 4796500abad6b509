import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { ensureAccount } from '@server/modules/accounts/accounts.service';
import { ensureDemoCalls } from '@server/modules/calls/calls.demo';
import { ensureDemoReviewRound } from '@server/modules/decisions/decisions.demo';
import { ensureDrivingUnit } from '@server/modules/driving-units/driving-units.service';
import { ensureDemoProjects } from '@server/modules/projects/projects.demo';
import type { PlatformRole } from '@shared/contracts/identity';
import type { ImpactReport, Portfolio } from '@shared/contracts/impact-report';
import { ensureDemoImpact } from './impact.demo';

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

describe('demo impact', () => {
  it('gives the running demo project a logic model, verified actuals and final SROI; once', async () => {
    const { db } = ctx.database;
    const officerUserId = await account('officer@demo-impact.test', 'programme_officer');
    expect(await ensureDemoImpact(db, { now: NOW, officerUserId })).toBe('no active project');

    const drivingUnitId = await ensureDrivingUnit(db, {
      nameTh: 'หน่วยขับเคลื่อนตัวอย่าง',
      nameEn: 'Demo unit',
      kind: 'area_based',
      regionCode: 'south',
      provinceCodes: [94, 95, 96],
    });
    await ensureDemoCalls(db, { now: NOW, partnerUserId: null });
    const applicantUserId = await account('applicant@demo-impact.test', null);
    await account('unit@demo-impact.test', 'driving_unit_staff', drivingUnitId);
    const reviewerUserIds = [
      await account('reviewer1@demo-impact.test', 'reviewer'),
      await account('reviewer2@demo-impact.test', 'reviewer'),
    ];
    await ensureDemoReviewRound(db, { now: NOW, officerUserId, applicantUserId, reviewerUserIds });
    await ensureDemoProjects(db, { now: NOW, officerUserId, applicantUserId, drivingUnitId });

    const options = { now: NOW, officerUserId, applicantUserId };
    const started = Date.now();
    expect(await ensureDemoImpact(db, options)).toBe(
      'SI-2569-0001: logic model, 3 indicators with actuals, final forecast and evaluative SROI',
    );
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await ensureDemoImpact(db, options)).toBe('SI-2569-0001 already has impact records');

    const officer = new TestClient(ctx.app);
    expect((await officer.signIn('officer@demo-impact.test', PASSWORD)).statusCode).toBe(200);
    const projectId = (await officer.get('/api/projects?q=SI-2569-0001')).json<{
      data: Array<{ id: string }>;
    }>().data[0]?.id;
    const report = (await officer.get(`/api/projects/${projectId}/impact-report`)).json<{
      data: ImpactReport;
    }>().data;
    expect(report.logicModel.nodes).toHaveLength(12);
    expect(new Set(report.logicModel.nodes.map((n) => n.stage)).size).toBe(6);
    // every link leads to a box that exists
    const ids = new Set(report.logicModel.nodes.map((n) => n.id));
    expect(report.logicModel.nodes.flatMap((n) => n.links).every((id) => ids.has(id))).toBe(true);
    expect(report.indicators.map((i) => [i.code, i.isLibrary])).toEqual([
      ['REA-01', true],
      ['JOB-01', true],
      ['INC-01', true],
    ]);
    expect(report.indicators.map((i) => i.counts)).toEqual([
      { verified: 1, submitted: 0, queried: 0 },
      { verified: 1, submitted: 0, queried: 0 },
      { verified: 1, submitted: 1, queried: 0 },
    ]);
    const { evaluative, forecast } = report.sroi;
    expect(evaluative?.status).toBe('final');
    expect(forecast?.status).toBe('final');
    expect(evaluative?.ratio).toBeGreaterThan(1);
    expect(evaluative?.ratio).toBeLessThan(10);
    expect(evaluative?.valueMap.map((r) => r.proxySource).every(Boolean)).toBe(true);

    const pdf = await officer.get(`/api/projects/${projectId}/impact-report.pdf?lang=th`);
    expect(pdf.statusCode).toBe(200);

    // the unit's staff find it in their portfolio, with the evaluative assessment preferred
    const unit = new TestClient(ctx.app);
    expect((await unit.signIn('unit@demo-impact.test', PASSWORD)).statusCode).toBe(200);
    const portfolio = (await unit.get('/api/impact/portfolio?by=programme')).json<{ data: Portfolio }>().data;
    expect(portfolio.totals.sroi).toMatchObject({
      aggregated: true,
      assessmentCount: 1,
      evaluativeCount: 1,
      presentValueSatang: evaluative?.presentValueSatang,
    });
    expect(portfolio.totals.indicators.map((i) => i.code)).toEqual(['INC-01', 'JOB-01', 'REA-01']);
  });
});
