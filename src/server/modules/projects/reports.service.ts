import { createHash } from 'node:crypto';
import type { Database, DbOrTx } from '@server/db/client';
import { AppError, fieldIssue, type FieldIssue } from '@server/lib/errors';
import { authorize, type Actor, type RequestMeta } from '@server/lib/authz';
import type { FileStorage } from '@server/lib/file-storage';
import { translate } from '@server/lib/i18n';
import { formatBaht } from '@server/lib/pdf';
import {
  PROJECT_LIMITS,
  type EvidenceFile,
  type EvidencePurpose,
  type EvidenceUploadQuery,
  type ReportBody,
  type ReportDetail,
  type ReportEvent,
  type ReportKind,
  type ReportReviewBody,
  type ReportStatus,
  type VersionBody,
} from '@shared/contracts/projects';
import type { BudgetCategory } from '@shared/contracts/forms';
import type { Language } from '@shared/i18n/index';
import { bangkokDate } from '@shared/projects/plan';
import { isReportOverdue } from '@shared/projects/health';
import { listMemberContacts } from '@server/modules/organisations/organisations.service';
import { listActiveUserIdsWithRole } from '@server/modules/accounts/accounts.service';
import { recordAudit } from '@server/modules/audit/audit.service';
import { notifyUsers, queueEmail } from '@server/modules/notifications/notifications.service';
import type { EmailTemplate } from '@server/modules/notifications/notifications.templates';
import { checkEvidenceUpload, type UploadInput } from '@server/lib/files';
import { feedReportIndicators } from '@server/modules/impact/project-indicators.service';
import * as repo from './reports.repo';
import { projectPolicy, type ProjectAccess } from './projects.policy';
import { getProjectAccess, iso, isoOrNull, lockProject, titleIn } from './projects.service';

// ---- Loading ----------------------------------------------------------------------------------------------------

interface Loaded {
  record: repo.ReportRecord;
  access: ProjectAccess;
}

/** The statuses in which the grantee may still change a report. */
const EDITABLE: readonly ReportStatus[] = ['not_started', 'draft', 'returned'];

const isEditable = (status: string) => EDITABLE.includes(status as ReportStatus);

/**
 * Loads a report the actor may read (a reader of its project), else NOT_FOUND. `lock` takes the report row
 * FOR UPDATE: the state a command decides on cannot change before it commits.
 */
async function load(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<Loaded> {
  const record = await repo.findReport(db, id, lock);
  if (!record) {
    throw new AppError('NOT_FOUND');
  }
  const { access } = await getProjectAccess(db, actor, record.project.id);
  return { record, access };
}

function assertVersion(record: repo.ReportRecord, version: number): void {
  if (record.report.version !== version) {
    throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: record.report.version });
  }
}

function assertEditable(record: repo.ReportRecord): void {
  if (!isEditable(record.report.status)) {
    throw new AppError('INVALID_STATE', 'errors.projectReports.NOT_EDITABLE');
  }
}

function assertSubmitted(record: repo.ReportRecord): void {
  if (record.report.status !== 'submitted') {
    throw new AppError('INVALID_STATE', 'errors.projectReports.NOT_SUBMITTED');
  }
}

/** A report's name in messages: "progress report 2" / "final report". */
export function reportLabel(lang: Language, report: { kind: string; sequence: number }): string {
  return translate(lang, `projectReports.label.${report.kind === 'final' ? 'final' : 'progress'}`, {
    sequence: report.sequence,
  });
}

/** The web page of a report. */
export const reportPath = (projectId: string, reportId: string) =>
  `/projects/${projectId}/reports/${reportId}`;

// ---- Shaping ------------------------------------------------------------------------------------------------------

function toEvidenceFile(row: repo.ReportFileRow): EvidenceFile {
  return {
    id: row.id,
    purpose: row.purpose as EvidencePurpose,
    milestoneId: row.milestoneId,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    createdAt: iso(row.createdAt),
  };
}

/** The milestones a report accounts for, in the project's order, each with its number in the project. */
function coveredMilestones(report: repo.ReportRow, milestones: repo.MilestoneRow[]) {
  return milestones
    .map((milestone, index) => ({ milestone, number: index + 1 }))
    .filter(({ milestone }) => report.milestoneIds.includes(milestone.id));
}

/**
 * The detail a reader sees. Its parts are read one after another: `db` may be a single connection (PGlite, or a
 * transaction, which a `Database` parameter accepts), and one connection runs one query at a time.
 */
async function toDetail(db: Database, actor: Actor, loaded: Loaded, now: Date): Promise<ReportDetail> {
  const { report, project } = loaded.record;
  const milestones = await repo.listProjectMilestones(db, project.id);
  const claims = await repo.listReportMilestones(db, report.id);
  const lines = await repo.listBudgetLines(db, project.id);
  const spentBefore = await repo.sumApprovedSpending(db, project.id, report.id);
  const spending = await repo.listReportExpenditures(db, report.id);
  const indicators = await repo.listIndicators(db, report.id);
  const files = await repo.listFiles(db, report.id);
  const events = await repo.listEvents(db, report.id);
  const claimOf = new Map(claims.map((c) => [c.milestoneId, c]));
  const spentOf = new Map(spending.map((s) => [s.budgetLineId, s]));
  const mayEdit = projectPolicy.editReports(actor, loaded.access) && isEditable(report.status);
  return {
    id: report.id,
    sequence: report.sequence,
    kind: report.kind as ReportKind,
    periodStart: report.periodStart,
    periodEnd: report.periodEnd,
    dueOn: report.dueOn,
    status: report.status as ReportStatus,
    submittedAt: isoOrNull(report.submittedAt),
    reviewedAt: isoOrNull(report.reviewedAt),
    isOverdue: isReportOverdue(report, bangkokDate(now)),
    projectId: project.id,
    agreementNumber: project.agreementNumber,
    projectTitleTh: project.titleTh,
    projectTitleEn: project.titleEn,
    milestones: coveredMilestones(report, milestones).map(({ milestone }) => {
      const claim = claimOf.get(milestone.id);
      return {
        milestoneId: milestone.id,
        titleTh: milestone.titleTh,
        titleEn: milestone.titleEn,
        deliverable: milestone.deliverable,
        dueOn: milestone.dueOn,
        // Until the report says otherwise: the completion the approved reports gave the milestone so far.
        completionPercent: claim?.completionPercent ?? milestone.completionPercent,
        note: claim?.note ?? '',
      };
    }),
    expenditures: lines.map((line) => ({
      budgetLineId: line.id,
      category: line.category as BudgetCategory,
      description: line.description,
      approvedSatang: Number(line.approvedSatang),
      spentBeforeSatang: spentBefore.get(line.id) ?? 0,
      spentSatang: Number(spentOf.get(line.id)?.spentSatang ?? 0),
      note: spentOf.get(line.id)?.note ?? '',
    })),
    indicators: indicators.map((i) => ({
      indicatorCode: i.indicatorCode,
      name: i.name,
      unit: i.unit,
      value: Number(i.value),
      target: i.target === null ? null : Number(i.target),
      note: i.note,
    })),
    narrative: report.narrative,
    problems: report.problems,
    risks: report.risks,
    srlLevel: report.srlLevel,
    srlEvidence: report.srlEvidence,
    lessonsLearned: report.lessonsLearned,
    scalingRecommendations: report.scalingRecommendations,
    files: files.map(toEvidenceFile),
    events: events.map((e) => ({
      action: e.action as ReportEvent['action'],
      comment: e.comment,
      actorName: e.actorName === null || e.actorStatus === 'erased' ? null : e.actorName,
      createdAt: iso(e.createdAt),
    })),
    version: report.version,
    abilities: {
      edit: mayEdit,
      submit: mayEdit,
      review: projectPolicy.reviewReports(actor, loaded.access) && report.status === 'submitted',
    },
  };
}

/**
 * A progress or final report with its milestones, expenditure against each budget line, indicator values, SRL,
 * evidence files, history and what the actor may do; for readers of the project only (others: NOT_FOUND).
 */
export async function getReport(db: Database, actor: Actor, id: string, now: Date): Promise<ReportDetail> {
  return toDetail(db, actor, await load(db, actor, id), now);
}

// ---- Saving -------------------------------------------------------------------------------------------------------

function refuse(issues: FieldIssue[]): never {
  throw new AppError('VALIDATION_FAILED', undefined, { issues });
}

/** Checks a draft against the report and its project: covered milestones, the project's budget lines, final parts. */
async function checkBody(db: DbOrTx, record: repo.ReportRecord, body: ReportBody): Promise<void> {
  const { report, project } = record;
  const issues: FieldIssue[] = [];
  const seenMilestones = new Set<string>();
  body.milestones.forEach((m, i) => {
    const field = `body.milestones.${i}.milestoneId`;
    if (!report.milestoneIds.includes(m.milestoneId)) {
      issues.push(fieldIssue(field, 'not_in_report', 'errors.projectReports.MILESTONE_NOT_IN_REPORT'));
    } else if (seenMilestones.has(m.milestoneId)) {
      issues.push(fieldIssue(field, 'duplicate', 'errors.projectReports.DUPLICATE_MILESTONE'));
    }
    seenMilestones.add(m.milestoneId);
  });
  const lineIds = new Set((await repo.listBudgetLines(db, project.id)).map((l) => l.id));
  const seenLines = new Set<string>();
  body.expenditures.forEach((e, i) => {
    const field = `body.expenditures.${i}.budgetLineId`;
    if (!lineIds.has(e.budgetLineId)) {
      issues.push(fieldIssue(field, 'unknown', 'errors.projectReports.BUDGET_LINE_UNKNOWN'));
    } else if (seenLines.has(e.budgetLineId)) {
      issues.push(fieldIssue(field, 'duplicate', 'errors.projectReports.DUPLICATE_BUDGET_LINE'));
    }
    seenLines.add(e.budgetLineId);
  });
  if (report.kind !== 'final') {
    if (body.lessonsLearned !== '') {
      issues.push(fieldIssue('body.lessonsLearned', 'final_only', 'errors.projectReports.FINAL_ONLY'));
    }
    if (body.scalingRecommendations.length > 0) {
      issues.push(
        fieldIssue('body.scalingRecommendations', 'final_only', 'errors.projectReports.FINAL_ONLY'),
      );
    }
  }
  if (issues.length > 0) {
    refuse(issues);
  }
}

/**
 * Saves a report's draft, all of it (owners and editors of the grantee, while the project is active and the report
 * is not started, a draft or returned): a first save makes it a draft. `version` must be the current one (else
 * CONFLICT); milestones must be among those the report covers and expenditure lines the project's. Audited.
 */
export async function saveReport(
  db: Database,
  actor: Actor,
  id: string,
  body: ReportBody,
  meta: RequestMeta,
  now: Date,
): Promise<ReportDetail> {
  await db.transaction(async (tx) => {
    const loaded = await load(tx, actor, id, true);
    authorize(actor, projectPolicy.editReports, loaded.access);
    assertEditable(loaded.record);
    assertVersion(loaded.record, body.version);
    await checkBody(tx, loaded.record, body);
    const before = loaded.record.report;
    const status = before.status === 'not_started' ? 'draft' : before.status;
    const saved = await repo.updateReportIfVersion(
      tx,
      id,
      body.version,
      {
        status,
        narrative: body.narrative,
        problems: body.problems,
        risks: body.risks,
        srlLevel: body.srlLevel,
        srlEvidence: body.srlEvidence,
        lessonsLearned: body.lessonsLearned,
        scalingRecommendations: body.scalingRecommendations,
      },
      now,
    );
    if (!saved) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION');
    }
    await repo.replaceReportParts(tx, id, {
      milestones: body.milestones,
      expenditures: body.expenditures,
      indicators: body.indicators,
    });
    await recordAudit(tx, meta, {
      action: 'project_report.saved',
      entityType: 'project_report',
      entityId: id,
      before: { status: before.status, version: before.version, srlLevel: before.srlLevel },
      after: {
        status,
        version: saved.version,
        srlLevel: saved.srlLevel,
        spentSatang: body.expenditures.reduce((sum, e) => sum + e.spentSatang, 0),
      },
    });
  });
  return getReport(db, actor, id, now);
}

// ---- Submitting ---------------------------------------------------------------------------------------------------

/** What stands between a report and its submission, one issue per field (Thai and English by the error handler). */
async function completenessIssues(db: DbOrTx, report: repo.ReportRow): Promise<FieldIssue[]> {
  // One after another: inside a transaction the queries share one connection.
  const milestones = await repo.listProjectMilestones(db, report.projectId);
  const claims = await repo.listReportMilestones(db, report.id);
  const files = await repo.listFiles(db, report.id);
  const issues: FieldIssue[] = [];
  if (report.narrative.trim() === '') {
    issues.push(fieldIssue('body.narrative', 'required', 'errors.projectReports.NARRATIVE_REQUIRED'));
  }
  coveredMilestones(report, milestones).forEach(({ milestone, number }, i) => {
    const params = { number, title: milestone.titleTh };
    const claim = claims.find((c) => c.milestoneId === milestone.id);
    if (!claim) {
      issues.push(
        fieldIssue(
          `body.milestones.${i}.completionPercent`,
          'required',
          'errors.projectReports.MILESTONE_COMPLETION_REQUIRED',
          params,
        ),
      );
    } else if (
      claim.completionPercent === 100 &&
      !files.some((f) => f.purpose === 'milestone' && f.milestoneId === milestone.id)
    ) {
      issues.push(
        fieldIssue(
          `body.milestones.${i}.evidence`,
          'evidence_required',
          'errors.projectReports.MILESTONE_EVIDENCE_REQUIRED',
          params,
        ),
      );
    }
  });
  if (report.kind === 'final' && report.srlLevel === null) {
    issues.push(fieldIssue('body.srlLevel', 'required', 'errors.projectReports.SRL_REQUIRED'));
  }
  if (
    report.srlLevel !== null &&
    report.srlEvidence.trim() === '' &&
    !files.some((f) => f.purpose === 'srl')
  ) {
    issues.push(
      fieldIssue('body.srlEvidence', 'evidence_required', 'errors.projectReports.SRL_EVIDENCE_REQUIRED'),
    );
  }
  if (report.kind === 'final') {
    if (report.lessonsLearned.trim() === '') {
      issues.push(fieldIssue('body.lessonsLearned', 'required', 'errors.projectReports.LESSONS_REQUIRED'));
    }
    if (report.scalingRecommendations.length === 0) {
      issues.push(
        fieldIssue('body.scalingRecommendations', 'required', 'errors.projectReports.SCALING_REQUIRED'),
      );
    }
  }
  return issues;
}

export interface Recipient {
  userId: string;
  name: string;
  email: string;
  lang: Language;
}

const toRecipient = (c: repo.Contact): Recipient => ({
  userId: c.userId,
  name: c.name,
  email: c.email,
  lang: c.locale === 'en' ? 'en' : 'th',
});

/** Who reviews a project's reports: its unit's staff, or without a unit the officer who issued the agreement. */
async function reviewers(tx: DbOrTx, project: repo.ReportRecord['project']): Promise<Recipient[]> {
  if (project.drivingUnitId) {
    const staff = await repo.listUnitStaffContacts(tx, project.drivingUnitId);
    if (staff.length > 0) {
      return staff.map(toRecipient);
    }
  }
  const issuer = project.agreementIssuedBy
    ? await repo.listUserContacts(tx, [project.agreementIssuedBy])
    : [];
  const officers =
    issuer.length > 0
      ? issuer
      : await repo.listUserContacts(tx, await listActiveUserIdsWithRole(tx, 'programme_officer'));
  return officers.map(toRecipient);
}

/** Tells people about a report (in-app and by email, each in their language); call it inside the change's tx. */
export async function tellAboutReport(
  tx: DbOrTx,
  recipients: Recipient[],
  message: {
    kind: EmailTemplate;
    params: (lang: Language) => Record<string, string>;
    path: string;
    publicUrl: string;
  },
): Promise<void> {
  if (recipients.length === 0) {
    return;
  }
  await notifyUsers(
    tx,
    recipients.map((r) => r.userId),
    { kind: message.kind, params: message.params, link: message.path },
  );
  for (const recipient of recipients) {
    await queueEmail(tx, {
      to: recipient.email,
      template: message.kind,
      lang: recipient.lang,
      params: { name: recipient.name, ...message.params(recipient.lang) },
      link: `${message.publicUrl}${message.path}`,
    });
  }
}

/** The people of the grantee organisation, for messages about its reports. */
async function organisationMembers(tx: DbOrTx, organisationId: string): Promise<Recipient[]> {
  return (await listMemberContacts(tx, organisationId)).map((m) => ({
    userId: m.userId,
    name: m.name,
    email: m.email,
    lang: m.lang,
  }));
}

function messageParams(record: repo.ReportRecord, extra: (lang: Language) => Record<string, string>) {
  const { project, report } = record;
  return (lang: Language) => ({
    agreement: project.agreementNumber,
    title: titleIn(lang, project.titleTh, project.titleEn),
    organisation: titleIn(lang, project.organisationNameTh, project.organisationNameEn),
    report: reportLabel(lang, report),
    ...extra(lang),
  });
}

/**
 * Submits a report (owners and editors; not started, draft or returned; current version). Refused with every missing
 * part listed by field when incomplete: the narrative, each covered milestone's completion, evidence for a milestone
 * claimed 100 % done, evidence for the SRL claimed, and for the final report the SRL, lessons learned and at least one
 * scaling recommendation. The reviewers (the supervising unit's staff, else the officer who issued the agreement) are
 * told in the app and by email. Audited, with an entry in the report's history.
 */
export async function submitReport(
  db: Database,
  actor: Actor,
  id: string,
  body: VersionBody,
  meta: RequestMeta,
  now: Date,
  publicUrl: string,
): Promise<ReportDetail> {
  await db.transaction(async (tx) => {
    const loaded = await load(tx, actor, id, true);
    authorize(actor, projectPolicy.editReports, loaded.access);
    assertEditable(loaded.record);
    assertVersion(loaded.record, body.version);
    const issues = await completenessIssues(tx, loaded.record.report);
    if (issues.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        'errors.projectReports.INCOMPLETE',
        { issues },
        { count: issues.length },
      );
    }
    const before = loaded.record.report;
    const saved = await repo.updateReportIfVersion(
      tx,
      id,
      body.version,
      {
        status: 'submitted',
        submittedAt: now,
        submittedBy: actor.userId,
        reviewedAt: null,
        reviewedBy: null,
      },
      now,
    );
    if (!saved) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION');
    }
    // The report's indicator rows with a project indicator's code become that indicator's values for the period.
    await feedReportIndicators(tx, before, await repo.listIndicators(tx, id), actor.userId, now);
    await repo.insertEvent(tx, {
      reportId: id,
      action: 'submitted',
      comment: '',
      actorUserId: actor.userId,
      createdAt: now,
    });
    await recordAudit(tx, meta, {
      action: 'project_report.submitted',
      entityType: 'project_report',
      entityId: id,
      before: { status: before.status, version: before.version },
      after: { status: 'submitted', version: saved.version, submittedAt: now.toISOString() },
    });
    await tellAboutReport(tx, await reviewers(tx, loaded.record.project), {
      kind: 'project_report_submitted',
      params: messageParams(loaded.record, () => ({})),
      path: reportPath(loaded.record.project.id, id),
      publicUrl,
    });
  });
  return getReport(db, actor, id, now);
}

// ---- Review -------------------------------------------------------------------------------------------------------

/**
 * Returns a submitted report to the grantee with the reviewer's comment (required): officers, or staff of the
 * supervising unit. The organisation's members are told in the app and by email; audited, kept in the history.
 */
export async function returnReport(
  db: Database,
  actor: Actor,
  id: string,
  body: ReportReviewBody,
  meta: RequestMeta,
  now: Date,
  publicUrl: string,
): Promise<ReportDetail> {
  await db.transaction(async (tx) => {
    const loaded = await load(tx, actor, id, true);
    authorize(actor, projectPolicy.reviewReports, loaded.access);
    assertVersion(loaded.record, body.version);
    assertSubmitted(loaded.record);
    const comment = body.comment.trim();
    if (comment === '') {
      refuse([fieldIssue('body.comment', 'required', 'errors.projectReports.COMMENT_REQUIRED')]);
    }
    const saved = await repo.updateReportIfVersion(
      tx,
      id,
      body.version,
      { status: 'returned', reviewedAt: now, reviewedBy: actor.userId },
      now,
    );
    if (!saved) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION');
    }
    await repo.insertEvent(tx, {
      reportId: id,
      action: 'returned',
      comment,
      actorUserId: actor.userId,
      createdAt: now,
    });
    await recordAudit(tx, meta, {
      action: 'project_report.returned',
      entityType: 'project_report',
      entityId: id,
      before: { status: 'submitted', version: loaded.record.report.version },
      after: { status: 'returned', version: saved.version, comment },
    });
    await tellAboutReport(tx, await organisationMembers(tx, loaded.record.project.organisationId), {
      kind: 'project_report_returned',
      params: messageParams(loaded.record, () => ({ comment })),
      path: reportPath(loaded.record.project.id, id),
      publicUrl,
    });
  });
  return getReport(db, actor, id, now);
}

/**
 * Approves a submitted report (officers, or staff of the supervising unit), under the project's lock: the milestones
 * it accounts for take its completion (and the date they were completed), and the instalments tied to it become
 * ready for payment. The organisation's members are told in the app and by email; audited, kept in the history.
 */
export async function approveReport(
  db: Database,
  actor: Actor,
  id: string,
  body: ReportReviewBody,
  meta: RequestMeta,
  now: Date,
  publicUrl: string,
): Promise<ReportDetail> {
  const { record } = await load(db, actor, id);
  await db.transaction(async (tx) => {
    await lockProject(tx, record.project.id);
    const loaded = await load(tx, actor, id, true);
    authorize(actor, projectPolicy.reviewReports, loaded.access);
    assertVersion(loaded.record, body.version);
    assertSubmitted(loaded.record);
    const comment = body.comment.trim();
    const saved = await repo.updateReportIfVersion(
      tx,
      id,
      body.version,
      { status: 'approved', reviewedAt: now, reviewedBy: actor.userId },
      now,
    );
    if (!saved) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION');
    }
    const today = bangkokDate(now);
    const milestones = new Map(
      (await repo.listProjectMilestones(tx, record.project.id)).map((m) => [m.id, m]),
    );
    const claims = await repo.listReportMilestones(tx, id);
    for (const claim of claims) {
      const milestone = milestones.get(claim.milestoneId);
      if (!milestone) {
        continue;
      }
      const completedOn = claim.completionPercent === 100 ? (milestone.completedOn ?? today) : null;
      await repo.updateMilestoneCompletion(tx, milestone.id, claim.completionPercent, completedOn, now);
    }
    const ready = await repo.readyInstalmentsOf(tx, id, now);
    await repo.insertEvent(tx, {
      reportId: id,
      action: 'approved',
      comment,
      actorUserId: actor.userId,
      createdAt: now,
    });
    await recordAudit(tx, meta, {
      action: 'project_report.approved',
      entityType: 'project_report',
      entityId: id,
      before: { status: 'submitted', version: loaded.record.report.version },
      after: {
        status: 'approved',
        version: saved.version,
        comment,
        milestones: claims.map((c) => ({ id: c.milestoneId, completionPercent: c.completionPercent })),
        instalmentsReady: ready.map((i) => ({
          id: i.id,
          sequence: i.sequence,
          amountSatang: Number(i.amountSatang),
        })),
      },
    });
    const instalmentsText = (lang: Language) =>
      ready.length === 0
        ? translate(lang, 'projectReports.noInstalmentReady')
        : ready
            .map((i) =>
              translate(lang, 'projectReports.instalmentReady', {
                sequence: i.sequence,
                amount: formatBaht(Number(i.amountSatang), lang),
              }),
            )
            .join(' ');
    await tellAboutReport(tx, await organisationMembers(tx, loaded.record.project.organisationId), {
      kind: 'project_report_approved',
      params: messageParams(loaded.record, (lang) => ({
        comment: comment === '' ? translate(lang, 'projectReports.noComment') : comment,
        instalments: instalmentsText(lang),
      })),
      path: reportPath(loaded.record.project.id, id),
      publicUrl,
    });
  });
  return getReport(db, actor, id, now);
}

// ---- Evidence files -----------------------------------------------------------------------------------------------

/** An uploaded file as the routes read it. */
export type EvidenceUpload = UploadInput;

function tooManyFiles(): AppError {
  const params = { max: PROJECT_LIMITS.evidenceFilesPerReport };
  return new AppError(
    'VALIDATION_FAILED',
    'errors.projectReports.TOO_MANY_FILES',
    { issues: [fieldIssue('body.file', 'too_many', 'errors.projectReports.TOO_MANY_FILES', params)] },
    params,
  );
}

/** A milestone's evidence names one of the report's milestones; other evidence names none. */
function checkPurpose(report: repo.ReportRow, query: EvidenceUploadQuery): void {
  if (query.purpose === 'milestone') {
    if (!query.milestoneId || !report.milestoneIds.includes(query.milestoneId)) {
      refuse([
        fieldIssue('query.milestoneId', 'invalid', 'errors.projectReports.EVIDENCE_MILESTONE_REQUIRED'),
      ]);
    }
  } else if (query.milestoneId) {
    refuse([
      fieldIssue('query.milestoneId', 'invalid', 'errors.projectReports.EVIDENCE_MILESTONE_NOT_ALLOWED'),
    ]);
  }
}

/**
 * Attaches an evidence file to an editable report (owners and editors): for a covered milestone, the SRL claim,
 * expenditure or other. The type is judged on the content (PDF, images, Office and OpenDocument files; a text file
 * renamed .pdf is refused), the size against PROJECT_LIMITS.evidenceFileMaxBytes and the count against
 * evidenceFilesPerReport; a refused upload changes nothing. Bytes go to file storage, their SHA-256 beside the
 * record. Audited.
 */
export async function uploadEvidence(
  db: Database,
  storage: FileStorage,
  actor: Actor,
  id: string,
  query: EvidenceUploadQuery,
  input: EvidenceUpload,
  meta: RequestMeta,
  now: Date,
): Promise<EvidenceFile> {
  const loaded = await load(db, actor, id);
  authorize(actor, projectPolicy.editReports, loaded.access);
  assertEditable(loaded.record);
  checkPurpose(loaded.record.report, query);
  const { fileName, sniffed } = await checkEvidenceUpload(input, PROJECT_LIMITS.evidenceFileMaxBytes, {
    tooLarge: 'errors.projectReports.FILE_TOO_LARGE',
    notAllowed: 'errors.projectReports.FILE_TYPE_NOT_ALLOWED',
  });
  if ((await repo.countFiles(db, id)) >= PROJECT_LIMITS.evidenceFilesPerReport) {
    throw tooManyFiles();
  }
  const storageKey = await storage.put('project-reports', input.bytes);
  try {
    const row = await db.transaction(async (tx) => {
      const locked = await load(tx, actor, id, true);
      authorize(actor, projectPolicy.editReports, locked.access);
      assertEditable(locked.record);
      if ((await repo.countFiles(tx, id)) >= PROJECT_LIMITS.evidenceFilesPerReport) {
        throw tooManyFiles();
      }
      const inserted = await repo.insertFile(tx, {
        reportId: id,
        purpose: query.purpose,
        milestoneId: query.purpose === 'milestone' ? (query.milestoneId ?? null) : null,
        fileName,
        contentType: sniffed.contentType,
        sizeBytes: input.bytes.length,
        sha256: createHash('sha256').update(input.bytes).digest('hex'),
        storageKey,
        uploadedBy: actor.userId,
        createdAt: now,
      });
      await recordAudit(tx, meta, {
        action: 'project_report.file_added',
        entityType: 'project_report',
        entityId: id,
        after: {
          fileId: inserted.id,
          purpose: inserted.purpose,
          milestoneId: inserted.milestoneId,
          fileName,
          sizeBytes: inserted.sizeBytes,
          sha256: inserted.sha256,
        },
      });
      return inserted;
    });
    return toEvidenceFile(row);
  } catch (error) {
    await storage.remove(storageKey);
    throw error;
  }
}

/** An evidence file's bytes, for readers of the project. */
export async function readEvidence(
  db: Database,
  storage: FileStorage,
  actor: Actor,
  id: string,
  fileId: string,
): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
  await load(db, actor, id);
  const row = await repo.findFile(db, id, fileId);
  if (!row) {
    throw new AppError('NOT_FOUND');
  }
  return { fileName: row.fileName, contentType: row.contentType, bytes: await storage.get(row.storageKey) };
}

/** Removes an evidence file of an editable report (owners and editors); the bytes go after the commit. Audited. */
export async function deleteEvidence(
  db: Database,
  storage: FileStorage,
  actor: Actor,
  id: string,
  fileId: string,
  meta: RequestMeta,
): Promise<void> {
  const storageKey = await db.transaction(async (tx) => {
    const loaded = await load(tx, actor, id, true);
    authorize(actor, projectPolicy.editReports, loaded.access);
    assertEditable(loaded.record);
    const row = await repo.findFile(tx, id, fileId);
    if (!row) {
      throw new AppError('NOT_FOUND');
    }
    await repo.deleteFile(tx, fileId);
    await recordAudit(tx, meta, {
      action: 'project_report.file_removed',
      entityType: 'project_report',
      entityId: id,
      before: { fileId, purpose: row.purpose, milestoneId: row.milestoneId, fileName: row.fileName },
      after: null,
    });
    return row.storageKey;
  });
  await storage.remove(storageKey);
}
