import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, emailOutbox, notifications, projectReportFiles } from '@server/db/schema/index';
import { translate } from '@server/lib/i18n';
import { PROJECT_LIMITS, type EvidenceFile, type ReportDetail } from '@shared/contracts/projects';
import { createTestApp, TEST_NOW, type TestContext } from '@tests/setup/test-app';
import { createOrganisationMembershipForTest } from '@tests/helpers/memberships';
import { createOrganisation, signedIn, type Person } from '@tests/factories/people';
import { samplePdf } from '@tests/factories/proposals';
import {
  activeProject,
  createDrivingUnit,
  getProject,
  signedInUnitStaff,
  type ActiveProject,
} from '@tests/factories/projects';
import {
  addEvidence,
  completeReportBody,
  getReport,
  reportBody,
  saveReport,
  submittedReport,
  uploadEvidence,
} from '@tests/factories/project-reports';

let ctx: TestContext;
/** The clock moves on a minute before each step of the review cycle, so that its history has an order. */
let now = new Date(TEST_NOW);
const tick = () => {
  now = new Date(now.getTime() + 60_000);
};
let project: ActiveProject;
let editor: Person;
let viewer: Person;
let outsider: Person;
let staff: Person;
let otherStaff: Person;

beforeAll(async () => {
  ctx = await createTestApp({ PUBLIC_URL: 'http://si.test' }, { clock: () => now });
  const unitId = await createDrivingUnit(ctx, [58]);
  const otherUnitId = await createDrivingUnit(ctx, [50]);
  project = await activeProject(ctx, { setup: { drivingUnitId: unitId } });
  editor = await signedIn(ctx, 'editor@reports.test', null, 'en');
  viewer = await signedIn(ctx, 'viewer@reports.test');
  await createOrganisationMembershipForTest(ctx.database.db, project.organisationId, editor.userId, 'editor');
  await createOrganisationMembershipForTest(ctx.database.db, project.organisationId, viewer.userId, 'viewer');
  outsider = await signedIn(ctx, 'outsider@reports.test');
  await createOrganisation(outsider.client, { nameTh: 'มูลนิธิอื่น', provinceCode: 58 });
  staff = await signedInUnitStaff(ctx, unitId, 'staff@reports.test');
  otherStaff = await signedInUnitStaff(ctx, otherUnitId, 'other-staff@reports.test');
});
afterAll(async () => {
  await ctx.close();
});

interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: { issues?: Array<{ field: string; message: string; messageEn?: string }> };
  };
}
const errorOf = (response: { json: <T>() => T }) => response.json<ErrorBody>().error;
const issuesOf = (response: { json: <T>() => T }) => errorOf(response).details?.issues ?? [];
const fieldsOf = (response: { json: <T>() => T }) => issuesOf(response).map((i) => i.field);

const reportId = (sequence: number) => {
  const found = project.project.reports.find((r) => r.sequence === sequence);
  if (!found) {
    throw new Error(`no report ${sequence}`);
  }
  return found.id;
};

async function emailsTo(address: string, template: string) {
  return ctx.database.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, address), eq(emailOutbox.template, template)));
}

async function inAppOf(userId: string, kind: string) {
  return ctx.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
}

describe('reading a report', () => {
  it('shows the report to the grantee, its unit and officers; others get 404, anonymous 401', async () => {
    const id = reportId(1);
    const report = await getReport(project.owner.client, id);
    expect(report).toMatchObject({
      id,
      sequence: 1,
      kind: 'progress',
      status: 'not_started',
      dueOn: '2027-07-15',
      projectId: project.projectId,
      agreementNumber: project.project.agreementNumber,
      isOverdue: false,
      abilities: { edit: true, submit: true, review: false },
    });
    expect(report.milestones.map((m) => m.titleTh)).toEqual(['ติดตั้งระบบกรองน้ำ']);
    expect(report.expenditures).toHaveLength(2);
    expect(report.expenditures[0]).toMatchObject({ spentBeforeSatang: 0, spentSatang: 0 });

    expect((await getReport(viewer.client, id)).abilities).toEqual({
      edit: false,
      submit: false,
      review: false,
    });
    expect((await getReport(staff.client, id)).abilities.edit).toBe(false);
    expect((await getReport(project.officer.client, id)).status).toBe('not_started');
    expect((await outsider.client.get(`/api/project-reports/${id}`)).statusCode).toBe(404);
    expect((await otherStaff.client.get(`/api/project-reports/${id}`)).statusCode).toBe(404);
    expect(
      (await project.owner.client.get('/api/project-reports/00000000-0000-4000-8000-000000000000'))
        .statusCode,
    ).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/project-reports/${id}` })).statusCode).toBe(401);
  });
});

describe('the review cycle', () => {
  it('draft → refused submissions → submit → return → resubmit → approve readies the linked instalment', async () => {
    const id = reportId(1);
    const owner = project.owner;
    const fresh = await getReport(owner.client, id);

    // Nothing filled in: every missing part by field, in Thai with the English beside it.
    const empty = await owner.client.post(`/api/project-reports/${id}/submit`, { version: fresh.version });
    expect(empty.statusCode).toBe(400);
    expect(errorOf(empty).code).toBe('VALIDATION_FAILED');
    expect(errorOf(empty).message).toBe(
      translate('th', 'errors.projectReports.INCOMPLETE', { count: issuesOf(empty).length }),
    );
    expect(fieldsOf(empty)).toEqual(['body.narrative', 'body.milestones.0.completionPercent']);
    const [narrative, completion] = issuesOf(empty);
    expect(narrative?.message).toBe(translate('th', 'errors.projectReports.NARRATIVE_REQUIRED'));
    expect(narrative?.messageEn).toBe(translate('en', 'errors.projectReports.NARRATIVE_REQUIRED'));
    expect(completion?.message).toContain('ติดตั้งระบบกรองน้ำ');
    expect(completion?.messageEn).toContain('milestone 1');

    // Claimed 100 % without evidence: refused, the draft kept.
    const draft = await saveReport(owner.client, id, completeReportBody(fresh, 100));
    expect(draft).toMatchObject({ status: 'draft', version: fresh.version + 1 });
    expect(draft.milestones[0]?.completionPercent).toBe(100);
    expect(draft.indicators).toHaveLength(1);
    const noEvidence = await owner.client.post(`/api/project-reports/${id}/submit`, {
      version: draft.version,
    });
    expect(noEvidence.statusCode).toBe(400);
    expect(fieldsOf(noEvidence)).toEqual(['body.milestones.0.evidence']);
    expect(issuesOf(noEvidence)[0]?.message).toContain('100%');
    expect(issuesOf(noEvidence)[0]?.messageEn).toContain('100 %');

    const milestoneId = draft.milestones[0]?.milestoneId ?? '';
    await addEvidence(owner.client, id, { purpose: 'milestone', milestoneId });

    // A stale version is refused; the editor submits the current one.
    const stale = await editor.client.post(`/api/project-reports/${id}/submit`, { version: fresh.version });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('CONFLICT');
    tick();
    const submitted = await editor.client.post(`/api/project-reports/${id}/submit`, {
      version: draft.version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const afterSubmit = submitted.json<{ data: ReportDetail }>().data;
    expect(afterSubmit).toMatchObject({ status: 'submitted', abilities: { edit: false, submit: false } });
    expect(afterSubmit.submittedAt).not.toBeNull();
    expect(await emailsTo(staff.email, 'project_report_submitted')).toHaveLength(1);
    const [toStaff] = await inAppOf(staff.userId, 'project_report_submitted');
    expect(toStaff?.link).toBe(`/projects/${project.projectId}/reports/${id}`);
    expect(await emailsTo(otherStaff.email, 'project_report_submitted')).toHaveLength(0);

    // Submitted: no more changes by the grantee; only reviewers review.
    const locked = await owner.client.request('PUT', `/api/project-reports/${id}`, reportBody(afterSubmit));
    expect(locked.statusCode).toBe(409);
    expect(errorOf(locked).code).toBe('INVALID_STATE');
    expect(
      (await owner.client.post(`/api/project-reports/${id}/approve`, { version: afterSubmit.version }))
        .statusCode,
    ).toBe(403);
    expect(
      (await otherStaff.client.post(`/api/project-reports/${id}/approve`, { version: afterSubmit.version }))
        .statusCode,
    ).toBe(404);
    expect((await getReport(staff.client, id)).abilities.review).toBe(true);

    // Returned with a comment (required).
    const noComment = await staff.client.post(`/api/project-reports/${id}/return`, {
      version: afterSubmit.version,
      comment: '  ',
    });
    expect(noComment.statusCode).toBe(400);
    expect(fieldsOf(noComment)).toEqual(['body.comment']);
    tick();
    const returned = await staff.client.post(`/api/project-reports/${id}/return`, {
      version: afterSubmit.version,
      comment: 'กรุณาแนบภาพถ่ายการติดตั้ง',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const afterReturn = returned.json<{ data: ReportDetail }>().data;
    expect(afterReturn).toMatchObject({ status: 'returned', abilities: { review: false } });
    const [returnMail] = await emailsTo(owner.email, 'project_report_returned');
    expect(returnMail?.textBody).toContain('กรุณาแนบภาพถ่ายการติดตั้ง');
    expect(returnMail?.textBody).toContain(`http://si.test/projects/${project.projectId}/reports/${id}`);
    const [editorMail] = await emailsTo(editor.email, 'project_report_returned');
    expect(editorMail?.subject).toContain('returned for changes');
    expect(await inAppOf(viewer.userId, 'project_report_returned')).toHaveLength(1);

    // Revised and resubmitted (a returned report stays returned while it is edited).
    const revised = await saveReport(
      editor.client,
      id,
      reportBody(await getReport(editor.client, id), { narrative: 'แนบภาพถ่ายการติดตั้งครบทุกจุดแล้ว' }),
    );
    expect(revised.status).toBe('returned');
    tick();
    const resubmitted = await editor.client.post(`/api/project-reports/${id}/submit`, {
      version: revised.version,
    });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    const again = resubmitted.json<{ data: ReportDetail }>().data;
    expect(again.reviewedAt).toBeNull();

    // Approved by the supervising unit: the milestone completes, the instalment tied to the report is ready.
    tick();
    const approved = await staff.client.post(`/api/project-reports/${id}/approve`, {
      version: again.version,
      comment: 'เรียบร้อยดี',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const final = approved.json<{ data: ReportDetail }>().data;
    expect(final.status).toBe('approved');
    expect(final.events.map((e) => e.action)).toEqual(['submitted', 'returned', 'submitted', 'approved']);
    expect(final.events[1]).toMatchObject({ comment: 'กรุณาแนบภาพถ่ายการติดตั้ง', actorName: 'staff' });
    const twice = await staff.client.post(`/api/project-reports/${id}/approve`, { version: final.version });
    expect(twice.statusCode).toBe(409);

    const after = await getProject(project.officer.client, project.projectId);
    const byReport = after.instalments.find((i) => i.releaseReportId === id);
    expect(byReport).toMatchObject({ status: 'ready', releaseReportSequence: 1 });
    expect(byReport?.readyAt).not.toBeNull();
    expect(after.instalments.find((i) => i.releaseReportSequence === 2)?.status).toBe('scheduled');
    expect(after.milestones[0]).toMatchObject({ completionPercent: 100, completedOn: '2026-12-15' });
    expect(after.milestones[1]?.completionPercent).toBe(0);
    expect(after.budgetLines[0]?.spentSatang).toBe(10_000_00);
    const [approvedMail] = await emailsTo(owner.email, 'project_report_approved');
    expect(approvedMail?.textBody).toContain('พร้อมเบิกจ่าย');

    // The next report sees what the approved one spent.
    const next = await getReport(owner.client, reportId(2));
    expect(next.expenditures[0]?.spentBeforeSatang).toBe(10_000_00);

    const audited = await ctx.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, id));
    expect(new Set(audited.map((a) => a.action))).toEqual(
      new Set([
        'project_report.saved',
        'project_report.file_added',
        'project_report.submitted',
        'project_report.returned',
        'project_report.approved',
      ]),
    );
  });

  it('lets editors and owners write, not viewers; officers review like the unit', async () => {
    const id = reportId(2);
    const report = await getReport(editor.client, id);
    const body = reportBody(report, { narrative: 'เริ่มงานระยะที่สอง' });
    expect((await viewer.client.request('PUT', `/api/project-reports/${id}`, body)).statusCode).toBe(403);
    expect(
      (await viewer.client.post(`/api/project-reports/${id}/submit`, { version: report.version })).statusCode,
    ).toBe(403);
    expect((await uploadEvidence(viewer.client, id, { purpose: 'other' })).statusCode).toBe(403);
    expect((await outsider.client.request('PUT', `/api/project-reports/${id}`, body)).statusCode).toBe(404);
    expect((await otherStaff.client.request('PUT', `/api/project-reports/${id}`, body)).statusCode).toBe(404);
    expect(
      (
        await staff.client.post(`/api/project-reports/${id}/return`, {
          version: report.version,
          comment: 'x',
        })
      ).statusCode,
    ).toBe(409);
    const saved = await saveReport(editor.client, id, body);
    const stale = await editor.client.request('PUT', `/api/project-reports/${id}`, body);
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('CONFLICT');
    expect(saved.narrative).toBe('เริ่มงานระยะที่สอง');
  });
});

describe('what a report may hold', () => {
  it('checks milestones, budget lines and final-report parts on save, and the final report on submit', async () => {
    const progress = await getReport(project.owner.client, reportId(2));
    expect(progress.kind).toBe('final');
    const wrong = await project.owner.client.request(
      'PUT',
      `/api/project-reports/${progress.id}`,
      reportBody(progress, {
        milestones: [
          { milestoneId: '00000000-0000-4000-8000-000000000000', completionPercent: 10, note: '' },
        ],
        expenditures: [{ budgetLineId: '00000000-0000-4000-8000-000000000000', spentSatang: 100, note: '' }],
      }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(fieldsOf(wrong)).toEqual(['body.milestones.0.milestoneId', 'body.expenditures.0.budgetLineId']);

    // A final report needs SRL, lessons learned and a scaling recommendation; an SRL needs evidence.
    const partial = await saveReport(
      project.owner.client,
      progress.id,
      reportBody(await getReport(project.owner.client, progress.id), {
        narrative: 'สรุปผลทั้งโครงการ',
        milestones: progress.milestones.map((m) => ({
          milestoneId: m.milestoneId,
          completionPercent: 80,
          note: '',
        })),
      }),
    );
    const refused = await project.owner.client.post(`/api/project-reports/${progress.id}/submit`, {
      version: partial.version,
    });
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused)).toEqual([
      'body.srlLevel',
      'body.lessonsLearned',
      'body.scalingRecommendations',
    ]);
    expect(issuesOf(refused).map((i) => i.messageEn)).toEqual([
      translate('en', 'errors.projectReports.SRL_REQUIRED'),
      translate('en', 'errors.projectReports.LESSONS_REQUIRED'),
      translate('en', 'errors.projectReports.SCALING_REQUIRED'),
    ]);
    const complete = completeReportBody(partial, 80);
    const withSrl = await saveReport(project.owner.client, progress.id, { ...complete, srlEvidence: '' });
    const srlRefused = await project.owner.client.post(`/api/project-reports/${progress.id}/submit`, {
      version: withSrl.version,
    });
    expect(fieldsOf(srlRefused)).toEqual(['body.srlEvidence']);
    await addEvidence(project.owner.client, progress.id, { purpose: 'srl' });
    const ok = await project.owner.client.post(`/api/project-reports/${progress.id}/submit`, {
      version: withSrl.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);

    // A progress report holds no close-out parts (a second project, whose reports are untouched).
    const other = await activeProject(ctx, { owner: project.owner, organisationId: project.organisationId });
    const first = other.project.reports.find((r) => r.kind === 'progress');
    const finalOnly = await project.owner.client.request(
      'PUT',
      `/api/project-reports/${first?.id ?? ''}`,
      reportBody(await getReport(project.owner.client, first?.id ?? ''), { lessonsLearned: 'บทเรียน' }),
    );
    expect(finalOnly.statusCode).toBe(400);
    expect(fieldsOf(finalOnly)).toEqual(['body.lessonsLearned']);
  });
});

describe('whom a submission tells', () => {
  it('tells the officer who issued the agreement when the project has no supervising unit', async () => {
    const unitless = await activeProject(ctx, { setup: { drivingUnitId: null } });
    expect(unitless.project.drivingUnitId).toBeNull();
    const before = (await emailsTo(staff.email, 'project_report_submitted')).length;
    await submittedReport(unitless.owner.client, unitless.project.reports[0]?.id ?? '', 60);
    const [mail] = await emailsTo(unitless.officer.email, 'project_report_submitted');
    expect(mail?.subject).toContain(unitless.project.agreementNumber);
    expect(await inAppOf(unitless.officer.userId, 'project_report_submitted')).toHaveLength(1);
    expect(await emailsTo(staff.email, 'project_report_submitted')).toHaveLength(before);
  });
});

describe('evidence files', () => {
  let report: ReportDetail;
  beforeAll(async () => {
    const other = await activeProject(ctx, { owner: project.owner, organisationId: project.organisationId });
    report = await getReport(project.owner.client, other.project.reports[0]?.id ?? '');
  });

  it('stores a file checked on its content and serves it to readers as a download', async () => {
    const milestoneId = report.milestones[0]?.milestoneId ?? '';
    const bytes = samplePdf();
    const response = await uploadEvidence(
      project.owner.client,
      report.id,
      { purpose: 'milestone', milestoneId },
      { name: 'ภาพ/การติดตั้ง.pdf', type: 'application/octet-stream', bytes },
    );
    expect(response.statusCode, response.body).toBe(201);
    const file = response.json<{ data: EvidenceFile }>().data;
    expect(file).toMatchObject({
      purpose: 'milestone',
      milestoneId,
      fileName: 'การติดตั้ง.pdf',
      contentType: 'application/pdf',
      sizeBytes: bytes.length,
    });
    const download = await staff.client.get(`/api/project-reports/${report.id}/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(bytes)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('การติดตั้ง.pdf')}`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect((await viewer.client.get(`/api/project-reports/${report.id}/files/${file.id}`)).statusCode).toBe(
      200,
    );
    expect((await outsider.client.get(`/api/project-reports/${report.id}/files/${file.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await otherStaff.client.get(`/api/project-reports/${report.id}/files/${file.id}`)).statusCode,
    ).toBe(404);
    expect((await getReport(editor.client, report.id)).files.map((f) => f.id)).toEqual([file.id]);

    expect(
      (await viewer.client.delete(`/api/project-reports/${report.id}/files/${file.id}`)).statusCode,
    ).toBe(403);
    expect(
      (await editor.client.delete(`/api/project-reports/${report.id}/files/${file.id}`)).statusCode,
    ).toBe(200);
    expect((await staff.client.get(`/api/project-reports/${report.id}/files/${file.id}`)).statusCode).toBe(
      404,
    );
  });

  it('refuses a renamed text file, a file over the limit and a milestone the report does not cover', async () => {
    const renamed = await uploadEvidence(
      project.owner.client,
      report.id,
      { purpose: 'other' },
      { name: 'รายงาน.pdf', type: 'application/pdf', bytes: Buffer.from('นี่คือไฟล์ข้อความธรรมดา\n'.repeat(20)) },
    );
    expect(renamed.statusCode).toBe(415);
    expect(errorOf(renamed).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(issuesOf(renamed)[0]?.message).toContain('PDF');
    expect(issuesOf(renamed)[0]?.messageEn).toContain('the content is checked');

    const big = Buffer.concat([samplePdf(), Buffer.alloc(PROJECT_LIMITS.evidenceFileMaxBytes, 0x20)]);
    const tooLarge = await uploadEvidence(
      project.owner.client,
      report.id,
      { purpose: 'other' },
      { name: 'ใหญ่.pdf', type: 'application/pdf', bytes: big },
    );
    expect(tooLarge.statusCode).toBe(413);
    expect(errorOf(tooLarge).code).toBe('PAYLOAD_TOO_LARGE');
    expect(issuesOf(tooLarge)[0]?.messageEn).toContain('20 MB');

    const noMilestone = await uploadEvidence(project.owner.client, report.id, { purpose: 'milestone' });
    expect(noMilestone.statusCode).toBe(400);
    expect(fieldsOf(noMilestone)).toEqual(['query.milestoneId']);
    const notCovered = await uploadEvidence(project.owner.client, report.id, {
      purpose: 'milestone',
      milestoneId: '00000000-0000-4000-8000-000000000000',
    });
    expect(notCovered.statusCode).toBe(400);
    const rows = await ctx.database.db
      .select()
      .from(projectReportFiles)
      .where(eq(projectReportFiles.reportId, report.id));
    expect(rows).toHaveLength(0);
  });

  it('takes no files once the report is submitted', async () => {
    const submitted = await submittedReport(project.owner.client, report.id, 60);
    expect(submitted.status).toBe('submitted');
    const refused = await uploadEvidence(project.owner.client, report.id, { purpose: 'other' });
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).code).toBe('INVALID_STATE');
  });
});
