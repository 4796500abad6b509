import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
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
import { setProjectPlaces } from '@tests/factories/impact-report';
import { insertInnovation } from '@tests/factories/diffusion';
import { adoptions, innovationNeeds, proposals } from '@server/db/schema/index';
import type { Job } from '@shared/contracts/jobs';
import type { PolicyReport } from '@shared/contracts/insights';

let ctx: TestContext;
let officer: Person;
let outsider: Person;
let staffA: Person;
let staffB: Person;
/** Unit A, province 58 (north), food–water–energy: asked 600 000 baht, awarded 600 000 baht. */
let p1: AwardedProject;
/** Unit B, province 10 (central), health: asked 900 000 baht, awarded 400 000 baht. */
let p2: AwardedProject;

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

async function report(person: Person, query = ''): Promise<PolicyReport> {
  const response = await person.client.get(`/api/insights/policy-report${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: PolicyReport }>().data;
}

/** Starts an export and waits for the worker; returns the job as its owner then sees it. */
async function exported(person: Person, body: Record<string, unknown>): Promise<Job> {
  const started = await person.client.post('/api/insights/policy-report/exports', body);
  expect(started.statusCode, started.body).toBe(202);
  const { jobId } = started.json<{ data: { jobId: string } }>().data;
  let job: Job | undefined;
  for (let i = 0; i < 100; i += 1) {
    await ctx.app.jobs.idle();
    const response = await person.client.get(`/api/jobs/${jobId}`);
    expect(response.statusCode, response.body).toBe(200);
    job = response.json<{ data: Job }>().data;
    if (job.status === 'succeeded' || job.status === 'failed') {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(job?.status).toBe('succeeded');
  return job as Job;
}

async function download(person: Person, job: Job) {
  const response = await person.client.request('GET', job.downloadUrl ?? '');
  expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
  return response;
}

beforeAll(async () => {
  ctx = await createTestApp();
  const unitA = await createDrivingUnit(ctx, [58], 'Insights unit A');
  const unitB = await createDrivingUnit(ctx, [10], 'Insights unit B');
  officer = await signedIn(ctx, 'officer@insights.test', 'programme_officer');
  outsider = await signedIn(ctx, 'outsider@insights.test');
  staffA = await signedInUnitStaff(ctx, unitA);
  staffB = await signedInUnitStaff(ctx, unitB);
  p1 = await awardedProject(ctx, { officer, awardSatang: 60_000_000, requestedSatang: 60_000_000 });
  p2 = await awardedProject(ctx, {
    officer,
    awardSatang: 40_000_000,
    requestedSatang: 90_000_000,
    titleTh: 'โครงการสุขภาพชุมชนเมือง',
  });
  const db = ctx.database.db;
  await db
    .update(proposals)
    .set({ provinceCodes: [10], themes: ['health'] })
    .where(eq(proposals.id, p2.proposalId));
  await setProjectPlaces(ctx, p1.projectId, {
    drivingUnitId: unitA,
    provinceCodes: [58],
    themes: ['food_water_energy'],
  });
  await setProjectPlaces(ctx, p2.projectId, {
    drivingUnitId: unitB,
    provinceCodes: [10],
    themes: ['health'],
  });
  await db.insert(innovationNeeds).values({
    theme: 'health',
    provinceCode: 10,
    titleTh: 'ต้องการระบบดูแลผู้สูงอายุในชุมชน',
    descriptionTh: 'ผู้สูงอายุอยู่ลำพังจำนวนมาก',
    requesterName: 'ผู้ขอทดสอบ',
    requesterType: 'local_government',
    status: 'published',
  });
  const innovationId = await insertInnovation(ctx, {
    drivingUnitId: unitA,
    themes: ['food_water_energy'],
    originDistrictCode: null,
    originSubdistrictCode: null,
  });
  await db.insert(adoptions).values({
    innovationId,
    provinceCode: 57,
    adopterName: 'อบต. ทดสอบ',
    adopterType: 'local_government',
    status: 'adopted',
    statusOn: '2026-11-01',
    interestedOn: '2026-10-15',
    beneficiaries: [{ group: 'general', count: 120 }],
  });
});

afterAll(async () => {
  await ctx.close();
});

describe('GET /api/insights/policy-report', () => {
  it('needs a session, and is for officers and unit staff only', async () => {
    expect((await new TestClient(ctx.app).get('/api/insights/policy-report')).statusCode).toBe(401);
    const refused = await outsider.client.get('/api/insights/policy-report');
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('FORBIDDEN');
  });

  it('refuses bad filters with 400 naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['?fiscalYearFrom=abc', 'query.fiscalYearFrom'],
      ['?fiscalYearFrom=2571&fiscalYearTo=2570', 'query.fiscalYearTo'],
      ['?theme=bogus', 'query.theme'],
      ['?programme=not-a-uuid', 'query.programme'],
    ];
    for (const [query, field] of cases) {
      const response = await officer.client.get(`/api/insights/policy-report${query}`);
      expect(response.statusCode, query).toBe(400);
      const issues = response.json<{ error: { details: { issues: Array<{ field: string }> } } }>().error
        .details.issues;
      expect(issues.map((i) => i.field)).toContain(field);
    }
    expect((await officer.client.get('/api/insights/policy-report?other=1')).statusCode).toBe(400);
  });

  it('gives officers needs by theme × region, funding gaps, trends and results over every unit', async () => {
    const data = await report(officer);
    expect(data.scope).toEqual({ drivingUnit: null, provinceCount: null });
    const fy = p1.project.fiscalYear;
    expect(data.trends).toEqual([
      {
        fiscalYear: fy,
        calls: 2,
        proposals: 2,
        awards: 2,
        requestedSatang: 150_000_000,
        awardedSatang: 100_000_000,
        paidSatang: 0,
        projectsClosed: 0,
      },
    ]);
    const north = data.fundingGaps.byRegion.find((g) => g.key === 'north');
    const central = data.fundingGaps.byRegion.find((g) => g.key === 'central');
    expect(north).toMatchObject({
      proposals: 1,
      requestedSatang: 60_000_000,
      awardedSatang: 60_000_000,
      gapSatang: 0,
    });
    expect(central).toMatchObject({
      needs: 1,
      proposals: 1,
      requestedSatang: 90_000_000,
      awards: 1,
      awardedSatang: 40_000_000,
      gapSatang: 50_000_000,
    });
    expect(central?.awardRate).toBeCloseTo(4 / 9);
    expect(data.fundingGaps.byTheme.find((g) => g.key === 'health')).toMatchObject({
      needs: 1,
      gapSatang: 50_000_000,
    });
    expect(data.needs.cells).toContainEqual({
      theme: 'health',
      region: 'central',
      problemStatements: 0,
      proposals: 1,
      communityNeeds: 1,
    });
    expect(data.needs.cells).toContainEqual({
      theme: 'food_water_energy',
      region: 'north',
      problemStatements: 0,
      proposals: 1,
      communityNeeds: 0,
    });
    expect(data.needs.totals).toEqual({ problemStatements: 0, proposals: 2, communityNeeds: 1 });
    expect(data.results).toMatchObject({
      projects: 2,
      projectsClosed: 0,
      innovationsPublished: 1,
      adoptions: 1,
      adoptionsInUse: 1,
      beneficiaries: 120,
    });
    expect(data.options.fiscalYears).toContain(fy);
    expect(data.themes).toHaveLength(9);
    expect(data.regions.map((r) => r.code)).toContain('north');
  });

  it("keeps a unit's staff to their unit's projects and their provinces' needs and proposals", async () => {
    const a = await report(staffA);
    expect(a.scope.drivingUnit?.nameEn).toBe('Insights unit A');
    expect(a.scope.provinceCount).toBe(1);
    expect(a.needs.totals).toEqual({ problemStatements: 0, proposals: 1, communityNeeds: 0 });
    expect(a.trends[0]).toMatchObject({ proposals: 1, awards: 1, awardedSatang: 60_000_000, calls: 1 });
    expect(a.results).toMatchObject({ projects: 1, innovationsPublished: 1, adoptions: 1 });
    expect(a.fundingGaps.byRegion.map((g) => g.key)).toEqual(['north']);

    const b = await report(staffB);
    expect(b.needs.totals).toEqual({ problemStatements: 0, proposals: 1, communityNeeds: 1 });
    expect(b.trends[0]).toMatchObject({ proposals: 1, awardedSatang: 40_000_000 });
    expect(b.results).toMatchObject({ projects: 1, innovationsPublished: 0, adoptions: 0 });
  });

  it('filters by theme, fiscal years and programme', async () => {
    const health = await report(officer, '?theme=health');
    expect(health.needs.totals).toEqual({ problemStatements: 0, proposals: 1, communityNeeds: 1 });
    expect(health.trends[0]).toMatchObject({ proposals: 1, requestedSatang: 90_000_000 });
    expect(health.results.projects).toBe(1);
    expect(health.filters.theme).toBe('health');

    const fy = p1.project.fiscalYear;
    const later = await report(officer, `?fiscalYearFrom=${fy + 1}`);
    expect(later.trends).toEqual([]);
    expect(later.results.projects).toBe(0);
    const within = await report(officer, `?fiscalYearFrom=${fy}&fiscalYearTo=${fy}`);
    expect(within.results.projects).toBe(2);

    const other = otherProgramme(within);
    if (other) {
      const none = await report(officer, `?programme=${other}`);
      expect(none.results.projects).toBe(0);
      expect(none.programme?.code).toBe(other);
    }
  });
});

/** A programme other than the test calls' (city-challenge), if the reference data has one. */
function otherProgramme(data: PolicyReport): string | undefined {
  return data.options.programmes.find((p) => !/city/i.test(p.nameEn))?.id;
}

describe('POST /api/insights/policy-report/exports', () => {
  it('refuses outsiders and bad bodies', async () => {
    expect(
      (await outsider.client.post('/api/insights/policy-report/exports', { format: 'pdf', lang: 'th' }))
        .statusCode,
    ).toBe(403);
    const bad = [
      { format: 'docx', lang: 'th' },
      { format: 'pdf', lang: 'fr' },
      { format: 'pdf', lang: 'th', extra: 1 },
      { format: 'pdf', lang: 'th', filters: { fiscalYearFrom: 2571, fiscalYearTo: 2570 } },
    ];
    for (const body of bad) {
      const response = await officer.client.post('/api/insights/policy-report/exports', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
    const response = await officer.client.post('/api/insights/policy-report/exports', {
      format: 'pdf',
      lang: 'th',
      filters: { fiscalYearFrom: 2571, fiscalYearTo: 2570 },
    });
    const fields = response
      .json<{ error: { details: { issues: Array<{ field: string }> } } }>()
      .error.details.issues.map((i) => i.field);
    expect(fields).toContain('body.filters.fiscalYearTo');
  });

  it('exports XLSX as a job that runs to the end; the file downloads for its owner and officers only', async () => {
    const job = await exported(staffA, { format: 'xlsx', lang: 'th' });
    expect(job.progress).toBe(job.total);
    expect(job.total).toBe(6);
    expect(job.fileName).toMatch(/^policy-report-\d{4}-\d{2}-\d{2}-th\.xlsx$/);
    const file = await download(staffA, job);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((s) => s.name);
    expect(names).toHaveLength(7);
    expect(names[0]).toBe('สรุป');
    const region = workbook.worksheets.find((s) => s.name.startsWith('ช่องว่างของทุนตามภูมิภาค'));
    const rows = (region?.getSheetValues() ?? []).map((r) => JSON.stringify(r));
    const north = (await report(staffA)).regions.find((r) => r.code === 'north')?.nameTh ?? 'north';
    // the unit's figures only: north, 600 000 baht asked and awarded
    expect(rows.some((r) => r.includes(north) && r.includes('600000'))).toBe(true);
    expect(rows.join('\n')).not.toContain('400000');

    expect((await staffB.client.get(`/api/jobs/${job.id}`)).statusCode).toBe(404);
    expect((await staffB.client.get(`/api/jobs/${job.id}/download`)).statusCode).toBe(404);
    expect((await outsider.client.get(`/api/jobs/${job.id}/download`)).statusCode).toBe(404);
    expect((await officer.client.get(`/api/jobs/${job.id}`)).statusCode).toBe(200);
    const mine = (await staffA.client.get('/api/jobs')).json<{ data: Job[] }>().data;
    expect(mine.map((j) => j.id)).toContain(job.id);
  });

  it('exports CSV as one long file with a section column', async () => {
    const job = await exported(officer, { format: 'csv', lang: 'en', filters: { theme: 'health' } });
    const file = await download(officer, job);
    expect(file.headers['content-type']).toContain('text/csv');
    expect(file.body.startsWith('\uFEFFSection,Dimension,Second dimension,Measure,Value')).toBe(true);
    const lines = file.body.split('\r\n');
    expect(lines.some((l) => l.startsWith('about,Policy insight report'))).toBe(true);
    expect(lines).toContain('fundingTheme,Health,,Requested (baht),900000');
    expect(lines).toContain('fundingTheme,Health,,Awarded (baht),400000');
    for (const section of ['needs', 'fundingRegion', 'trends', 'results']) {
      expect(lines.some((l) => l.startsWith(`${section},`))).toBe(true);
    }
  });

  it('exports a PDF with charts in which Thai text renders and extracts', async () => {
    const job = await exported(officer, { format: 'pdf', lang: 'th' });
    const file = await download(officer, job);
    expect(file.headers['content-type']).toBe('application/pdf');
    const bytes = file.rawPayload;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('รายงานข้อเสนอแนะเชิงนโยบาย');
    expect(text).toContain('ช่องว่างของทุนตามภูมิภาค');
    expect(text).toContain('แนวโน้มรายปีงบประมาณ');
    expect(text).toContain('เงินที่ได้รับ (บาท)');
    const central = (await report(officer)).regions.find((r) => r.code === 'central')?.nameTh ?? '';
    expect(text).toContain(central);

    const english = await exported(officer, { format: 'pdf', lang: 'en' });
    const englishText = await pdfText((await download(officer, english)).rawPayload);
    expect(englishText).toContain('Policy insight report');
    expect(englishText).toContain('Funding gaps by region');
  });
});
