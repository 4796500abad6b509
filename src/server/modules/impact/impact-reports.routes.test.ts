import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
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
  logicModel,
  projectIndicator,
  setProjectPlaces,
  simpleModel,
} from '@tests/factories/impact-report';
import {
  PORTFOLIO_DIMENSIONS,
  PORTFOLIO_NO_KEY,
  type ImpactReport,
  type Portfolio,
  type PortfolioProjects,
} from '@shared/contracts/impact-report';

let ctx: TestContext;
let unitA: string;
let unitB: string;
let officer: Person;
let outsider: Person;
let staffA: Person;
let staffB: Person;
/** Unit A: logic model, library indicator L1 in people, an own indicator, evaluative v1 final + v2 draft, forecast. */
let p1: AwardedProject;
/** Unit A: L1 in people, L2 (latest), forecast v1 and v2 final. */
let p2: AwardedProject;
/** Unit A: L1 in households (another unit: never added to people), no assessment. */
let p3: AwardedProject;
/** Unit B: L1 in people, evaluative final. */
let p4: AwardedProject;
const finals: Record<string, { presentValueSatang: number; investmentSatang: number; ratio: number }> = {};

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true }).promise;
  const texts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const content = await (await pdf.getPage(n)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await pdf.destroy();
  return texts.join('\n');
}

/** The canvas maker pdf.js uses on Node (backed by its optional canvas package). */
interface CanvasFactory {
  create(
    width: number,
    height: number,
  ): {
    canvas: { width: number; height: number };
    context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
  };
}

/** Share of dark pixels of a page rendered by pdf.js: the embedded fonts and the drawing were painted. */
async function inkRatio(bytes: Buffer, pageNumber = 1): Promise<number> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true }).promise;
  const page = await pdf.getPage(pageNumber);
  const viewport = page.getViewport({ scale: 1 });
  const factory = (pdf as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
  const { canvas, context } = factory.create(viewport.width, viewport.height);
  await page.render({ canvasContext: context, canvas, viewport } as Parameters<typeof page.render>[0])
    .promise;
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if ((pixels[i + 3] ?? 0) > 0 && (pixels[i] ?? 255) < 128) {
      ink += 1;
    }
  }
  await pdf.destroy();
  return ink / (pixels.length / 4);
}

beforeAll(async () => {
  ctx = await createTestApp();
  unitA = await createDrivingUnit(ctx, [58], 'Impact unit A');
  unitB = await createDrivingUnit(ctx, [10], 'Impact unit B');
  officer = await signedIn(ctx, 'officer@impact-report.test', 'programme_officer');
  outsider = await signedIn(ctx, 'outsider@impact-report.test');
  staffA = await signedInUnitStaff(ctx, unitA);
  staffB = await signedInUnitStaff(ctx, unitB);
  p1 = await awardedProject(ctx, { officer, titleTh: 'โครงการน้ำสะอาดเพื่อชุมชน' });
  p2 = await awardedProject(ctx, { officer, titleTh: 'โครงการตลาดชุมชน' });
  p3 = await awardedProject(ctx, { officer, titleTh: 'โครงการครัวเรือนพลังงานแสงอาทิตย์' });
  p4 = await awardedProject(ctx, { officer, titleTh: 'โครงการของหน่วย ข' });
  await setProjectPlaces(ctx, p1.projectId, { drivingUnitId: unitA, provinceCodes: [58, 10], themes: [] });
  await setProjectPlaces(ctx, p2.projectId, { drivingUnitId: unitA, provinceCodes: [58], themes: [] });
  await setProjectPlaces(ctx, p3.projectId, { drivingUnitId: unitA, provinceCodes: [], themes: [] });
  await setProjectPlaces(ctx, p4.projectId, { drivingUnitId: unitB, provinceCodes: [10] });

  await logicModel(ctx, p1.projectId, [
    {
      id: 'in1',
      stage: 'input',
      textTh: 'งบประมาณและทีมช่างชุมชน',
      textEn: 'Budget and a community crew',
      links: ['a1'],
    },
    { id: 'a1', stage: 'activity', textTh: 'ติดตั้งระบบกรองน้ำ', textEn: 'Install water filters', links: ['o1'] },
    { id: 'o1', stage: 'output', textTh: 'ระบบกรองน้ำ 12 จุด', textEn: '12 filter points', links: ['u1'] },
    {
      id: 'u1',
      stage: 'user',
      textTh: 'ครัวเรือนในตำบล',
      textEn: 'Households of the subdistrict',
      links: ['oc1'],
    },
    { id: 'oc1', stage: 'outcome', textTh: 'ค่าใช้จ่ายซื้อน้ำลดลง', textEn: 'Less spent on water', links: ['im1'] },
    { id: 'im1', stage: 'impact', textTh: 'คุณภาพชีวิตดีขึ้นอย่างยั่งยืน', textEn: 'Lasting wellbeing', links: [] },
  ]);
  const l1 = await libraryIndicator(ctx);
  const l2 = await libraryIndicator(ctx, { aggregation: 'latest', unitTh: 'แห่ง' });
  const i1 = await projectIndicator(ctx, p1.projectId, {
    indicatorId: l1.id,
    code: l1.code,
    baseline: 0,
    target: 20,
    logicNodeId: 'u1',
  });
  await indicatorValue(ctx, p1.projectId, i1, '2027-03-31', 10);
  await indicatorValue(ctx, p1.projectId, i1, '2027-06-30', 5);
  await indicatorValue(ctx, p1.projectId, i1, '2027-09-30', 3, 'submitted');
  await indicatorValue(ctx, p1.projectId, i1, '2027-12-31', 50, 'queried');
  await projectIndicator(ctx, p1.projectId, { code: 'OWN-1', target: 5 });
  const i2 = await projectIndicator(ctx, p2.projectId, { indicatorId: l1.id, code: l1.code });
  await indicatorValue(ctx, p2.projectId, i2, '2027-03-31', 7);
  const i2b = await projectIndicator(ctx, p2.projectId, {
    indicatorId: l2.id,
    code: l2.code,
    aggregation: 'latest',
    unitTh: 'แห่ง',
  });
  await indicatorValue(ctx, p2.projectId, i2b, '2027-03-31', 2);
  await indicatorValue(ctx, p2.projectId, i2b, '2027-06-30', 6);
  const i3 = await projectIndicator(ctx, p3.projectId, {
    indicatorId: l1.id,
    code: l1.code,
    unitTh: 'ครัวเรือน',
    unitEn: 'households',
  });
  await indicatorValue(ctx, p3.projectId, i3, '2027-03-31', 4);
  const i4 = await projectIndicator(ctx, p4.projectId, { indicatorId: l1.id, code: l1.code });
  await indicatorValue(ctx, p4.projectId, i4, '2027-03-31', 100);

  finals.p1Evaluative = await assessment(
    ctx,
    p1.projectId,
    'evaluative',
    1,
    'final',
    simpleModel(500_000, 120, 9_000),
  );
  await assessment(ctx, p1.projectId, 'evaluative', 2, 'draft', simpleModel(500_000, 999, 9_000));
  finals.p1Forecast = await assessment(
    ctx,
    p1.projectId,
    'forecast',
    1,
    'final',
    simpleModel(500_000, 150, 9_000),
  );
  await assessment(ctx, p2.projectId, 'forecast', 1, 'final', simpleModel(300_000, 40, 5_000));
  finals.p2Forecast = await assessment(
    ctx,
    p2.projectId,
    'forecast',
    2,
    'final',
    simpleModel(300_000, 60, 5_000),
  );
  finals.p4Evaluative = await assessment(
    ctx,
    p4.projectId,
    'evaluative',
    1,
    'final',
    simpleModel(100_000, 10, 1_000),
  );
}, 120_000);
afterAll(async () => {
  await ctx.close();
});

const reportOf = async (person: Person, projectId: string, query = '') => {
  const response = await person.client.get(`/api/projects/${projectId}/impact-report${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: ImpactReport }>().data;
};

const portfolioOf = async (person: Person, query = '') => {
  const response = await person.client.get(`/api/impact/portfolio${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: Portfolio }>().data;
};

describe('GET /projects/:id/impact-report', () => {
  it('needs a session (401); hides projects the actor may not read (404); rejects bad input (400)', async () => {
    const anonymous = new TestClient(ctx.app);
    expect((await anonymous.get(`/api/projects/${p1.projectId}/impact-report`)).statusCode).toBe(401);
    expect((await anonymous.get(`/api/projects/${p1.projectId}/impact-report.pdf`)).statusCode).toBe(401);
    expect((await outsider.client.get(`/api/projects/${p1.projectId}/impact-report`)).statusCode).toBe(404);
    expect((await staffB.client.get(`/api/projects/${p1.projectId}/impact-report`)).statusCode).toBe(404);
    expect((await staffB.client.get(`/api/projects/${p1.projectId}/impact-report.pdf`)).statusCode).toBe(404);
    expect((await p4.owner.client.get(`/api/projects/${p1.projectId}/impact-report`)).statusCode).toBe(404);
    expect(
      (await officer.client.get('/api/projects/00000000-0000-4000-8000-000000000000/impact-report'))
        .statusCode,
    ).toBe(404);
    expect((await officer.client.get('/api/projects/not-a-uuid/impact-report')).statusCode).toBe(400);
    expect((await officer.client.get(`/api/projects/${p1.projectId}/impact-report?lang=fr`)).statusCode).toBe(
      400,
    );
    expect((await officer.client.get(`/api/projects/${p1.projectId}/impact-report?x=1`)).statusCode).toBe(
      400,
    );
  });

  it('reports the logic model, indicators with verification, and the latest FINAL assessment of each kind', async () => {
    const report = await reportOf(p1.owner, p1.projectId);
    expect(report.project.titleTh).toBe('โครงการน้ำสะอาดเพื่อชุมชน');
    expect(report.logicModel.nodes.map((n) => n.stage)).toEqual([
      'input',
      'activity',
      'output',
      'user',
      'outcome',
      'impact',
    ]);
    const library = report.indicators.find((i) => i.isLibrary);
    const own = report.indicators.find((i) => i.code === 'OWN-1');
    // actual = every value not queried (10 + 5 + 3); verified ones apart (10 + 5)
    expect(library).toMatchObject({
      isLibrary: true,
      baseline: 0,
      target: 20,
      actual: 18,
      verifiedActual: 15,
      counts: { verified: 2, submitted: 1, queried: 1 },
      verifiedShare: 0.5,
      logicNodeId: 'u1',
    });
    expect(library?.values).toHaveLength(4);
    expect(own).toMatchObject({ isLibrary: false, actual: null, verifiedShare: null, target: 5 });

    const { evaluative, forecast, drafts } = report.sroi;
    expect(evaluative?.versionNo).toBe(1);
    expect(evaluative?.status).toBe('final');
    expect(forecast?.versionNo).toBe(1);
    expect(drafts).toEqual([expect.objectContaining({ kind: 'evaluative', versionNo: 2 })]);
    // the same staff member of the supervising unit and the officer see the same report
    expect((await reportOf(staffA, p1.projectId)).sroi.evaluative?.id).toBe(evaluative?.id);
    expect((await reportOf(officer, p1.projectId)).indicators).toHaveLength(2);
  });

  it('keeps the gross and net ratios apart and consistent with the value map', async () => {
    const evaluative = (await reportOf(officer, p1.projectId)).sroi.evaluative;
    expect(evaluative).not.toBeNull();
    if (!evaluative) {
      return;
    }
    expect(evaluative.convention).toBe('svi-2012');
    expect(evaluative.ratio).toBeCloseTo(
      evaluative.presentValueSatang / evaluative.investmentPresentValueSatang,
      4,
    );
    expect(evaluative.netRatio).toBeCloseTo(evaluative.ratio - 1, 9);
    expect(evaluative.ratioDisplay.th.startsWith('1 : ')).toBe(true);
    expect(evaluative.ratioDisplay.uk.endsWith(' : 1')).toBe(true);
    const sum = evaluative.valueMap.reduce((s, r) => s + r.presentValueSatang, 0);
    expect(Math.abs(sum - evaluative.presentValueSatang)).toBeLessThanOrEqual(evaluative.valueMap.length);
    expect(evaluative.valueMap[0]).toMatchObject({
      stakeholder: 'เกษตรกรในชุมชน',
      proxySource: 'สำนักงานสถิติแห่งชาติ',
      deadweight: 0.2,
      attribution: 0.25,
      duration: 3,
    });
    expect(evaluative.sensitivity.change).toBe(0.2);
    expect(evaluative.sensitivity.rows.length).toBeGreaterThanOrEqual(10);
    expect(evaluative.switchingValues.proxyMultiplier).toBeCloseTo(1 / evaluative.ratio, 6);
    expect(evaluative.paybackMonths).toBeGreaterThan(0);
  });

  it('says when there is no final assessment', async () => {
    const report = await reportOf(officer, p3.projectId);
    expect(report.sroi).toEqual({ forecast: null, evaluative: null, drafts: [] });
    expect(report.logicModel).toEqual({ nodes: [], updatedAt: null });
  });
});

describe('GET /projects/:id/impact-report.pdf', () => {
  it('renders Thai that draws and extracts as typed, with the logic model, indicators and SROI', async () => {
    const response = await p1.owner.client.get(`/api/projects/${p1.projectId}/impact-report.pdf?lang=th`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const bytes = response.rawPayload;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(bytes)).replaceAll('\u200B', '');
    for (const phrase of [
      'รายงานผลกระทบทางสังคม',
      'โครงการน้ำสะอาดเพื่อชุมชน',
      'ปัจจัยนำเข้า',
      'ผู้ใช้ประโยชน์',
      'ติดตั้งระบบกรองน้ำ',
      'ตรวจสอบแล้ว 2 จาก 4 ค่า',
      'การประเมินหลังดำเนินการ',
      'svi-2012',
      'อัตราส่วน SROI สุทธิ',
      'การวิเคราะห์ความอ่อนไหว',
      'สำนักงานสถิติแห่งชาติ',
      'ค่าใช้จ่ายซื้อน้ำลดลง',
    ]) {
      expect(text.replace(/\s+/g, ''), phrase).toContain(phrase.replace(/\s+/g, ''));
    }
    // the Thai ratio order "1 : X"
    const ratio = (await reportOf(officer, p1.projectId)).sroi.evaluative?.ratioDisplay.th ?? '';
    expect(text.replace(/\s+/g, '')).toContain(ratio.replace(/\s+/g, ''));
    expect(await inkRatio(bytes)).toBeGreaterThan(0.005);
  });

  it('renders English, and a project without records says so', async () => {
    const english = await officer.client.get(`/api/projects/${p1.projectId}/impact-report.pdf?lang=en`);
    expect(english.statusCode).toBe(200);
    const text = await pdfText(english.rawPayload);
    expect(text).toContain('Social impact report');
    expect(text).toContain('Net SROI ratio');
    expect(text).toContain('Install water filters');
    const empty = await officer.client.get(`/api/projects/${p3.projectId}/impact-report.pdf?lang=th`);
    expect(empty.statusCode).toBe(200);
    expect((await pdfText(empty.rawPayload)).replace(/\s+/g, '')).toContain('ยังไม่มีผลการประเมินฉบับสมบูรณ์');
    expect(
      (await officer.client.get(`/api/projects/${p1.projectId}/impact-report.pdf?lang=xx`)).statusCode,
    ).toBe(400);
  });
});

describe('GET /impact/portfolio', () => {
  it('needs a session (401), staff (403) and a known grouping (400)', async () => {
    expect((await new TestClient(ctx.app).get('/api/impact/portfolio')).statusCode).toBe(401);
    expect((await outsider.client.get('/api/impact/portfolio')).statusCode).toBe(403);
    expect((await p1.owner.client.get('/api/impact/portfolio')).statusCode).toBe(403);
    expect((await officer.client.get('/api/impact/portfolio?by=colour')).statusCode).toBe(400);
    expect((await officer.client.get('/api/impact/portfolio?fiscalYear=abc')).statusCode).toBe(400);
    expect((await officer.client.get('/api/impact/portfolio?programmeId=x')).statusCode).toBe(400);
  });

  it('portfolio SROI = Σ PV ÷ Σ investment of the latest final assessments, marked aggregated', async () => {
    const view = await portfolioOf(officer, `?by=driving_unit&drivingUnitId=${unitA}`);
    expect(view.groups).toHaveLength(1);
    const { totals } = view;
    expect(totals.projectCount).toBe(3);
    expect(totals.projectsWithIndicators).toBe(3);
    const pv = (finals.p1Evaluative?.presentValueSatang ?? 0) + (finals.p2Forecast?.presentValueSatang ?? 0);
    const inv = (finals.p1Evaluative?.investmentSatang ?? 0) + (finals.p2Forecast?.investmentSatang ?? 0);
    expect(totals.sroi).toEqual({
      aggregated: true,
      assessmentCount: 2,
      evaluativeCount: 1,
      forecastCount: 1,
      presentValueSatang: pv,
      investmentSatang: inv,
      ratio: pv / inv,
    });
    // not the mean of the ratios
    const meanOfRatios = ((finals.p1Evaluative?.ratio ?? 0) + (finals.p2Forecast?.ratio ?? 0)) / 2;
    expect(totals.sroi.ratio).not.toBeCloseTo(meanOfRatios, 6);
    expect(view.groups[0]?.sroi).toEqual(totals.sroi);
    // values: p1 has 4 (2 verified), p2 3 (3), p3 1 (1)
    expect(totals.valueCount).toBe(8);
    expect(totals.verifiedCount).toBe(6);
  });

  it('adds indicator values only with the same library code and unit, verified values only', async () => {
    const { totals } = await portfolioOf(staffA);
    const people = totals.indicators.filter((i) => i.unitTh === 'คน');
    const households = totals.indicators.filter((i) => i.unitTh === 'ครัวเรือน');
    // p1 verified 10 + 5, p2 7 (the unit B project's 100 is not in unit A's portfolio)
    expect(people).toEqual([expect.objectContaining({ value: 22, projectCount: 2, aggregation: 'sum' })]);
    expect(households).toEqual([expect.objectContaining({ value: 4, projectCount: 1 })]);
    expect(people[0]?.code).toBe(households[0]?.code);
    // latest: the latest verified value of each project
    expect(totals.indicators.find((i) => i.unitTh === 'แห่ง')).toMatchObject({
      value: 6,
      aggregation: 'latest',
    });
    // the project's own indicator is never summed
    expect(totals.indicators.some((i) => i.code === 'OWN-1')).toBe(false);
  });

  it("scopes unit staff to their unit's projects in SQL; a unit filter never widens it", async () => {
    const own = await portfolioOf(staffA, `?drivingUnitId=${unitB}`);
    expect(own.drivingUnitId).toBe(unitA);
    expect(own.totals.projectCount).toBe(3);
    const b = await portfolioOf(staffB);
    expect(b.totals.projectCount).toBe(1);
    expect(b.totals.sroi.presentValueSatang).toBe(finals.p4Evaluative?.presentValueSatang);
    expect(b.totals.indicators).toEqual([expect.objectContaining({ value: 100 })]);
    // the officer's national roll-up holds both units
    const all = await portfolioOf(officer, '?by=driving_unit');
    const keys = all.groups.map((g) => g.key);
    expect(keys).toEqual(expect.arrayContaining([unitA, unitB]));
    expect(all.countsInSeveral).toBe(false);
  });

  it('counts a project in each of its provinces; the totals count it once; filters by fiscal year', async () => {
    const view = await portfolioOf(staffA, '?by=province');
    expect(view.countsInSeveral).toBe(true);
    const count = (key: string | null) => view.groups.find((g) => g.key === key)?.projectCount;
    expect(count('58')).toBe(2);
    expect(count('10')).toBe(1);
    expect(count(null)).toBe(1);
    expect(view.groups.find((g) => g.key === '58')?.nameTh).not.toBe('');
    expect(view.totals.projectCount).toBe(3);
    expect(view.options.fiscalYears).toContain(p1.project.fiscalYear);
    const same = await portfolioOf(staffA, `?by=theme&fiscalYear=${p1.project.fiscalYear}`);
    expect(same.totals.projectCount).toBe(3);
    expect(same.groups).toEqual([expect.objectContaining({ key: null, projectCount: 3 })]);
    const none = await portfolioOf(staffA, `?fiscalYear=${p1.project.fiscalYear + 5}`);
    expect(none.groups).toEqual([]);
    expect(none.totals.projectCount).toBe(0);
    expect(none.totals.sroi.ratio).toBeNull();
  });
});

const groupProjectsOf = async (person: Person, query: string) => {
  const response = await person.client.get(`/api/impact/portfolio/projects?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: PortfolioProjects }>().data;
};

describe('GET /impact/portfolio/projects', () => {
  it('needs a session (401), staff (403), a known grouping and a key of that grouping (400)', async () => {
    const ok = `by=driving_unit&key=${unitA}`;
    expect((await new TestClient(ctx.app).get(`/api/impact/portfolio/projects?${ok}`)).statusCode).toBe(401);
    expect((await outsider.client.get(`/api/impact/portfolio/projects?${ok}`)).statusCode).toBe(403);
    expect((await p1.owner.client.get(`/api/impact/portfolio/projects?${ok}`)).statusCode).toBe(403);
    for (const bad of [
      'by=colour&key=none',
      'by=programme',
      'by=programme&key=',
      'by=programme&key=abc',
      'by=driving_unit&key=58',
      'by=province&key=abc',
      'by=province&key=0',
      `by=province&key=${unitA}`,
      'by=theme&key=colour',
      `by=driving_unit&key=${unitA}&fiscalYear=abc`,
      `by=driving_unit&key=${unitA}&colour=red`,
    ]) {
      const response = await officer.client.get(`/api/impact/portfolio/projects?${bad}`);
      expect(response.statusCode, bad).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it("lists exactly each group's projects: its count and figures agree with the group's", async () => {
    for (const person of [officer, staffA, staffB]) {
      for (const by of PORTFOLIO_DIMENSIONS) {
        const view = await portfolioOf(person, `?by=${by}`);
        for (const group of view.groups) {
          const key = encodeURIComponent(group.key ?? PORTFOLIO_NO_KEY);
          const list = await groupProjectsOf(person, `by=${by}&key=${key}`);
          const where = `${person.email} ${by} ${group.key}`;
          expect(list.total, where).toBe(group.projectCount);
          expect(list.projects, where).toHaveLength(group.projectCount);
          expect(new Set(list.projects.map((p) => p.id)).size, where).toBe(group.projectCount);
          expect(list.projects.filter((p) => p.hasIndicators).length, where).toBe(
            group.projectsWithIndicators,
          );
          const sum = (f: (p: PortfolioProjects['projects'][number]) => number) =>
            list.projects.reduce((acc, p) => acc + f(p), 0);
          expect(sum((p) => p.valueCount)).toBe(group.valueCount);
          expect(sum((p) => p.verifiedCount)).toBe(group.verifiedCount);
          expect(sum((p) => p.sroi?.presentValueSatang ?? 0)).toBe(group.sroi.presentValueSatang);
          expect(sum((p) => p.sroi?.investmentSatang ?? 0)).toBe(group.sroi.investmentSatang);
          expect(list.projects.filter((p) => p.sroi?.kind === 'evaluative').length).toBe(
            group.sroi.evaluativeCount,
          );
          expect(list.projects.filter((p) => p.sroi?.kind === 'forecast').length).toBe(
            group.sroi.forecastCount,
          );
        }
      }
    }
  });

  it('gives each project its titles, status and the assessment counted for it (evaluative preferred)', async () => {
    const list = await groupProjectsOf(staffA, 'by=province&key=58');
    expect(list.projects.map((p) => p.id).sort()).toEqual([p1.projectId, p2.projectId].sort());
    const one = list.projects.find((p) => p.id === p1.projectId);
    expect(one).toMatchObject({
      agreementNumber: p1.project.agreementNumber,
      titleTh: 'โครงการน้ำสะอาดเพื่อชุมชน',
      hasIndicators: true,
      valueCount: 4,
      verifiedCount: 2,
      verifiedShare: 0.5,
      sroi: {
        kind: 'evaluative',
        versionNo: 1,
        presentValueSatang: finals.p1Evaluative?.presentValueSatang,
        investmentSatang: finals.p1Evaluative?.investmentSatang,
      },
    });
    expect(one?.sroi?.ratio).toBeCloseTo(finals.p1Evaluative?.ratio ?? 0, 6);
    expect(list.projects.find((p) => p.id === p2.projectId)?.sroi).toMatchObject({
      kind: 'forecast',
      versionNo: 2,
    });
    const without = await groupProjectsOf(staffA, `by=province&key=${PORTFOLIO_NO_KEY}`);
    expect(without.key).toBeNull();
    expect(without.projects).toEqual([
      expect.objectContaining({ id: p3.projectId, sroi: null, verifiedShare: 1 }),
    ]);
  });

  it("never lists another unit's projects to unit staff, whatever unit or key they ask for", async () => {
    const other = await groupProjectsOf(staffA, `by=driving_unit&key=${unitB}`);
    expect(other.total).toBe(0);
    expect(other.projects).toEqual([]);
    const forged = await groupProjectsOf(staffA, `by=driving_unit&key=${unitB}&drivingUnitId=${unitB}`);
    expect(forged.drivingUnitId).toBe(unitA);
    expect(forged.total).toBe(0);
    // province 10 holds p1 (unit A) and p4 (unit B): unit A's staff see p1 only, the officer both
    const shared = await groupProjectsOf(staffA, `by=province&key=10&drivingUnitId=${unitB}`);
    expect(shared.projects.map((p) => p.id)).toEqual([p1.projectId]);
    const b = await groupProjectsOf(staffB, 'by=province&key=10');
    expect(b.projects.map((p) => p.id)).toEqual([p4.projectId]);
    const all = await groupProjectsOf(officer, 'by=province&key=10');
    expect(all.projects.map((p) => p.id).sort()).toEqual([p1.projectId, p4.projectId].sort());
    // the officer's unit filter narrows
    const narrowed = await groupProjectsOf(officer, `by=province&key=10&drivingUnitId=${unitB}`);
    expect(narrowed.projects.map((p) => p.id)).toEqual([p4.projectId]);
    // filters as the portfolio's: another fiscal year lists nothing
    const none = await groupProjectsOf(
      officer,
      `by=driving_unit&key=${unitA}&fiscalYear=${p1.project.fiscalYear + 5}`,
    );
    expect(none.total).toBe(0);
  });
});
