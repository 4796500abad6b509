import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { signedIn, type Person } from '@tests/factories/people';
import {
  awardedProject,
  createDrivingUnit,
  signedInUnitStaff,
  type AwardedProject,
} from '@tests/factories/projects';
import {
  assessment,
  indicatorValue,
  libraryIndicator,
  projectIndicator,
  setProjectPlaces,
  simpleModel,
} from '@tests/factories/impact-report';
import { insertInnovation } from '@tests/factories/diffusion';
import { adoptions, impactIndicators, projects } from '@server/db/schema/index';
import type {
  DashboardOptions,
  Disbursement,
  Outcomes,
  Pipeline,
  PublicImpact,
  SrlProgression,
  UnitTargets,
} from '@shared/contracts/dashboards';

let ctx: TestContext;
let unitA: string;
let unitB: string;
let officer: Person;
let outsider: Person;
let staffA: Person;
let staffB: Person;
/** Unit A: 1,000,000 baht, themes health + tourism, SRL 3 → innovation at 5 (published) with two adoptions. */
let p1: AwardedProject;
/** Unit B: 400,000 baht, theme health, SRL 2 → draft innovation at 9. */
let p2: AwardedProject;

/** The test database has no districts loaded. */
const noArea = { originDistrictCode: null, originSubdistrictCode: null };

const ENDPOINTS = ['options', 'pipeline', 'disbursement', 'outcomes', 'srl', 'unit-targets'] as const;

async function getData<T>(client: TestClient, path: string): Promise<T> {
  const response = await client.get(path);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: T }>().data;
}

function adoption(innovationId: string, status: string, adopterName: string) {
  return {
    innovationId,
    provinceCode: 57,
    adopterName,
    adopterType: 'local_government',
    status,
    statusOn: '2027-01-10',
    interestedOn: '2026-12-20',
  };
}

beforeAll(async () => {
  ctx = await createTestApp();
  const { db } = ctx.database;
  unitA = await createDrivingUnit(ctx, [58], 'Dashboard unit A');
  unitB = await createDrivingUnit(ctx, [10], 'Dashboard unit B');
  officer = await signedIn(ctx, 'officer@dashboards.test', 'programme_officer');
  outsider = await signedIn(ctx, 'outsider@dashboards.test');
  staffA = await signedInUnitStaff(ctx, unitA);
  staffB = await signedInUnitStaff(ctx, unitB);
  p1 = await awardedProject(ctx, { officer, awardSatang: 100_000_000, titleTh: 'โครงการลับเฉพาะหน่วยเอ' });
  p2 = await awardedProject(ctx, { officer, awardSatang: 40_000_000, titleTh: 'โครงการลับเฉพาะหน่วยบี' });
  await setProjectPlaces(ctx, p1.projectId, {
    drivingUnitId: unitA,
    provinceCodes: [58],
    themes: ['health', 'tourism_culture'],
  });
  await setProjectPlaces(ctx, p2.projectId, {
    drivingUnitId: unitB,
    provinceCodes: [10],
    themes: ['health'],
  });
  await db.update(projects).set({ srlStart: 3 }).where(eq(projects.id, p1.projectId));
  await db.update(projects).set({ srlStart: 2 }).where(eq(projects.id, p2.projectId));

  // outcomes: a verified value of a library indicator serving SDG 1.2 and 10.1, and a final SROI, in p1
  const indicator = await libraryIndicator(ctx);
  await db
    .update(impactIndicators)
    .set({ sdgTargets: ['1.2', '10.1'] })
    .where(eq(impactIndicators.id, indicator.id));
  const pi = await projectIndicator(ctx, p1.projectId, { indicatorId: indicator.id, code: indicator.code });
  await indicatorValue(ctx, p1.projectId, pi, '2027-03-31', 120);
  await indicatorValue(ctx, p1.projectId, pi, '2027-06-30', 30, 'submitted');
  await assessment(ctx, p1.projectId, 'evaluative', 1, 'final', simpleModel(100_000, 10, 30_000));
  // p2: a value not yet verified, which counts nowhere in the public figures
  const pi2 = await projectIndicator(ctx, p2.projectId, { indicatorId: indicator.id, code: indicator.code });
  await indicatorValue(ctx, p2.projectId, pi2, '2027-03-31', 999, 'submitted');

  const published = await insertInnovation(ctx, {
    projectId: p1.projectId,
    drivingUnitId: unitA,
    srl: 5,
    ...noArea,
  });
  await insertInnovation(ctx, {
    projectId: p2.projectId,
    drivingUnitId: unitB,
    srl: 9,
    status: 'draft',
    publishedAt: null,
    titleTh: 'ผลงานฉบับร่างที่ยังไม่เผยแพร่',
    ...noArea,
  });
  await db
    .insert(adoptions)
    .values([
      adoption(published, 'adopted', 'นายผู้รับไปใช้ ทดสอบ'),
      adoption(published, 'interested', 'องค์การบริหารส่วนตำบลทดสอบ'),
    ]);
}, 240_000);

afterAll(async () => {
  await ctx.close();
});

describe('GET /api/dashboards/*', () => {
  it('needs a session (401) and an officer or a unit’s staff (403)', async () => {
    const anonymous = new TestClient(ctx.app);
    for (const name of ENDPOINTS) {
      expect((await anonymous.get(`/api/dashboards/${name}`)).statusCode).toBe(401);
      const response = await outsider.client.get(`/api/dashboards/${name}`);
      expect(response.statusCode, name).toBe(403);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('FORBIDDEN');
    }
  });

  it('answers 400 naming the field for a bad filter', async () => {
    for (const query of [
      'fiscalYear=abc',
      'fiscalYear=1999',
      'programmeId=x',
      'drivingUnitId=1',
      'extra=1',
    ]) {
      const response = await officer.client.get(`/api/dashboards/pipeline?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    }
    const response = await officer.client.get('/api/dashboards/disbursement?fiscalYear=abc');
    expect(response.body).toContain('fiscalYear');
  });

  it('counts the pipeline for officers, one unit by filter', async () => {
    const all = await getData<Pipeline>(officer.client, '/api/dashboards/pipeline');
    const count = (p: Pipeline, stage: string) => p.stages.find((s) => s.stage === stage);
    expect(all.scope).toMatchObject({ drivingUnitId: null, isUnitScope: false });
    expect(count(all, 'calls')?.count).toBe(2);
    expect(count(all, 'proposals')?.count).toBe(2);
    expect(count(all, 'awards')).toEqual({ stage: 'awards', count: 2, detail: 2 });
    expect(count(all, 'projects')?.count).toBe(2);
    expect(count(all, 'innovations')).toEqual({ stage: 'innovations', count: 2, detail: 1 });
    expect(count(all, 'adoptions')).toEqual({ stage: 'adoptions', count: 2, detail: 1 });
    expect(all.awardedSatang).toBe(140_000_000);

    const b = await getData<Pipeline>(officer.client, `/api/dashboards/pipeline?drivingUnitId=${unitB}`);
    expect(b.scope.drivingUnitId).toBe(unitB);
    expect(count(b, 'projects')?.count).toBe(1);
    expect(count(b, 'innovations')).toEqual({ stage: 'innovations', count: 1, detail: 0 });
    expect(count(b, 'adoptions')?.count).toBe(0);
    expect(b.awardedSatang).toBe(40_000_000);

    const none = await getData<Pipeline>(officer.client, '/api/dashboards/pipeline?fiscalYear=2550');
    expect(none.stages.every((s) => s.count === 0)).toBe(true);
  });

  it('keeps a unit’s staff to their unit, in SQL, whatever they ask for', async () => {
    const mine = await getData<Pipeline>(staffA.client, `/api/dashboards/pipeline?drivingUnitId=${unitB}`);
    expect(mine.scope).toMatchObject({ drivingUnitId: unitA, isUnitScope: true });
    expect(mine.stages.find((s) => s.stage === 'projects')?.count).toBe(1);
    expect(mine.stages.find((s) => s.stage === 'adoptions')?.count).toBe(2);
    expect(mine.awardedSatang).toBe(100_000_000);

    const money = await getData<Disbursement>(
      staffB.client,
      `/api/dashboards/disbursement?drivingUnitId=${unitA}`,
    );
    expect(money.scope.drivingUnitId).toBe(unitB);
    expect(money.totals).toMatchObject({ projectCount: 1, awardedSatang: 40_000_000, paidSatang: 0 });
    expect(money.totals.waitingSatang).toBe(40_000_000);

    const options = await getData<DashboardOptions>(staffA.client, '/api/dashboards/options');
    expect(options.drivingUnits.map((u) => u.id)).toEqual([unitA]);
    const officerOptions = await getData<DashboardOptions>(officer.client, '/api/dashboards/options');
    expect(officerOptions.drivingUnits.map((u) => u.id)).toEqual(expect.arrayContaining([unitA, unitB]));
    expect(officerOptions.fiscalYears.length).toBeGreaterThan(0);

    const targets = await getData<UnitTargets>(
      staffA.client,
      `/api/dashboards/unit-targets?drivingUnitId=${unitB}`,
    );
    expect(targets.units.map((u) => u.id)).toEqual([unitA]);
    const allTargets = await getData<UnitTargets>(officer.client, '/api/dashboards/unit-targets');
    expect(allTargets.units.map((u) => u.id)).toEqual(expect.arrayContaining([unitA, unitB]));
    expect(allTargets.totals.length).toBe(allTargets.units[0]?.measures.length);
  });

  it('sums disbursement per fiscal year of the award', async () => {
    const money = await getData<Disbursement>(officer.client, '/api/dashboards/disbursement');
    expect(money.years).toHaveLength(1);
    expect(money.years[0]).toMatchObject({
      fiscalYear: p1.project.fiscalYear,
      projectCount: 2,
      awardedSatang: 140_000_000,
      paidSatang: 0,
      withheldSatang: 0,
      waitingSatang: 140_000_000,
    });
  });

  it('gives outcomes by theme and SDG from verified values and final assessments only', async () => {
    const outcomes = await getData<Outcomes>(officer.client, '/api/dashboards/outcomes');
    const health = outcomes.byTheme.find((g) => g.key === 'health');
    expect(health).toMatchObject({ projectCount: 2, valueCount: 3, verifiedCount: 1, sroiCount: 1 });
    expect(outcomes.byTheme.find((g) => g.key === 'tourism_culture')?.projectCount).toBe(1);
    expect(outcomes.bySdg.map((s) => s.sdg)).toEqual([1, 10]);
    expect(outcomes.bySdg[0]).toMatchObject({ projectCount: 1, verifiedCount: 1, sroiCount: 1 });
    expect(outcomes.totals).toMatchObject({ projectCount: 2, verifiedCount: 1, sroiCount: 1 });

    const b = await getData<Outcomes>(staffB.client, '/api/dashboards/outcomes');
    expect(b.bySdg).toEqual([]);
    expect(b.totals).toMatchObject({ projectCount: 1, verifiedCount: 0, sroiCount: 0 });
  });

  it('shows SRL progression from the start to the innovation’s level now', async () => {
    const srl = await getData<SrlProgression>(officer.client, '/api/dashboards/srl');
    expect(srl).toMatchObject({
      projectCount: 2,
      assessedCount: 2,
      raisedCount: 2,
      sameCount: 0,
      loweredCount: 0,
    });
    expect(srl.moves).toEqual([
      { from: 2, to: 9, count: 1 },
      { from: 3, to: 5, count: 1 },
    ]);
    expect(srl.meanGain).toBe(4.5);
    expect(srl.levels.find((l) => l.srl === 3)).toEqual({ srl: 3, atStart: 1, now: 0 });
    const a = await getData<SrlProgression>(staffA.client, '/api/dashboards/srl');
    expect(a.moves).toEqual([{ from: 3, to: 5, count: 1 }]);
  });
});

describe('GET /api/public/impact', () => {
  it('gives aggregates to anyone, without names, drafts or unverified values', async () => {
    const response = await new TestClient(ctx.app).get('/api/public/impact');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toContain('max-age');
    const data = response.json<{ data: PublicImpact }>().data;
    expect(data.totals).toMatchObject({
      fundedSatang: 140_000_000,
      projects: 2,
      closedProjects: 0,
      innovations: 1,
      adoptions: 2,
      adoptedSites: 1,
    });
    // 58 and 10 (projects) and 57 (adoptions)
    expect(data.totals.provincesReached).toBe(3);
    const year = data.fundingByYear[0];
    expect(year?.fundedSatang).toBe(140_000_000);
    // p1 split evenly over two themes, p2 all health
    expect(year?.byTheme).toEqual(
      expect.arrayContaining([
        { theme: 'health', fundedSatang: 90_000_000 },
        { theme: 'tourism_culture', fundedSatang: 50_000_000 },
      ]),
    );
    expect(data.innovationsBySrl).toEqual([{ srl: 5, count: 1 }]);
    expect(data.outcomes).toHaveLength(1);
    expect(data.outcomes[0]?.value).toBe(120);
    expect(data.sroiByProgramme.reduce((s, g) => s + g.assessmentCount, 0)).toBe(1);
    for (const secret of [
      'โครงการลับเฉพาะหน่วย',
      'ผลงานฉบับร่าง',
      'นายผู้รับไปใช้',
      '@',
      p1.projectId,
      p1.organisationId,
      p1.owner.userId,
    ]) {
      expect(response.body).not.toContain(secret);
    }
  });

  it('filters by fiscal year and refuses a bad one with 400', async () => {
    const none = await getData<PublicImpact>(new TestClient(ctx.app), '/api/public/impact?fiscalYear=2550');
    expect(none.totals).toMatchObject({ projects: 0, fundedSatang: 0, innovations: 0, adoptions: 0 });
    const response = await new TestClient(ctx.app).get('/api/public/impact?fiscalYear=soon');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('fiscalYear');
  });
});
