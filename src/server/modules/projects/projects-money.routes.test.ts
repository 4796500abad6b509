import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import {
  auditEvents,
  emailOutbox,
  innovations,
  projectInstalments,
  projectReports,
} from '@server/db/schema/index';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { createOrganisationMembershipForTest } from '@tests/helpers/memberships';
import { signedIn, type Person } from '@tests/factories/people';
import {
  activeProject,
  createDrivingUnit,
  getProject,
  signedInUnitStaff,
  type ActiveProject,
} from '@tests/factories/projects';
import { submittedReport } from '@tests/factories/project-reports';
import type { Instalment, ProjectDetail, Reallocation } from '@shared/contracts/projects';

let ctx: TestContext;
let unitId: string;
let unitStaff: Person;
let outsider: Person;

beforeAll(async () => {
  ctx = await createTestApp();
  unitId = await createDrivingUnit(ctx, [58], 'Money test unit');
  unitStaff = await signedInUnitStaff(ctx, unitId);
  outsider = await signedIn(ctx, 'outsider@money.test');
});
afterAll(async () => {
  await ctx.close();
});

type Issue = { field: string; message: string; messageEn?: string };
const issuesOf = (body: string) =>
  (JSON.parse(body) as { error: { details?: { issues?: Issue[] } } }).error.details?.issues ?? [];
const codeOf = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;

function instalment(project: ProjectDetail, sequence: number): Instalment {
  const found = project.instalments.find((i) => i.sequence === sequence);
  if (!found) {
    throw new Error(`no instalment ${sequence}`);
  }
  return found;
}

async function paidSum(projectId: string): Promise<number> {
  const rows = await ctx.database.db
    .select({ paid: sql<string>`COALESCE(SUM(${projectInstalments.paidSatang}), 0)` })
    .from(projectInstalments)
    .where(eq(projectInstalments.projectId, projectId));
  return Number(rows[0]?.paid ?? 0);
}

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await ctx.database.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.entityId, entityId));
  return rows.map((r) => r.action);
}

/** Arranges a report as approved with the given content (the reports part has its own tests of approval). */
async function markReportApproved(
  reportId: string,
  content: Partial<typeof projectReports.$inferInsert> = {},
): Promise<void> {
  await ctx.database.db
    .update(projectReports)
    .set({ status: 'approved', reviewedAt: new Date(), ...content })
    .where(eq(projectReports.id, reportId));
  await ctx.database.db
    .update(projectInstalments)
    .set({ status: 'ready', readyAt: new Date() })
    .where(and(eq(projectInstalments.releaseReportId, reportId), eq(projectInstalments.status, 'scheduled')));
}

const payment = (i: Instalment, changes: Record<string, unknown> = {}) => ({
  version: i.version,
  paidOn: '2026-12-15',
  paidSatang: i.amountSatang,
  reference: 'KTB-2569-001',
  ...changes,
});

describe('payments', () => {
  let active: ActiveProject;

  beforeAll(async () => {
    active = await activeProject(ctx, { awardSatang: 100_000_000 });
  });

  it('only officers record payments, and only of ready instalments', async () => {
    const first = instalment(active.project, 1);
    const url = `/api/instalments/${first.id}/payment`;
    expect((await ctx.app.inject({ method: 'POST', url, payload: payment(first) })).statusCode).toBe(401);
    expect((await active.owner.client.post(url, payment(first))).statusCode).toBe(403);
    expect((await outsider.client.post(url, payment(first))).statusCode).toBe(404);
    const second = instalment(active.project, 2);
    const notReady = await active.officer.client.post(
      `/api/instalments/${second.id}/payment`,
      payment(second),
    );
    expect(notReady.statusCode).toBe(409);
    expect(codeOf(notReady.body)).toBe('INVALID_STATE');
    expect(
      (
        await active.officer.client.post(
          '/api/instalments/00000000-0000-4000-8000-000000000000/payment',
          payment(first),
        )
      ).statusCode,
    ).toBe(404);
  });

  it('never pays more than the instalment; a shortfall needs a note', async () => {
    const first = instalment(active.project, 1);
    const url = `/api/instalments/${first.id}/payment`;
    const over = await active.officer.client.post(
      url,
      payment(first, { paidSatang: first.amountSatang + 1 }),
    );
    expect(over.statusCode).toBe(400);
    expect(issuesOf(over.body)[0]).toMatchObject({
      field: 'body.paidSatang',
      messageEn: 'The payment cannot exceed the instalment (400,000.00 baht)',
    });
    const short = await active.officer.client.post(
      url,
      payment(first, { paidSatang: first.amountSatang - 500_000 }),
    );
    expect(short.statusCode).toBe(400);
    expect(issuesOf(short.body)[0]).toMatchObject({
      field: 'body.note',
      message: 'กรุณาระบุเหตุผลของเงินที่ยังไม่จ่าย 5,000.00 บาท',
      messageEn: 'Please say why 5,000.00 baht is not paid',
    });
    expect(await paidSum(active.projectId)).toBe(0);
  });

  it('two payments of the same instalment at once: one wins, the other is 409', async () => {
    const first = instalment(active.project, 1);
    const url = `/api/instalments/${first.id}/payment`;
    const responses = await Promise.all([
      active.officer.client.post(url, payment(first, { reference: 'A' })),
      active.officer.client.post(url, payment(first, { reference: 'B' })),
    ]);
    const codes = responses.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409]);
    const paid = responses.find((r) => r.statusCode === 200)?.json<{ data: Instalment }>().data;
    expect(paid).toMatchObject({ status: 'paid', paidSatang: first.amountSatang, withheldSatang: 0 });
    expect(await paidSum(active.projectId)).toBe(first.amountSatang);
    const mails = await ctx.database.db
      .select()
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.toAddress, active.owner.email),
          eq(emailOutbox.template, 'project_payment_recorded'),
        ),
      );
    expect(mails).toHaveLength(1);
    expect(await auditActions(active.projectId)).toContain('project.payment_recorded');
    // paid once: paying again is refused
    const again = await active.officer.client.post(url, payment({ ...first, version: first.version + 1 }));
    expect(again.statusCode).toBe(409);
  });

  it('withholds a shortfall with a note, or carries it forward to the next instalment', async () => {
    const withheld = await activeProject(ctx, { awardSatang: 100_000_000 });
    const first = instalment(withheld.project, 1);
    const kept = await withheld.officer.client.post(
      `/api/instalments/${first.id}/payment`,
      payment(first, { paidSatang: 35_000_000, note: 'หักค่าปรับส่งงานล่าช้า' }),
    );
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json<{ data: Instalment }>().data).toMatchObject({
      amountSatang: 40_000_000,
      paidSatang: 35_000_000,
      withheldSatang: 5_000_000,
      paymentNote: 'หักค่าปรับส่งงานล่าช้า',
    });

    const carried = await activeProject(ctx, { awardSatang: 100_000_000 });
    const one = instalment(carried.project, 1);
    const moved = await carried.officer.client.post(
      `/api/instalments/${one.id}/payment`,
      payment(one, { paidSatang: 30_000_000, carryForward: true }),
    );
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await getProject(carried.officer.client, carried.projectId);
    expect(after.instalments.map((i) => [i.amountSatang, i.paidSatang, i.withheldSatang])).toEqual([
      [30_000_000, 30_000_000, 0],
      [50_000_000, null, 0],
      [20_000_000, null, 0],
    ]);
    expect(after.instalments.reduce((sum, i) => sum + i.amountSatang, 0)).toBe(100_000_000);
    expect(after.paidSatang).toBe(30_000_000);
  });
});

describe('reallocations', () => {
  it('stay within the line and the limit; approval moves the money and keeps the total', async () => {
    const p = await activeProject(ctx, { awardSatang: 100_000_000, setup: { drivingUnitId: unitId } });
    const editor = await signedIn(ctx, `editor-${p.projectId.slice(0, 8)}@money.test`);
    const viewer = await signedIn(ctx, `viewer-${p.projectId.slice(0, 8)}@money.test`);
    await createOrganisationMembershipForTest(ctx.database.db, p.organisationId, editor.userId, 'editor');
    await createOrganisationMembershipForTest(ctx.database.db, p.organisationId, viewer.userId, 'viewer');
    const [materials, personnel] = p.project.budgetLines;
    if (!materials || !personnel) {
      throw new Error('two lines expected');
    }
    const url = `/api/projects/${p.projectId}/reallocations`;
    const move = (amountSatang: number) => ({
      fromLineId: materials.id,
      toLineId: personnel.id,
      amountSatang,
      reason: 'ค่าจ้างผู้ประสานงานเพิ่มขึ้น',
    });

    // the limit is 10 % of the award: 100,000 baht
    const overLimit = await p.owner.client.post(url, move(10_000_001));
    expect(overLimit.statusCode).toBe(400);
    expect(issuesOf(overLimit.body)[0]).toMatchObject({
      field: 'body.amountSatang',
      messageEn:
        'Reallocations would total 100,000.01 baht, over the limit of 100,000.00 baht (10% of the award); 100,000.00 baht left',
    });
    expect((await viewer.client.post(url, move(1_000_000))).statusCode).toBe(403);
    expect((await outsider.client.post(url, move(1_000_000))).statusCode).toBe(404);
    expect((await p.owner.client.post(url, { ...move(1_000_000), toLineId: materials.id })).statusCode).toBe(
      400,
    );

    const first = await p.owner.client.post(url, move(6_000_000));
    expect(first.statusCode, first.body).toBe(201);
    const firstRequest = first.json<{ data: Reallocation }>().data;
    expect(firstRequest.status).toBe('pending');
    const second = await p.owner.client.post(url, move(6_000_000));
    expect(second.statusCode).toBe(201);
    const secondRequest = second.json<{ data: Reallocation }>().data;

    // members do not decide; the supervising unit's staff do
    expect(
      (await p.owner.client.post(`/api/reallocations/${firstRequest.id}/approve`, { version: 1 })).statusCode,
    ).toBe(403);
    const approved = await unitStaff.client.post(`/api/reallocations/${firstRequest.id}/approve`, {
      version: firstRequest.version,
      note: 'เหมาะสม',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<{ data: Reallocation }>().data).toMatchObject({
      status: 'approved',
      decisionNote: 'เหมาะสม',
    });
    const moved = await getProject(p.officer.client, p.projectId);
    expect(moved.budgetLines.map((l) => [l.plannedSatang, l.approvedSatang])).toEqual([
      [70_000_000, 64_000_000],
      [30_000_000, 36_000_000],
    ]);
    expect(moved.budgetLines.reduce((sum, l) => sum + l.approvedSatang, 0)).toBe(100_000_000);
    expect(moved.reallocatedSatang).toBe(6_000_000);

    // the second no longer fits the limit when it comes to approval
    const refused = await p.officer.client.post(`/api/reallocations/${secondRequest.id}/approve`, {
      version: secondRequest.version,
    });
    expect(refused.statusCode).toBe(400);
    expect(issuesOf(refused.body)[0]?.message).toContain('คงเหลือให้ปรับได้ 40,000.00 บาท');
    const noReason = await p.officer.client.post(`/api/reallocations/${secondRequest.id}/reject`, {
      version: secondRequest.version,
    });
    expect(noReason.statusCode).toBe(400);
    const rejected = await p.officer.client.post(`/api/reallocations/${secondRequest.id}/reject`, {
      version: secondRequest.version,
      note: 'เกินเพดานการปรับงบ',
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json<{ data: Reallocation }>().data.status).toBe('rejected');
    const twice = await p.officer.client.post(`/api/reallocations/${secondRequest.id}/approve`, {
      version: secondRequest.version + 1,
    });
    expect(twice.statusCode).toBe(409);

    // only the requester cancels
    const third = (await editor.client.post(url, move(1_000_000))).json<{ data: Reallocation }>().data;
    expect(third.isMine).toBe(true);
    const seenByOwner = (await p.owner.client.get(`/api/projects/${p.project.id}`)).json<{
      data: { reallocations: Reallocation[] };
    }>().data;
    expect(seenByOwner.reallocations.find((r) => r.id === third.id)?.isMine).toBe(false);
    expect(
      (await p.owner.client.post(`/api/reallocations/${third.id}/cancel`, { version: third.version }))
        .statusCode,
    ).toBe(403);
    const cancelled = await editor.client.post(`/api/reallocations/${third.id}/cancel`, {
      version: third.version,
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json<{ data: Reallocation }>().data.status).toBe('cancelled');

    const after = await getProject(p.officer.client, p.projectId);
    expect(after.reallocations.map((r) => r.status).sort()).toEqual(['approved', 'cancelled', 'rejected']);
    expect(after.reallocatedSatang).toBe(6_000_000);
    expect(await auditActions(p.projectId)).toEqual(
      expect.arrayContaining([
        'project.reallocation_requested',
        'project.reallocation_approved',
        'project.reallocation_rejected',
        'project.reallocation_cancelled',
      ]),
    );
  });

  it('cannot move more than the source line has left', async () => {
    const p = await activeProject(ctx, { awardSatang: 100_000_000, setup: { reallocationLimitPercent: 50 } });
    const [materials, personnel] = p.project.budgetLines;
    const response = await p.officer.client.post(`/api/projects/${p.projectId}/reallocations`, {
      fromLineId: personnel?.id,
      toLineId: materials?.id,
      amountSatang: 30_000_001,
      reason: 'ย้ายงบ',
    });
    expect(response.statusCode).toBe(400);
    expect(issuesOf(response.body)[0]?.messageEn).toBe(
      'At most the source line’s remaining 300,000.00 baht can be moved',
    );
  });
});

describe('close-out', () => {
  it('needs every report approved and every instalment paid; then the innovation entry is drafted', async () => {
    const p = await activeProject(ctx, { awardSatang: 100_000_000 });
    const url = `/api/projects/${p.projectId}/close`;
    expect((await p.owner.client.post(url, { version: p.project.version })).statusCode).toBe(403);
    const early = await p.officer.client.post(url, { version: p.project.version });
    expect(early.statusCode).toBe(409);
    expect(JSON.parse(early.body)).toMatchObject({
      error: {
        code: 'INVALID_STATE',
        message: 'ปิดโครงการได้เมื่อรายงานทุกฉบับได้รับอนุมัติ (ยังไม่อนุมัติ 2 ฉบับ)',
        details: { openReports: 2, unpaidInstalments: 3 },
      },
    });

    const [progress, final] = p.project.reports;
    await markReportApproved(progress?.id ?? '', { narrative: 'ติดตั้งระบบแล้ว', srlLevel: 4 });
    await markReportApproved(final?.id ?? '', {
      narrative: 'ชุมชนบริหารระบบประปาได้เองครบทั้งสามหมู่บ้าน',
      srlLevel: 7,
      lessonsLearned: 'ให้ชุมชนร่วมออกแบบตั้งแต่ต้น',
      scalingRecommendations: [
        {
          area: 'หมู่บ้านบนพื้นที่สูง',
          provinceCodes: [50, 57],
          recommendation: 'ตั้งคณะกรรมการน้ำก่อนติดตั้ง',
          conditions: 'ช่างชุมชน',
        },
      ],
    });
    const stillUnpaid = await p.officer.client.post(url, { version: p.project.version });
    expect(stillUnpaid.statusCode).toBe(409);
    expect(stillUnpaid.json<{ error: { message: string } }>().error.message).toBe(
      'ปิดโครงการได้เมื่อบันทึกการจ่ายเงินครบทุกงวด (ยังไม่จ่าย 3 งวด)',
    );
    for (const i of (await getProject(p.officer.client, p.projectId)).instalments) {
      const paid = await p.officer.client.post(`/api/instalments/${i.id}/payment`, payment(i));
      expect(paid.statusCode, paid.body).toBe(200);
    }
    expect(await paidSum(p.projectId)).toBe(100_000_000);

    const ready = await getProject(p.officer.client, p.projectId);
    const closed = await p.officer.client.post(url, { version: ready.version, note: 'ดำเนินการครบถ้วน' });
    expect(closed.statusCode, closed.body).toBe(200);
    const detail = closed.json<{ data: ProjectDetail }>().data;
    expect(detail).toMatchObject({ status: 'closed', closingNote: 'ดำเนินการครบถ้วน', srlCurrent: 7 });
    expect(detail.innovationId).toBeTruthy();
    const entry = (
      await ctx.database.db.select().from(innovations).where(eq(innovations.projectId, p.projectId))
    )[0];
    expect(entry).toMatchObject({
      id: detail.innovationId,
      status: 'draft',
      titleTh: p.project.titleTh,
      srl: 7,
      lessonsLearned: 'ให้ชุมชนร่วมออกแบบตั้งแต่ต้น',
      provinceCodes: [58],
      themes: ['food_water_energy'],
      organisationId: p.organisationId,
    });
    expect(entry?.summaryTh).toBe('ชุมชนบริหารระบบประปาได้เองครบทั้งสามหมู่บ้าน');
    expect(entry?.scalingRecommendations[0]?.recommendation).toBe('ตั้งคณะกรรมการน้ำก่อนติดตั้ง');
    expect(await auditActions(p.projectId)).toContain('project.closed');
    // closed: nothing more changes
    expect((await p.officer.client.post(url, { version: detail.version })).statusCode).toBe(409);
    expect(detail.abilities).toMatchObject({ close: false, recordPayment: false, changeUnit: false });
  });
});

describe('the whole way through the API', () => {
  it('award → signed → reports submitted and approved → every instalment paid → closed with its innovation entry', async () => {
    const p = await activeProject(ctx, { awardSatang: 100_000_000, setup: { drivingUnitId: unitId } });
    for (const report of p.project.reports) {
      const submitted = await submittedReport(p.owner.client, report.id, 100);
      const approved = await unitStaff.client.post(`/api/project-reports/${report.id}/approve`, {
        version: submitted.version,
        comment: 'ครบถ้วน',
      });
      expect(approved.statusCode, approved.body).toBe(200);
    }
    const before = await getProject(p.officer.client, p.projectId);
    expect(before.instalments.map((i) => i.status)).toEqual(['ready', 'ready', 'ready']);
    expect(before.milestones.every((m) => m.completionPercent === 100)).toBe(true);
    for (const i of before.instalments) {
      const paid = await p.officer.client.post(`/api/instalments/${i.id}/payment`, payment(i));
      expect(paid.statusCode, paid.body).toBe(200);
    }
    const ready = await getProject(p.officer.client, p.projectId);
    const closed = await p.officer.client.post(`/api/projects/${p.projectId}/close`, {
      version: ready.version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const detail = closed.json<{ data: ProjectDetail }>().data;
    expect(detail).toMatchObject({ status: 'closed', paidSatang: 100_000_000, srlCurrent: 4 });
    const entry = (
      await ctx.database.db.select().from(innovations).where(eq(innovations.projectId, p.projectId))
    )[0];
    expect(entry?.scalingRecommendations).toHaveLength(1);
    expect(entry?.lessonsLearned).toBe('การมีส่วนร่วมของชุมชนตั้งแต่ต้นทำให้ระบบได้รับการดูแลต่อเนื่อง');
  });
});
