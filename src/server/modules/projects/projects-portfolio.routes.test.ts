import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { projectReportExpenditures, projectReports } from '@server/db/schema/index';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { downloadedFile, exportedJob } from '@tests/helpers/jobs';
import { signedIn, type Person } from '@tests/factories/people';
import {
  activeProject,
  awardedProject,
  createDrivingUnit,
  signedInUnitStaff,
  type ActiveProject,
  type AwardedProject,
} from '@tests/factories/projects';
import type { DisbursementReport, ProjectList } from '@shared/contracts/projects';

let ctx: TestContext;
let unitA: string;
let unitB: string;
let staffA: Person;
let staffB: Person;
let officer: Person;
let admin: Person;
let outsider: Person;
/** Supervised by unit A (its province is 58). */
let p1: ActiveProject;
/** Supervised by unit B. */
let p2: ActiveProject;
/** In setup, unit A. */
let p3: AwardedProject;

beforeAll(async () => {
  ctx = await createTestApp();
  unitA = await createDrivingUnit(ctx, [58], 'Portfolio unit A');
  unitB = await createDrivingUnit(ctx, [10], 'Portfolio unit B');
  staffA = await signedInUnitStaff(ctx, unitA);
  staffB = await signedInUnitStaff(ctx, unitB);
  officer = await signedIn(ctx, 'officer@portfolio.test', 'programme_officer');
  admin = await signedIn(ctx, 'admin@portfolio.test', 'administrator');
  outsider = await signedIn(ctx, 'outsider@portfolio.test');
  p1 = await activeProject(ctx, { officer, titleTh: 'โครงการของหน่วย ก' });
  p2 = await activeProject(ctx, { officer, titleTh: 'โครงการของหน่วย ข', setup: { drivingUnitId: unitB } });
  p3 = await awardedProject(ctx, { officer, titleTh: 'โครงการที่ยังเตรียมสัญญา' });
});
afterAll(async () => {
  await ctx.close();
});

async function listIds(person: Person, query = ''): Promise<string[]> {
  const response = await person.client.get(`/api/projects${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ProjectList>().data.map((p) => p.id);
}

describe('portfolios', () => {
  it("a unit's staff see and open their portfolio only; another unit's project is 404", async () => {
    const seenByA = await listIds(staffA);
    expect(seenByA).toEqual(expect.arrayContaining([p1.projectId, p3.projectId]));
    expect(seenByA).not.toContain(p2.projectId);
    expect(await listIds(staffB)).toEqual([p2.projectId]);
    expect((await staffA.client.get(`/api/projects/${p2.projectId}`)).statusCode).toBe(404);
    expect((await staffB.client.get(`/api/projects/${p1.projectId}`)).statusCode).toBe(404);
    const own = await staffA.client.get(`/api/projects/${p1.projectId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json<{ data: { abilities: Record<string, boolean> } }>().data.abilities).toMatchObject({
      reviewReports: true,
      decideReallocation: true,
      recordPayment: false,
      editSetup: false,
    });
    // acting on another unit's project is 404 too
    const line = p2.project.budgetLines;
    const moved = await staffA.client.post(`/api/projects/${p2.projectId}/reallocations`, {
      fromLineId: line[0]?.id,
      toLineId: line[1]?.id,
      amountSatang: 100,
      reason: 'x',
    });
    expect(moved.statusCode).toBe(404);
    // a unit filter does not widen the portfolio
    expect(await listIds(staffA, `?drivingUnitId=${unitB}`)).toEqual([]);
  });

  it('officers and administrators see the national roll-up; members their organisations; others nothing', async () => {
    for (const person of [officer, admin]) {
      expect(await listIds(person, '?limit=100')).toEqual(
        expect.arrayContaining([p1.projectId, p2.projectId, p3.projectId]),
      );
    }
    expect(await listIds(officer, `?drivingUnitId=${unitB}`)).toEqual([p2.projectId]);
    expect(await listIds(officer, `?callId=${p3.callId}`)).toEqual([p3.projectId]);
    expect(await listIds(officer, `?status=setup&callId=${p1.callId}`)).toEqual([]);
    expect(await listIds(p1.owner)).toEqual([p1.projectId]);
    expect(await listIds(outsider)).toEqual([]);
    expect((await outsider.client.get(`/api/projects/${p1.projectId}`)).statusCode).toBe(404);
    expect((await p1.owner.client.get(`/api/projects/${p2.projectId}`)).statusCode).toBe(404);
    // search by title and agreement number, and paging
    expect(await listIds(officer, `?q=${encodeURIComponent('หน่วย ข')}`)).toEqual([p2.projectId]);
    expect(await listIds(officer, `?q=${p1.project.agreementNumber}`)).toEqual([p1.projectId]);
    const page = (await officer.client.get('/api/projects?limit=2')).json<ProjectList>();
    expect(page.data).toHaveLength(2);
    expect(page.page.total).toBeGreaterThanOrEqual(3);
    expect(page.page.nextCursor).toBe(2);
    const rest = (await officer.client.get('/api/projects?limit=2&cursor=2')).json<ProjectList>();
    expect(rest.data.map((p) => p.id)).not.toContain(page.data[0]?.id);
  });
});

describe('health in the list', () => {
  it('an overdue report and a late milestone put a project at risk; overspending too', async () => {
    // this project ran through 2026: its first report was due on 15 July and its first milestone on 30 June
    const late = await activeProject(ctx, {
      officer,
      titleTh: 'โครงการที่ล่าช้า',
      setup: {
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        milestones: [
          { titleTh: 'งานแรก', titleEn: '', deliverable: '', dueOn: '2026-06-30' },
          { titleTh: 'งานสุดท้าย', titleEn: '', deliverable: '', dueOn: '2026-12-31' },
        ],
      },
    });
    const summary = (await officer.client.get(`/api/projects?callId=${late.callId}`)).json<ProjectList>()
      .data[0];
    expect(summary?.health).toEqual({
      status: 'at_risk',
      reasons: [
        { reason: 'overdue_report', count: 1 },
        { reason: 'late_milestone', count: 1 },
      ],
    });
    expect(summary?.nextReportDueOn).toBe('2026-07-15');
    expect(await listIds(officer, `?health=at_risk&callId=${late.callId}`)).toEqual([late.projectId]);
    expect(await listIds(officer, `?health=on_track&callId=${late.callId}`)).toEqual([]);
    const detail = (await officer.client.get(`/api/projects/${late.projectId}`)).json<{
      data: { reports: Array<{ isOverdue: boolean }>; milestones: Array<{ isLate: boolean }> };
    }>().data;
    expect(detail.reports.map((r) => r.isOverdue)).toEqual([true, false]);
    expect(detail.milestones.map((m) => m.isLate)).toEqual([true, false]);

    // p1 is on track until an approved report spends more on a line than it has
    expect(await listIds(officer, `?health=on_track&callId=${p1.callId}`)).toEqual([p1.projectId]);
    const [report] = p1.project.reports;
    const [materials] = p1.project.budgetLines;
    await ctx.database.db
      .update(projectReports)
      .set({ status: 'approved' })
      .where(eq(projectReports.id, report?.id ?? ''));
    await ctx.database.db.insert(projectReportExpenditures).values({
      reportId: report?.id ?? '',
      budgetLineId: materials?.id ?? '',
      spentSatang: (materials?.approvedSatang ?? 0) + 1,
    });
    const overspent = (await staffA.client.get(`/api/projects?callId=${p1.callId}`)).json<ProjectList>()
      .data[0];
    expect(overspent?.health).toEqual({ status: 'at_risk', reasons: [{ reason: 'overspending', count: 1 }] });
    // projects not yet active are never at risk
    const setup = (await officer.client.get(`/api/projects?callId=${p3.callId}`)).json<ProjectList>().data[0];
    expect(setup?.health.status).toBe('on_track');
  });
});

describe('disbursement report', () => {
  it('sums awards, payments and what is left by fiscal year and programme; unit staff see their portfolio', async () => {
    const unitC = await createDrivingUnit(ctx, [11], 'Disbursement unit C');
    const staffC = await signedInUnitStaff(ctx, unitC);
    const p = await activeProject(ctx, {
      officer,
      awardSatang: 100_000_000,
      setup: { drivingUnitId: unitC },
    });
    const first = p.project.instalments[0];
    const paid = await officer.client.post(`/api/instalments/${first?.id}/payment`, {
      version: first?.version,
      paidOn: '2026-12-15',
      paidSatang: 38_000_000,
      reference: 'TRF-001',
      note: 'หักค่าธรรมเนียม',
    });
    expect(paid.statusCode, paid.body).toBe(200);

    const expected = {
      projects: 1,
      awardedSatang: 100_000_000,
      paidSatang: 38_000_000,
      withheldSatang: 2_000_000,
      readySatang: 0,
      scheduledSatang: 60_000_000,
    };
    const byOfficer = await officer.client.get(`/api/projects/disbursements?drivingUnitId=${unitC}`);
    expect(byOfficer.statusCode, byOfficer.body).toBe(200);
    const report = byOfficer.json<{ data: DisbursementReport }>().data;
    expect(report.totals).toEqual(expected);
    expect(report.years).toHaveLength(1);
    expect(report.years[0]).toMatchObject({ fiscalYear: 2570, ...expected });
    expect(report.years[0]?.programmes).toHaveLength(1);
    expect(report.years[0]?.programmes[0]).toMatchObject(expected);
    expect(report.years[0]?.programmes[0]?.nameTh).not.toBe('');

    // unit staff: their own portfolio whatever they ask for
    const byStaff = (await staffC.client.get(`/api/projects/disbursements?drivingUnitId=${unitA}`)).json<{
      data: DisbursementReport;
    }>().data;
    expect(byStaff.totals).toEqual(expected);
    const all = (await officer.client.get('/api/projects/disbursements?fiscalYear=2570')).json<{
      data: DisbursementReport;
    }>().data;
    expect(all.totals.awardedSatang).toBeGreaterThan(expected.awardedSatang);
    expect(all.years.map((y) => y.fiscalYear)).toEqual([2570]);

    expect((await p.owner.client.get('/api/projects/disbursements')).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/projects/disbursements' })).statusCode).toBe(
      401,
    );

    // the workbook, as a job: the unit's figures for an officer who asks for the unit
    const url = '/api/projects/disbursements/exports';
    const job = await exportedJob(ctx.app, officer.client, url, { format: 'xlsx', drivingUnitId: unitC });
    // awards summed, payments summed, the workbook written
    expect(job).toMatchObject({ kind: 'disbursements-export', total: 3, fileName: 'disbursements.xlsx' });
    const xlsx = await downloadedFile(officer.client, job);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('ปีงบประมาณ (พ.ศ.)');
    expect(sheet?.getRow(2).getCell(1).value).toBe(2570);
    expect(sheet?.getRow(2).getCell(4).value).toBe(1_000_000);
    expect(sheet?.getRow(2).getCell(5).value).toBe(380_000);

    // unit staff: their own portfolio whatever they ask for, as on screen
    const byStaffJob = await exportedJob(ctx.app, staffC.client, url, {
      format: 'xlsx',
      drivingUnitId: unitA,
      fiscalYear: 2570,
    });
    expect(byStaffJob.fileName).toBe('disbursements-2570.xlsx');
    const staffBook = new ExcelJS.Workbook();
    await staffBook.xlsx.load(
      (await downloadedFile(staffC.client, byStaffJob)).rawPayload as unknown as ArrayBuffer,
    );
    const staffSheet = staffBook.worksheets[0];
    expect(staffSheet?.getRow(2).getCell(4).value).toBe(1_000_000);
    const lastRow = staffSheet?.getRow(staffSheet.rowCount);
    expect(lastRow?.getCell(1).value).toBe('รวมทั้งหมด');
    expect(lastRow?.getCell(4).value).toBe(1_000_000);
    // the job and its file are the requester's (and officers'), not another unit's staff's
    expect((await staffA.client.get(`/api/jobs/${byStaffJob.id}/download`)).statusCode).toBe(404);
    expect((await officer.client.get(`/api/jobs/${byStaffJob.id}/download`)).statusCode).toBe(200);

    expect((await staffA.client.post(url, { format: 'xlsx' })).statusCode).toBe(202);
    expect((await p.owner.client.post(url, { format: 'xlsx' })).statusCode).toBe(403);
    expect((await outsider.client.post(url, { format: 'xlsx' })).statusCode).toBe(403);
    expect((await new TestClient(ctx.app).post(url, { format: 'xlsx' })).statusCode).toBe(401);
    const fieldsOf = (body: string) =>
      (
        JSON.parse(body) as { error: { details: { issues: Array<{ field: string }> } } }
      ).error.details.issues.map((i) => i.field);
    for (const [body, field] of [
      [{ format: 'csv' }, 'body.format'],
      [{}, 'body.format'],
      [{ format: 'xlsx', fiscalYear: 1999 }, 'body.fiscalYear'],
      [{ format: 'xlsx', drivingUnitId: 'unit-c' }, 'body.drivingUnitId'],
      [{ format: 'xlsx', colour: 'red' }, ''],
    ] as const) {
      const response = await officer.client.post(url, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      if (field) {
        expect(fieldsOf(response.body)).toContain(field);
      }
    }
  });
});
