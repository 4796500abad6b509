import { createHash } from 'node:crypto';
import type { Database, DbOrTx } from '@server/db/client';
import { AppError, fieldIssue, invalidField } from '@server/lib/errors';
import type { Actor, RequestMeta } from '@server/lib/authz';
import { translate } from '@server/lib/i18n';
import { formatBaht, formatDateTime, formatIsoDate } from '@server/lib/pdf';
import {
  AgreementTermsSchema,
  type AcceptAgreementBody,
  type AgreementTerms,
  type BudgetLine,
  type CloseProjectBody,
  type DisbursementQuery,
  type DisbursementReport,
  type Instalment,
  type InstalmentStatus,
  type PaymentBody,
  type ProjectAbilities,
  type ProjectDetail,
  type ProjectList,
  type ProjectListQuery,
  type ProjectSetupBody,
  type ProjectStatus,
  type ProjectSummary,
  type ProjectUnitBody,
  type Reallocation,
  type ReallocationBody,
  type ReallocationDecisionBody,
  type ReallocationStatus,
  type ReportKind,
  type ReportSchedule,
  type ReportStatus,
  type VersionBody,
} from '@shared/contracts/projects';
import {
  BudgetRowSchema,
  MilestoneRowSchema,
  SrlAnswerSchema,
  type BudgetCategory,
  type FormDefinition,
} from '@shared/contracts/forms';
import { allQuestions, isQuestionVisible } from '@shared/forms/validate';
import {
  bangkokDate,
  defaultInstalments,
  planReports,
  splitProportionally,
  sumSatang,
  type PlannedReport,
} from '@shared/projects/plan';
import { assessHealth, isMilestoneLate, isReportOverdue } from '@shared/projects/health';
import type { Language } from '@shared/i18n/index';
import { getMemberRole, listMemberContacts } from '@server/modules/organisations/organisations.service';
import { recordAudit } from '@server/modules/audit/audit.service';
import { notifyUsers, queueEmail } from '@server/modules/notifications/notifications.service';
import { upsertProjectInnovation } from '@server/modules/innovations/innovations.service';
import * as repo from './projects.repo';
import { isProjectOfficer, projectPolicy, type ProjectAbility, type ProjectAccess } from './projects.policy';

// ---- Shaping ------------------------------------------------------------------------------------------------------

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));
const titleIn = (lang: Language, th: string, en: string | null) => (lang === 'en' && en ? en : th);

/** Baht with thousands separators and two decimals, no currency (error messages say "baht" themselves). */
export function bahtText(satang: number): string {
  return new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    satang / 100,
  );
}

/** Where links in emails point when the routes give none. */
let linkBase = 'http://localhost:3000';

/** Sets the public URL used in email links (done when the routes register). */
export function setProjectLinkBase(publicUrl: string): void {
  linkBase = publicUrl.replace(/\/$/, '');
}

const projectPath = (id: string) => `/projects/${id}`;

/** The same JSON for the same terms whatever the key order: object keys sorted at every level. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function termsSha256(terms: AgreementTerms): string {
  return createHash('sha256').update(canonicalJson(terms), 'utf8').digest('hex');
}

function accessOf(project: repo.ProjectRow, memberRole: ProjectAccess['memberRole']): ProjectAccess {
  return { status: project.status as ProjectStatus, drivingUnitId: project.drivingUnitId, memberRole };
}

function abilitiesOf(actor: Actor, access: ProjectAccess): ProjectAbilities {
  const can = (ability: ProjectAbility) => projectPolicy[ability](actor, access);
  return {
    editSetup: can('editSetup'),
    issueAgreement: can('issueAgreement'),
    withdrawAgreement: can('withdrawAgreement'),
    acceptAgreement: can('acceptAgreement'),
    changeUnit: can('changeUnit'),
    recordPayment: can('recordPayment'),
    editReports: can('editReports'),
    reviewReports: can('reviewReports'),
    requestReallocation: can('requestReallocation'),
    decideReallocation: can('decideReallocation'),
    close: can('close'),
  };
}

/**
 * Asserts an ability that holds only in `status`: FORBIDDEN when the actor could not do it even then, INVALID_STATE
 * (with the project's status in words) when only the status is wrong.
 */
function assertCan(
  actor: Actor,
  ability: ProjectAbility,
  access: ProjectAccess,
  status: ProjectStatus,
): void {
  if (!projectPolicy[ability](actor, { ...access, status })) {
    throw new AppError('FORBIDDEN');
  }
  if (!projectPolicy[ability](actor, access)) {
    throw new AppError('INVALID_STATE', 'errors.projects.WRONG_STATUS', undefined, {
      status: translate('th', `projects.status.${access.status}`),
    });
  }
}

function assertVersion(current: number, given: number, latest?: unknown): void {
  if (current !== given) {
    throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: current, current: latest });
  }
}

function toInstalment(row: repo.InstalmentRow, reports: readonly repo.ReportRow[]): Instalment {
  return {
    id: row.id,
    sequence: row.sequence,
    amountSatang: Number(row.amountSatang),
    releaseReportId: row.releaseReportId,
    releaseReportSequence: reports.find((r) => r.id === row.releaseReportId)?.sequence ?? null,
    status: row.status as InstalmentStatus,
    readyAt: isoOrNull(row.readyAt),
    paidOn: row.paidOn,
    paidSatang: row.paidSatang === null ? null : Number(row.paidSatang),
    withheldSatang: Number(row.withheldSatang),
    paymentReference: row.paymentReference,
    paymentNote: row.paymentNote,
    version: row.version,
  };
}

function toReallocation(
  row: repo.ReallocationRow,
  names: { requestedByName: string | null; decidedByName: string | null },
): Reallocation {
  return {
    id: row.id,
    projectId: row.projectId,
    fromLineId: row.fromLineId,
    toLineId: row.toLineId,
    amountSatang: Number(row.amountSatang),
    reason: row.reason,
    status: row.status as ReallocationStatus,
    requestedAt: iso(row.requestedAt),
    requestedByName: names.requestedByName,
    decidedAt: isoOrNull(row.decidedAt),
    decidedByName: names.decidedByName,
    decisionNote: row.decisionNote,
    version: row.version,
  };
}

// ---- Access (also for the reports part of this module) ------------------------------------------------------------

/**
 * The project and what the actor is to it (status, supervising unit, role in the grantee organisation). NOT_FOUND
 * when there is no such project or the actor may not read it: officers read all, a unit's staff their portfolio,
 * members their organisation's projects.
 */
export async function getProjectAccess(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
): Promise<{ project: repo.ProjectRow; access: ProjectAccess }> {
  const project = await repo.findProject(db, projectId);
  if (!project) {
    throw new AppError('NOT_FOUND');
  }
  const memberRole = await getMemberRole(db, project.organisationId, actor.userId);
  const access = accessOf(project, memberRole);
  if (!projectPolicy.read(actor, access)) {
    throw new AppError('NOT_FOUND');
  }
  return { project, access };
}

/** Locks a project's row for the rest of the transaction (every money change does); NOT_FOUND when missing. */
export async function lockProject(tx: DbOrTx, projectId: string): Promise<repo.ProjectRow> {
  const row = await repo.lockProject(tx, projectId);
  if (!row) {
    throw new AppError('NOT_FOUND');
  }
  return row;
}

// ---- Creation from an award ---------------------------------------------------------------------------------------

/** A date twelve calendar months later (29 February → 28 February). */
function addYear(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4)) + 1;
  const monthDay = isoDate.slice(5);
  return monthDay === '02-29' ? `${year}-02-28` : `${year}-${monthDay}`;
}

interface PlannedLine {
  category: BudgetCategory;
  description: string;
  amountSatang: number;
}

interface PlannedMilestone {
  titleTh: string;
  titleEn: string;
  deliverable: string;
  dueOn: string;
}

/** The budget rows of the proposal's visible budget tables. */
function proposalBudget(form: FormDefinition, answers: Record<string, unknown>): PlannedLine[] {
  const lines: PlannedLine[] = [];
  for (const q of allQuestions(form)) {
    const rows = answers[q.id];
    if (q.type !== 'budget_table' || !Array.isArray(rows) || !isQuestionVisible(q, answers, form)) {
      continue;
    }
    for (const r of rows) {
      const parsed = BudgetRowSchema.safeParse(r);
      if (parsed.success && parsed.data.amountSatang > 0) {
        lines.push({
          category: parsed.data.category,
          description: parsed.data.description.trim(),
          amountSatang: parsed.data.amountSatang,
        });
      }
    }
  }
  return lines.slice(0, 100);
}

/** The milestones of the proposal's visible milestone tables that fall due after `startsOn`, by due date. */
function proposalMilestones(
  form: FormDefinition,
  answers: Record<string, unknown>,
  startsOn: string,
): PlannedMilestone[] {
  const found: PlannedMilestone[] = [];
  for (const q of allQuestions(form)) {
    const rows = answers[q.id];
    if (q.type !== 'milestones_table' || !Array.isArray(rows) || !isQuestionVisible(q, answers, form)) {
      continue;
    }
    for (const r of rows) {
      const parsed = MilestoneRowSchema.safeParse(r);
      if (parsed.success && parsed.data.dueDate > startsOn && parsed.data.title.trim() !== '') {
        found.push({
          titleTh: parsed.data.title.trim().slice(0, 300),
          titleEn: '',
          deliverable: (parsed.data.deliverable ?? '').trim(),
          dueOn: parsed.data.dueDate,
        });
      }
    }
  }
  return found.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0)).slice(0, 40);
}

/** The SRL answer of the proposal (current and target), when its form asks for one. */
function proposalSrl(
  form: FormDefinition,
  answers: Record<string, unknown>,
): { start: number | null; target: number | null } {
  for (const q of allQuestions(form)) {
    if (q.type !== 'srl' || !isQuestionVisible(q, answers, form)) {
      continue;
    }
    const parsed = SrlAnswerSchema.safeParse(answers[q.id]);
    if (parsed.success) {
      return { start: parsed.data.current ?? null, target: parsed.data.target ?? null };
    }
  }
  return { start: null, target: null };
}

/** Writes the reports and instalments of a plan; the milestones are given in position order. */
async function writeSchedule(
  tx: DbOrTx,
  projectId: string,
  planned: PlannedReport[],
  milestones: repo.MilestoneRow[],
  instalments: Array<{ amountSatang: number; releaseAfterReport: number | null }>,
): Promise<{ reports: repo.ReportRow[]; instalments: repo.InstalmentRow[] }> {
  const reports = await repo.insertReports(
    tx,
    planned.map((r) => ({
      projectId,
      sequence: r.sequence,
      kind: r.kind,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      dueOn: r.dueOn,
      milestoneIds: r.milestoneIndexes.flatMap((i) => {
        const id = milestones[i]?.id;
        return id ? [id] : [];
      }),
    })),
  );
  const bySequence = new Map(reports.map((r) => [r.sequence, r.id]));
  const rows = await repo.insertInstalments(
    tx,
    instalments.map((inst, index) => ({
      projectId,
      sequence: index + 1,
      amountSatang: inst.amountSatang,
      releaseReportId:
        inst.releaseAfterReport === null ? null : (bySequence.get(inst.releaseAfterReport) ?? null),
    })),
  );
  return { reports, instalments: rows };
}

export interface AwardInput {
  decisionId: string;
  proposalId: string;
  awardSatang: number;
  now: Date;
  meta: RequestMeta;
}

/**
 * Creates the project of a released award inside the release's transaction (idempotent: a proposal has at most one
 * project; returns the existing one's id). The project starts in setup with agreement number `SI-<FY>-<0001>`
 * (the call's fiscal year, BE), the proposal's title, organisation, provinces and themes, its budget table scaled to
 * the award (one line when it has none), its milestones (one at twelve months when it has none), a period from the
 * release date (Bangkok) to the last milestone, the SRL of its answer, the area-based driving unit of its first
 * province, reports planned per milestone and the usual instalments (40/40/20) tied to them; audited.
 */
export async function createProjectForAward(tx: DbOrTx, input: AwardInput): Promise<string> {
  const existing = await repo.findProjectIdByProposal(tx, input.proposalId);
  if (existing) {
    return existing;
  }
  const source = await repo.findAwardSource(tx, input.proposalId);
  if (!source) {
    throw new AppError('NOT_FOUND');
  }
  const award = input.awardSatang;
  const startsOn = bangkokDate(input.now);
  const answers = source.answers;
  const asked = proposalBudget(source.form, answers);
  const amounts = splitProportionally(
    award,
    asked.map((l) => l.amountSatang),
  );
  const lines: PlannedLine[] =
    asked.length > 0
      ? asked.map((l, i) => ({ ...l, amountSatang: amounts[i] ?? 0 }))
      : [
          {
            category: 'other',
            description: translate('th', 'projects.defaults.budgetLine'),
            amountSatang: award,
          },
        ];
  const fromProposal = proposalMilestones(source.form, answers, startsOn);
  const milestones: PlannedMilestone[] =
    fromProposal.length > 0
      ? fromProposal
      : [
          {
            titleTh: translate('th', 'projects.defaults.milestone'),
            titleEn: translate('en', 'projects.defaults.milestone'),
            deliverable: '',
            dueOn: addYear(startsOn),
          },
        ];
  const endsOn = milestones.at(-1)?.dueOn ?? addYear(startsOn);
  const srl = proposalSrl(source.form, answers);
  const firstProvince = source.provinceCodes[0];
  const drivingUnitId =
    firstProvince === undefined ? null : await repo.findAreaUnitForProvince(tx, firstProvince);
  const n = await repo.nextAgreementNumber(tx, source.fiscalYear);
  const project = await repo.insertProject(tx, {
    proposalId: input.proposalId,
    decisionId: input.decisionId,
    callId: source.callId,
    organisationId: source.organisationId,
    drivingUnitId,
    agreementNumber: `SI-${source.fiscalYear}-${String(n).padStart(4, '0')}`,
    titleTh: source.titleTh,
    titleEn: source.titleEn,
    fiscalYear: source.fiscalYear,
    provinceCodes: source.provinceCodes,
    themes: source.themes,
    awardSatang: award,
    status: 'setup',
    startsOn,
    endsOn,
    reportSchedule: 'milestone',
    srlStart: srl.start,
    srlTarget: srl.target,
  });
  await repo.insertBudgetLines(
    tx,
    lines.map((l, position) => ({
      projectId: project.id,
      position,
      category: l.category,
      description: l.description || translate('th', `proposalPdf.budget.categories.${l.category}`),
      plannedSatang: l.amountSatang,
      approvedSatang: l.amountSatang,
    })),
  );
  const milestoneRows = await repo.insertMilestones(
    tx,
    milestones.map((m, position) => ({ projectId: project.id, position, ...m })),
  );
  const planned = planReports({
    startsOn,
    endsOn,
    schedule: 'milestone',
    milestoneDueDates: milestoneRows.map((m) => m.dueOn),
  });
  await writeSchedule(tx, project.id, planned, milestoneRows, defaultInstalments(award, planned.length));
  await recordAudit(tx, input.meta, {
    action: 'project.created',
    entityType: 'project',
    entityId: project.id,
    after: {
      agreementNumber: project.agreementNumber,
      proposalId: input.proposalId,
      decisionId: input.decisionId,
      awardSatang: award,
      drivingUnitId,
      startsOn,
      endsOn,
    },
  });
  return project.id;
}

// ---- Reading --------------------------------------------------------------------------------------------------------

function summaryOf(
  project: repo.ProjectRow,
  names: {
    organisationNameTh: string;
    organisationNameEn: string | null;
    callCode: string;
    drivingUnitNameTh: string | null;
    drivingUnitNameEn: string | null;
  },
  money: { paidSatang: number; nextReportDueOn: string | null },
  facts: { overdueReports: number; overspentLines: number; lateMilestones: number },
): ProjectSummary {
  return {
    id: project.id,
    agreementNumber: project.agreementNumber,
    titleTh: project.titleTh,
    titleEn: project.titleEn,
    organisationId: project.organisationId,
    organisationNameTh: names.organisationNameTh,
    organisationNameEn: names.organisationNameEn,
    callId: project.callId,
    callCode: names.callCode,
    fiscalYear: project.fiscalYear,
    drivingUnitId: project.drivingUnitId,
    drivingUnitNameTh: names.drivingUnitNameTh,
    drivingUnitNameEn: names.drivingUnitNameEn,
    status: project.status as ProjectStatus,
    awardSatang: Number(project.awardSatang),
    paidSatang: money.paidSatang,
    startsOn: project.startsOn,
    endsOn: project.endsOn,
    nextReportDueOn: money.nextReportDueOn,
    health: assessHealth(facts),
  };
}

/**
 * The projects the actor may see, scoped in SQL (officers and administrators: all; a unit's staff: its portfolio;
 * members: their organisations'), filtered, with health from facts counted in SQL; paged by offset.
 */
export async function listProjects(
  db: Database,
  actor: Actor,
  query: ProjectListQuery,
  now: Date,
): Promise<ProjectList> {
  const offset = query.cursor ?? 0;
  const scope: repo.ProjectScope = {
    all: isProjectOfficer(actor),
    userId: actor.userId,
    drivingUnitId: actor.roles.includes('driving_unit_staff') ? actor.drivingUnitId : null,
  };
  const rows = await repo.listProjects(
    db,
    scope,
    {
      status: query.status,
      health: query.health,
      drivingUnitId: query.drivingUnitId,
      callId: query.callId,
      fiscalYear: query.fiscalYear,
      q: query.q,
      offset,
      limit: query.limit,
    },
    bangkokDate(now),
  );
  const total = Number(rows[0]?.total ?? 0);
  return {
    data: rows.map((r) =>
      summaryOf(
        r.project,
        r,
        { paidSatang: Number(r.paidSatang), nextReportDueOn: r.nextReportDueOn },
        {
          overdueReports: Number(r.overdueReports),
          overspentLines: Number(r.overspentLines),
          lateMilestones: Number(r.lateMilestones),
        },
      ),
    ),
    page: { nextCursor: offset + rows.length < total ? offset + rows.length : null, total },
  };
}

async function detailOf(
  db: DbOrTx,
  actor: Actor,
  project: repo.ProjectRow,
  access: ProjectAccess,
  now: Date,
): Promise<ProjectDetail> {
  const today = bangkokDate(now);
  const names = await repo.findProjectNames(db, project);
  const lines = await repo.listBudgetLines(db, project.id);
  const milestones = await repo.listMilestones(db, project.id);
  const reports = await repo.listReports(db, project.id);
  const instalments = await repo.listInstalments(db, project.id);
  const reallocations = await repo.listReallocations(db, project.id);
  const facts = await repo.findHealthFacts(db, project.id, today);
  const open = reports.filter((r) => ['not_started', 'draft', 'returned'].includes(r.status));
  const approved = reports.filter((r) => r.status === 'approved' && r.srlLevel !== null);
  const terms = project.agreementTerms;
  return {
    ...summaryOf(
      project,
      names,
      {
        paidSatang: sumSatang(instalments.map((i) => Number(i.paidSatang ?? 0))),
        nextReportDueOn: open[0] ? (open.map((r) => r.dueOn).sort()[0] ?? null) : null,
      },
      facts,
    ),
    proposalId: project.proposalId,
    callTitleTh: names.callTitleTh,
    callTitleEn: names.callTitleEn,
    provinceCodes: project.provinceCodes,
    themes: project.themes,
    reportSchedule: project.reportSchedule as ReportSchedule,
    reallocationLimitPercent: project.reallocationLimitPercent,
    reallocatedSatang: sumSatang(
      reallocations
        .filter((r) => r.reallocation.status === 'approved')
        .map((r) => Number(r.reallocation.amountSatang)),
    ),
    srlStart: project.srlStart,
    srlTarget: project.srlTarget,
    srlCurrent: approved.at(-1)?.srlLevel ?? null,
    agreement: {
      state: project.agreementAcceptedAt ? 'accepted' : terms ? 'issued' : 'draft',
      issuedAt: isoOrNull(project.agreementIssuedAt),
      acceptedAt: isoOrNull(project.agreementAcceptedAt),
      acceptedByName: project.agreementAcceptedName,
      sha256: project.agreementSha256,
    },
    budgetLines: lines.map((l): BudgetLine => ({
      id: l.id,
      position: l.position,
      category: l.category as BudgetCategory,
      description: l.description,
      plannedSatang: Number(l.plannedSatang),
      approvedSatang: Number(l.approvedSatang),
      spentSatang: l.spentSatang,
    })),
    milestones: milestones.map((m) => ({
      id: m.id,
      position: m.position,
      titleTh: m.titleTh,
      titleEn: m.titleEn,
      deliverable: m.deliverable,
      dueOn: m.dueOn,
      completionPercent: m.completionPercent,
      completedOn: m.completedOn,
      isLate: project.status === 'active' && isMilestoneLate(m, today),
    })),
    instalments: instalments.map((i) => toInstalment(i, reports)),
    reports: reports.map((r) => ({
      id: r.id,
      sequence: r.sequence,
      kind: r.kind as ReportKind,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      dueOn: r.dueOn,
      status: r.status as ReportStatus,
      submittedAt: isoOrNull(r.submittedAt),
      reviewedAt: isoOrNull(r.reviewedAt),
      isOverdue: project.status === 'active' && isReportOverdue(r, today),
    })),
    reallocations: reallocations.map((r) => toReallocation(r.reallocation, r)),
    closedAt: isoOrNull(project.closedAt),
    closingNote: project.closingNote,
    innovationId: project.innovationId,
    version: project.version,
    abilities: abilitiesOf(actor, access),
  };
}

/** A project's page: plan, money, reports, reallocations, health and what the actor may do (readers). */
export async function getProject(db: Database, actor: Actor, id: string, now: Date): Promise<ProjectDetail> {
  const { project, access } = await getProjectAccess(db, actor, id);
  return detailOf(db, actor, project, access, now);
}

// ---- Setup ----------------------------------------------------------------------------------------------------------

/**
 * Replaces the plan of a project in setup (officers; current version or CONFLICT): period, unit, report schedule,
 * reallocation limit, SRL target, budget lines, milestones, and instalments; the reports are planned again from the
 * milestones or the quarters. The lines and the instalments must each sum exactly to the award (field errors give
 * both sums), the period must end after it starts, milestones fall within it, an instalment's report must exist in the
 * new plan and the unit must exist. Audited.
 */
export async function saveProjectSetup(
  db: Database,
  actor: Actor,
  id: string,
  body: ProjectSetupBody,
  meta: RequestMeta,
  now: Date,
): Promise<ProjectDetail> {
  const { access } = await getProjectAccess(db, actor, id);
  assertCan(actor, 'editSetup', access, 'setup');
  return db.transaction(async (tx) => {
    const project = await lockProject(tx, id);
    const locked = accessOf(project, access.memberRole);
    assertCan(actor, 'editSetup', locked, 'setup');
    assertVersion(project.version, body.version);
    const award = Number(project.awardSatang);
    const issues: Array<ReturnType<typeof fieldIssue>> = [];
    const lineSum = sumSatang(body.budgetLines.map((l) => l.amountSatang));
    if (lineSum !== award) {
      issues.push(
        fieldIssue('body.budgetLines', 'sum', 'errors.projects.BUDGET_SUM', {
          sum: bahtText(lineSum),
          award: bahtText(award),
        }),
      );
    }
    const instalmentSum = sumSatang(body.instalments.map((i) => i.amountSatang));
    if (instalmentSum !== award) {
      issues.push(
        fieldIssue('body.instalments', 'sum', 'errors.projects.INSTALMENT_SUM', {
          sum: bahtText(instalmentSum),
          award: bahtText(award),
        }),
      );
    }
    const periodOk = body.endsOn > body.startsOn;
    if (!periodOk) {
      issues.push(fieldIssue('body.endsOn', 'period', 'errors.projects.PERIOD'));
    }
    const milestones = body.milestones
      .map((m, index) => ({ ...m, index }))
      .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.index - b.index));
    for (const m of milestones) {
      if (periodOk && (m.dueOn <= body.startsOn || m.dueOn > body.endsOn)) {
        issues.push(
          fieldIssue(`body.milestones.${m.index}.dueOn`, 'outside', 'errors.projects.MILESTONE_OUTSIDE', {
            start: body.startsOn,
            end: body.endsOn,
          }),
        );
      }
    }
    const planned = periodOk
      ? planReports({
          startsOn: body.startsOn,
          endsOn: body.endsOn,
          schedule: body.reportSchedule,
          milestoneDueDates: milestones.map((m) => m.dueOn),
        })
      : [];
    body.instalments.forEach((inst, index) => {
      if (periodOk && inst.releaseAfterReport !== null && inst.releaseAfterReport > planned.length) {
        issues.push(
          fieldIssue(
            `body.instalments.${index}.releaseAfterReport`,
            'unknown_report',
            'errors.projects.RELEASE_REPORT',
            { sequence: inst.releaseAfterReport, count: planned.length },
          ),
        );
      }
    });
    if (body.drivingUnitId !== null && !(await repo.drivingUnitExists(tx, body.drivingUnitId))) {
      issues.push(fieldIssue('body.drivingUnitId', 'unknown', 'errors.projects.UNKNOWN_UNIT'));
    }
    if (issues.length > 0) {
      throw new AppError('VALIDATION_FAILED', undefined, { issues });
    }
    const before = {
      startsOn: project.startsOn,
      endsOn: project.endsOn,
      drivingUnitId: project.drivingUnitId,
      reportSchedule: project.reportSchedule,
      reallocationLimitPercent: project.reallocationLimitPercent,
      srlTarget: project.srlTarget,
      budgetLines: (await repo.listBudgetLines(tx, id)).map((l) => [l.category, Number(l.approvedSatang)]),
      instalments: (await repo.listInstalments(tx, id)).map((i) => Number(i.amountSatang)),
    };
    await repo.deletePlan(tx, id);
    await repo.insertBudgetLines(
      tx,
      body.budgetLines.map((l, position) => ({
        projectId: id,
        position,
        category: l.category,
        description: l.description,
        plannedSatang: l.amountSatang,
        approvedSatang: l.amountSatang,
      })),
    );
    const milestoneRows = await repo.insertMilestones(
      tx,
      milestones.map((m, position) => ({
        projectId: id,
        position,
        titleTh: m.titleTh,
        titleEn: m.titleEn,
        deliverable: m.deliverable,
        dueOn: m.dueOn,
      })),
    );
    await writeSchedule(tx, id, planned, milestoneRows, body.instalments);
    const updated = await repo.updateProject(tx, id, {
      startsOn: body.startsOn,
      endsOn: body.endsOn,
      drivingUnitId: body.drivingUnitId,
      reportSchedule: body.reportSchedule,
      reallocationLimitPercent: body.reallocationLimitPercent,
      srlTarget: body.srlTarget,
    });
    await recordAudit(tx, meta, {
      action: 'project.setup_saved',
      entityType: 'project',
      entityId: id,
      before,
      after: {
        startsOn: body.startsOn,
        endsOn: body.endsOn,
        drivingUnitId: body.drivingUnitId,
        reportSchedule: body.reportSchedule,
        reallocationLimitPercent: body.reallocationLimitPercent,
        srlTarget: body.srlTarget,
        budgetLines: body.budgetLines.map((l) => [l.category, l.amountSatang]),
        instalments: body.instalments.map((i) => i.amountSatang),
        reports: planned.length,
      },
    });
    return detailOf(tx, actor, updated, accessOf(updated, access.memberRole), now);
  });
}

/** Changes the supervising driving unit (officers, before close-out; current version); audited. */
export async function changeProjectUnit(
  db: Database,
  actor: Actor,
  id: string,
  body: ProjectUnitBody,
  meta: RequestMeta,
  now: Date,
): Promise<ProjectDetail> {
  const { access } = await getProjectAccess(db, actor, id);
  assertCan(actor, 'changeUnit', access, 'active');
  return db.transaction(async (tx) => {
    const project = await lockProject(tx, id);
    assertCan(actor, 'changeUnit', accessOf(project, access.memberRole), 'active');
    assertVersion(project.version, body.version);
    if (body.drivingUnitId !== null && !(await repo.drivingUnitExists(tx, body.drivingUnitId))) {
      throw invalidField('body.drivingUnitId', 'errors.projects.UNKNOWN_UNIT');
    }
    const updated = await repo.updateProject(tx, id, { drivingUnitId: body.drivingUnitId });
    await recordAudit(tx, meta, {
      action: 'project.unit_changed',
      entityType: 'project',
      entityId: id,
      before: { drivingUnitId: project.drivingUnitId },
      after: { drivingUnitId: body.drivingUnitId },
    });
    return detailOf(tx, actor, updated, accessOf(updated, access.memberRole), now);
  });
}

// ---- Agreement ------------------------------------------------------------------------------------------------------

async function ownersOf(tx: DbOrTx, organisationId: string) {
  return (await listMemberContacts(tx, organisationId)).filter((m) => m.role === 'owner');
}

/**
 * Issues the agreement of a project in setup (officers; current version): its terms are frozen from the plan as it
 * stands, with the SHA-256 of their canonical JSON; the project waits for the owner's signature. The organisation's
 * owners are told by email and in the app. Audited.
 */
export async function issueAgreement(
  db: Database,
  actor: Actor,
  id: string,
  body: VersionBody,
  meta: RequestMeta,
  now: Date,
): Promise<ProjectDetail> {
  const { access } = await getProjectAccess(db, actor, id);
  assertCan(actor, 'issueAgreement', access, 'setup');
  return db.transaction(async (tx) => {
    const project = await lockProject(tx, id);
    assertCan(actor, 'issueAgreement', accessOf(project, access.memberRole), 'setup');
    assertVersion(project.version, body.version);
    const names = await repo.findProjectNames(tx, project);
    const lines = await repo.listBudgetLines(tx, id);
    const milestones = await repo.listMilestones(tx, id);
    const reports = await repo.listReports(tx, id);
    const instalments = await repo.listInstalments(tx, id);
    const terms: AgreementTerms = AgreementTermsSchema.parse({
      agreementNumber: project.agreementNumber,
      issuedAt: now.toISOString(),
      projectTitleTh: project.titleTh,
      projectTitleEn: project.titleEn,
      organisationNameTh: names.organisationNameTh,
      organisationNameEn: names.organisationNameEn,
      callCode: names.callCode,
      callTitleTh: names.callTitleTh,
      fiscalYear: project.fiscalYear,
      awardSatang: Number(project.awardSatang),
      startsOn: project.startsOn ?? '',
      endsOn: project.endsOn ?? '',
      reallocationLimitPercent: project.reallocationLimitPercent,
      budgetLines: lines.map((l) => ({
        category: l.category,
        description: l.description,
        amountSatang: Number(l.approvedSatang),
      })),
      milestones: milestones.map((m) => ({ titleTh: m.titleTh, deliverable: m.deliverable, dueOn: m.dueOn })),
      reports: reports.map((r) => ({
        sequence: r.sequence,
        kind: r.kind,
        periodEnd: r.periodEnd,
        dueOn: r.dueOn,
      })),
      instalments: instalments.map((i) => ({
        sequence: i.sequence,
        amountSatang: Number(i.amountSatang),
        releaseAfterReport: reports.find((r) => r.id === i.releaseReportId)?.sequence ?? null,
      })),
    });
    const sha = termsSha256(terms);
    const updated = await repo.updateProject(tx, id, {
      status: 'agreement_issued',
      agreementTerms: terms,
      agreementSha256: sha,
      agreementIssuedAt: now,
      agreementIssuedBy: actor.userId,
    });
    await recordAudit(tx, meta, {
      action: 'project.agreement_issued',
      entityType: 'project',
      entityId: id,
      before: { status: project.status },
      after: { status: 'agreement_issued', agreementSha256: sha, awardSatang: terms.awardSatang },
    });
    const params = (lang: Language) => ({
      number: project.agreementNumber,
      title: titleIn(lang, project.titleTh, project.titleEn),
      amount: formatBaht(terms.awardSatang, lang),
      start: formatIsoDate(terms.startsOn, lang),
      end: formatIsoDate(terms.endsOn, lang),
    });
    const owners = await ownersOf(tx, project.organisationId);
    await notifyUsers(
      tx,
      owners.map((o) => o.userId),
      { kind: 'project_agreement_issued', params, link: projectPath(id) },
    );
    for (const owner of owners) {
      await queueEmail(tx, {
        to: owner.email,
        template: 'project_agreement_issued',
        lang: owner.lang,
        params: { name: owner.name, ...params(owner.lang) },
        link: `${linkBase}${projectPath(id)}`,
      });
    }
    return detailOf(tx, actor, updated, accessOf(updated, access.memberRole), now);
  });
}

/** Withdraws an issued agreement that nobody signed yet, back to setup (officers; current version); audited. */
export async function withdrawAgreement(
  db: Database,
  actor: Actor,
  id: string,
  body: VersionBody,
  meta: RequestMeta,
  now: Date,
): Promise<ProjectDetail> {
  const { access } = await getProjectAccess(db, actor, id);
  assertCan(actor, 'withdrawAgreement', access, 'agreement_issued');
  return db.transaction(async (tx) => {
    const project = await lockProject(tx, id);
    assertCan(actor, 'withdrawAgreement', accessOf(project, access.memberRole), 'agreement_issued');
    assertVersion(project.version, body.version);
    const updated = await repo.updateProject(tx, id, {
      status: 'setup',
      agreementTerms: null,
      agreementSha256: null,
      agreementIssuedAt: null,
      agreementIssuedBy: null,
    });
    await recordAudit(tx, meta, {
      action: 'project.agreement_withdrawn',
      entityType: 'project',
      entityId: id,
      before: { status: project.status, agreementSha256: project.agreementSha256 },
      after: { status: 'setup', agreementSha256: null },
    });
    const owners = await ownersOf(tx, project.organisationId);
    await notifyUsers(
      tx,
      owners.map((o) => o.userId),
      {
        kind: 'project_agreement_withdrawn',
        params: (lang) => ({
          number: project.agreementNumber,
          title: titleIn(lang, project.titleTh, project.titleEn),
        }),
        link: projectPath(id),
      },
    );
    return detailOf(tx, actor, updated, accessOf(updated, access.memberRole), now);
  });
}

/**
 * The owner signs the issued agreement (owners of the grantee organisation only; current version, and the hash of
 * the terms they read — a newer issue is CONFLICT): the typed name, time, IP address and user are recorded, the
 * project becomes active and the instalments released by the signature become ready for payment. The officer who
 * issued it is told by email and in the app, the members in the app. Audited.
 */
export async function acceptAgreement(
  db: Database,
  actor: Actor,
  id: string,
  body: AcceptAgreementBody,
  meta: RequestMeta,
  now: Date,
): Promise<ProjectDetail> {
  const { access } = await getProjectAccess(db, actor, id);
  assertCan(actor, 'acceptAgreement', access, 'agreement_issued');
  return db.transaction(async (tx) => {
    const project = await lockProject(tx, id);
    assertCan(actor, 'acceptAgreement', accessOf(project, access.memberRole), 'agreement_issued');
    assertVersion(project.version, body.version);
    if (project.agreementSha256 !== body.agreementSha256) {
      throw new AppError('CONFLICT', 'errors.projects.AGREEMENT_CHANGED', {
        agreementSha256: project.agreementSha256,
      });
    }
    const signedName = body.signedName.trim();
    const updated = await repo.updateProject(tx, id, {
      status: 'active',
      agreementAcceptedAt: now,
      agreementAcceptedBy: actor.userId,
      agreementAcceptedName: signedName,
      agreementAcceptedIp: meta.ip,
    });
    const released = await repo.readyAcceptanceInstalments(tx, id, now);
    await recordAudit(tx, meta, {
      action: 'project.agreement_accepted',
      entityType: 'project',
      entityId: id,
      before: { status: project.status },
      after: {
        status: 'active',
        signedName,
        agreementSha256: project.agreementSha256,
        ip: meta.ip,
        instalmentsReady: released,
      },
    });
    const names = await repo.findProjectNames(tx, project);
    const params = (lang: Language) => ({
      number: project.agreementNumber,
      title: titleIn(lang, project.titleTh, project.titleEn),
      signer: signedName,
      organisation: titleIn(lang, names.organisationNameTh, names.organisationNameEn),
      at: formatDateTime(now, lang),
    });
    const members = await listMemberContacts(tx, project.organisationId);
    const staff = await repo.listStaffContacts(tx, updated);
    await notifyUsers(tx, [...members.map((m) => m.userId), ...staff.map((s) => s.userId)], {
      kind: 'project_agreement_accepted',
      params,
      link: projectPath(id),
    });
    for (const person of staff) {
      if (person.email) {
        const lang: Language = person.locale === 'en' ? 'en' : 'th';
        await queueEmail(tx, {
          to: person.email,
          template: 'project_agreement_accepted',
          lang,
          params: { name: person.name, ...params(lang) },
          link: `${linkBase}${projectPath(id)}`,
        });
      }
    }
    return detailOf(tx, actor, updated, accessOf(updated, access.memberRole), now);
  });
}

/** The frozen terms of an issued (or signed) agreement and its signature, for the PDF (readers of the project). */
export async function getAgreementForPdf(db: Database, actor: Actor, id: string) {
  const { project } = await getProjectAccess(db, actor, id);
  if (!project.agreementTerms || !project.agreementSha256) {
    throw new AppError('NOT_FOUND', 'errors.projects.NO_AGREEMENT');
  }
  return {
    terms: project.agreementTerms,
    sha256: project.agreementSha256,
    acceptedAt: project.agreementAcceptedAt ? new Date(project.agreementAcceptedAt) : null,
    acceptedName: project.agreementAcceptedName,
  };
}

// ---- Payments -------------------------------------------------------------------------------------------------------

/**
 * Records the payment of an instalment that is ready (officers, active project; current version of the instalment):
 * date, reference and the amount paid, at most the instalment's. What is not paid is withheld and needs a note; with
 * `carryForward` it moves to the next unpaid instalment instead (this one shrinks to what was paid). Runs under the
 * project's lock, so two payments of one project never interleave and the payments never exceed the award; audited;
 * the owners are told by email and the members in the app.
 */
export async function recordPayment(
  db: Database,
  actor: Actor,
  instalmentId: string,
  body: PaymentBody,
  meta: RequestMeta,
  now: Date,
): Promise<Instalment> {
  const found = await repo.findInstalment(db, instalmentId);
  if (!found) {
    throw new AppError('NOT_FOUND');
  }
  const { access } = await getProjectAccess(db, actor, found.projectId);
  assertCan(actor, 'recordPayment', access, 'active');
  return db.transaction(async (tx) => {
    const project = await lockProject(tx, found.projectId);
    assertCan(actor, 'recordPayment', accessOf(project, access.memberRole), 'active');
    const all = await repo.listInstalments(tx, project.id);
    const reports = await repo.listReports(tx, project.id);
    const instalment = all.find((i) => i.id === instalmentId);
    if (!instalment) {
      throw new AppError('NOT_FOUND');
    }
    if (instalment.status === 'paid') {
      throw new AppError('CONFLICT', 'errors.projects.INSTALMENT_PAID', {
        current: toInstalment(instalment, reports),
      });
    }
    assertVersion(instalment.version, body.version, toInstalment(instalment, reports));
    if (instalment.status !== 'ready') {
      throw new AppError('INVALID_STATE', 'errors.projects.INSTALMENT_NOT_READY');
    }
    const amount = Number(instalment.amountSatang);
    if (body.paidSatang > amount) {
      throw invalidField('body.paidSatang', 'errors.projects.PAID_OVER_AMOUNT', { amount: bahtText(amount) });
    }
    const short = amount - body.paidSatang;
    const note = body.note.trim();
    const next = all.find((i) => i.sequence > instalment.sequence && i.status !== 'paid');
    const carry = body.carryForward && short > 0;
    if (carry && body.paidSatang === 0) {
      throw invalidField('body.carryForward', 'errors.projects.CARRY_ALL');
    }
    if (carry && !next) {
      throw invalidField('body.carryForward', 'errors.projects.NO_NEXT_INSTALMENT');
    }
    if (short > 0 && !carry && note === '') {
      throw invalidField('body.note', 'errors.projects.WITHHELD_NOTE', { withheld: bahtText(short) });
    }
    const award = Number(project.awardSatang);
    const paidBefore = sumSatang(all.map((i) => Number(i.paidSatang ?? 0)));
    if (paidBefore + body.paidSatang > award) {
      throw new AppError('INVALID_STATE', 'errors.projects.PAID_OVER_AWARD', undefined, {
        paid: bahtText(paidBefore + body.paidSatang),
        award: bahtText(award),
      });
    }
    if (carry && next) {
      await repo.updateInstalment(tx, next.id, { amountSatang: Number(next.amountSatang) + short });
    }
    const paid = await repo.updateInstalment(tx, instalment.id, {
      status: 'paid',
      paidOn: body.paidOn,
      paidSatang: body.paidSatang,
      ...(carry ? { amountSatang: body.paidSatang, withheldSatang: 0 } : { withheldSatang: short }),
      paymentReference: body.reference.trim(),
      paymentNote: note,
      recordedBy: actor.userId,
      recordedAt: now,
    });
    await recordAudit(tx, meta, {
      action: 'project.payment_recorded',
      entityType: 'project',
      entityId: project.id,
      before: {
        instalment: instalment.sequence,
        status: instalment.status,
        amountSatang: amount,
        paidTotalSatang: paidBefore,
      },
      after: {
        instalment: instalment.sequence,
        status: 'paid',
        paidOn: body.paidOn,
        paidSatang: body.paidSatang,
        withheldSatang: Number(paid.withheldSatang),
        carriedForwardSatang: carry ? short : 0,
        carriedTo: carry && next ? next.sequence : null,
        reference: body.reference.trim(),
        paidTotalSatang: paidBefore + body.paidSatang,
      },
    });
    const params = (lang: Language) => ({
      number: project.agreementNumber,
      title: titleIn(lang, project.titleTh, project.titleEn),
      sequence: String(instalment.sequence),
      paid: formatBaht(body.paidSatang, lang),
      paidOn: formatIsoDate(body.paidOn, lang),
      reference: body.reference.trim(),
      withheld: short > 0 ? `${formatBaht(short, lang)}: ${note}` : '',
    });
    const members = await listMemberContacts(tx, project.organisationId);
    await notifyUsers(
      tx,
      members.map((m) => m.userId),
      { kind: 'project_payment_recorded', params, link: projectPath(project.id) },
    );
    for (const owner of members.filter((m) => m.role === 'owner')) {
      await queueEmail(tx, {
        to: owner.email,
        template: 'project_payment_recorded',
        lang: owner.lang,
        params: { name: owner.name, ...params(owner.lang) },
        link: `${linkBase}${projectPath(project.id)}`,
      });
    }
    return toInstalment(paid, reports);
  });
}

// ---- Reallocations --------------------------------------------------------------------------------------------------

/** Checks a move of `amount` from one line to another against the line's room and the project's limit. */
async function checkReallocation(
  tx: DbOrTx,
  project: repo.ProjectRow,
  move: { fromLineId: string; toLineId: string; amount: number },
): Promise<{ from: { description: string }; to: { description: string } }> {
  if (move.fromLineId === move.toLineId) {
    throw invalidField('body.toLineId', 'errors.projects.SAME_LINE');
  }
  const lines = await repo.lockBudgetLines(tx, project.id);
  const from = lines.find((l) => l.id === move.fromLineId);
  const to = lines.find((l) => l.id === move.toLineId);
  if (!from) {
    throw invalidField('body.fromLineId', 'errors.projects.UNKNOWN_LINE');
  }
  if (!to) {
    throw invalidField('body.toLineId', 'errors.projects.UNKNOWN_LINE');
  }
  const available = Math.max(0, Number(from.approvedSatang) - from.spentSatang);
  if (move.amount > available) {
    throw invalidField('body.amountSatang', 'errors.projects.OVER_LINE', { available: bahtText(available) });
  }
  const award = Number(project.awardSatang);
  const limit = Math.floor((award * project.reallocationLimitPercent) / 100);
  const approved = await repo.sumApprovedReallocations(tx, project.id);
  if (approved + move.amount > limit) {
    throw invalidField('body.amountSatang', 'errors.projects.OVER_LIMIT', {
      total: bahtText(approved + move.amount),
      limit: bahtText(limit),
      percent: project.reallocationLimitPercent,
      left: bahtText(Math.max(0, limit - approved)),
    });
  }
  return { from, to };
}

async function reallocationOf(tx: DbOrTx, row: repo.ReallocationRow): Promise<Reallocation> {
  return toReallocation(row, {
    requestedByName: await repo.findUserName(tx, row.requestedBy),
    decidedByName: await repo.findUserName(tx, row.decidedBy),
  });
}

/**
 * Asks to move approved budget from one line to another (members who write, and staff; active project). The amount
 * must fit the source line's approved amount less what approved reports spent on it, and all approved reallocations
 * with it must stay within the project's limit (percent of the award). Audited; the staff are told in the app.
 */
export async function requestReallocation(
  db: Database,
  actor: Actor,
  projectId: string,
  body: ReallocationBody,
  meta: RequestMeta,
  now: Date,
): Promise<Reallocation> {
  const { access } = await getProjectAccess(db, actor, projectId);
  assertCan(actor, 'requestReallocation', access, 'active');
  return db.transaction(async (tx) => {
    const project = await lockProject(tx, projectId);
    assertCan(actor, 'requestReallocation', accessOf(project, access.memberRole), 'active');
    const { from, to } = await checkReallocation(tx, project, {
      fromLineId: body.fromLineId,
      toLineId: body.toLineId,
      amount: body.amountSatang,
    });
    const row = await repo.insertReallocation(tx, {
      projectId,
      fromLineId: body.fromLineId,
      toLineId: body.toLineId,
      amountSatang: body.amountSatang,
      reason: body.reason.trim(),
      requestedBy: actor.userId,
      requestedAt: now,
    });
    await recordAudit(tx, meta, {
      action: 'project.reallocation_requested',
      entityType: 'project',
      entityId: projectId,
      after: {
        reallocationId: row.id,
        fromLineId: body.fromLineId,
        toLineId: body.toLineId,
        amountSatang: body.amountSatang,
        reason: row.reason,
      },
    });
    const staff = (await repo.listStaffContacts(tx, project)).filter((s) => s.userId !== actor.userId);
    await notifyUsers(
      tx,
      staff.map((s) => s.userId),
      {
        kind: 'project_reallocation_requested',
        params: (lang) => ({
          title: titleIn(lang, project.titleTh, project.titleEn),
          amount: formatBaht(body.amountSatang, lang),
          from: from.description,
          to: to.description,
        }),
        link: projectPath(projectId),
      },
    );
    return reallocationOf(tx, row);
  });
}

type ReallocationAction = 'approve' | 'reject' | 'cancel';

/**
 * Decides a pending reallocation: staff approve (the line's room and the limit are checked again under the project's
 * lock, then the amount moves between the lines' approved amounts; the total stays the award) or reject it (with a
 * reason); the requester may cancel it. Current version or CONFLICT; audited; the requester is told in the app.
 */
export async function decideReallocation(
  db: Database,
  actor: Actor,
  reallocationId: string,
  action: ReallocationAction,
  body: ReallocationDecisionBody,
  meta: RequestMeta,
  now: Date,
): Promise<Reallocation> {
  const found = await repo.findReallocation(db, reallocationId);
  if (!found) {
    throw new AppError('NOT_FOUND');
  }
  const { access } = await getProjectAccess(db, actor, found.projectId);
  const checkActor = (current: ProjectAccess) => {
    if (action === 'cancel') {
      assertCan(actor, 'requestReallocation', current, 'active');
      if (found.requestedBy !== actor.userId) {
        throw new AppError('FORBIDDEN');
      }
    } else {
      assertCan(actor, 'decideReallocation', current, 'active');
    }
  };
  checkActor(access);
  const note = body.note.trim();
  if (action === 'reject' && note === '') {
    throw invalidField('body.note', 'errors.projects.NOTE_REQUIRED');
  }
  return db.transaction(async (tx) => {
    const project = await lockProject(tx, found.projectId);
    checkActor(accessOf(project, access.memberRole));
    const row = await repo.findReallocation(tx, reallocationId, true);
    if (!row) {
      throw new AppError('NOT_FOUND');
    }
    assertVersion(row.version, body.version, await reallocationOf(tx, row));
    if (row.status !== 'pending') {
      throw new AppError('INVALID_STATE', 'errors.projects.NOT_PENDING');
    }
    const amount = Number(row.amountSatang);
    if (action === 'approve') {
      await checkReallocation(tx, project, { fromLineId: row.fromLineId, toLineId: row.toLineId, amount });
      await repo.addToLine(tx, row.fromLineId, -amount);
      await repo.addToLine(tx, row.toLineId, amount);
    }
    const status: ReallocationStatus =
      action === 'approve' ? 'approved' : action === 'reject' ? 'rejected' : 'cancelled';
    const updated = await repo.updateReallocation(tx, row.id, {
      status,
      decidedBy: actor.userId,
      decidedAt: now,
      decisionNote: note,
    });
    await recordAudit(tx, meta, {
      action: `project.reallocation_${status}`,
      entityType: 'project',
      entityId: project.id,
      before: { reallocationId: row.id, status: row.status },
      after: {
        reallocationId: row.id,
        status,
        amountSatang: amount,
        fromLineId: row.fromLineId,
        toLineId: row.toLineId,
        note,
      },
    });
    if (action !== 'cancel' && row.requestedBy && row.requestedBy !== actor.userId) {
      await notifyUsers(tx, [row.requestedBy], {
        kind: 'project_reallocation_decided',
        params: (lang) => ({
          title: titleIn(lang, project.titleTh, project.titleEn),
          amount: formatBaht(amount, lang),
          status: translate(lang, `projects.reallocationStatus.${status}`),
          note,
        }),
        link: projectPath(project.id),
      });
    }
    return reallocationOf(tx, updated);
  });
}

// ---- Close-out ------------------------------------------------------------------------------------------------------

/** The start of a text, at most `max` characters, cut at a space when there is one near the end. */
function excerpt(text: string, max = 600): string {
  const clean = text.trim();
  if (clean.length <= max) {
    return clean;
  }
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Closes an active project (officers; current version) once every report, the final one included, is approved and
 * every instalment paid. Its innovation catalogue entry is created as a draft, or updated, from the final report
 * (title, start of the narrative, final SRL, lessons, scaling recommendations, themes, provinces). Audited; the owners
 * are told by email and the members in the app.
 */
export async function closeProject(
  db: Database,
  actor: Actor,
  id: string,
  body: CloseProjectBody,
  meta: RequestMeta,
  now: Date,
): Promise<ProjectDetail> {
  const { access } = await getProjectAccess(db, actor, id);
  assertCan(actor, 'close', access, 'active');
  return db.transaction(async (tx) => {
    const project = await lockProject(tx, id);
    assertCan(actor, 'close', accessOf(project, access.memberRole), 'active');
    assertVersion(project.version, body.version);
    const reports = await repo.listReports(tx, id);
    const instalments = await repo.listInstalments(tx, id);
    const openReports = reports.filter((r) => r.status !== 'approved').length;
    const unpaid = instalments.filter((i) => i.status !== 'paid').length;
    if (openReports > 0 || unpaid > 0) {
      const issues = [
        ...(openReports > 0
          ? [fieldIssue('reports', 'not_approved', 'errors.projects.CLOSE_REPORTS', { count: openReports })]
          : []),
        ...(unpaid > 0
          ? [fieldIssue('instalments', 'not_paid', 'errors.projects.CLOSE_INSTALMENTS', { count: unpaid })]
          : []),
      ];
      throw new AppError(
        'INVALID_STATE',
        openReports > 0 ? 'errors.projects.CLOSE_REPORTS' : 'errors.projects.CLOSE_INSTALMENTS',
        { issues, openReports, unpaidInstalments: unpaid },
        { count: openReports > 0 ? openReports : unpaid },
      );
    }
    const final = reports.filter((r) => r.kind === 'final').at(-1) ?? reports.at(-1);
    const innovationId = await upsertProjectInnovation(
      tx,
      {
        projectId: id,
        organisationId: project.organisationId,
        titleTh: project.titleTh,
        titleEn: project.titleEn,
        summaryTh: excerpt(final?.narrative ?? ''),
        themes: project.themes,
        provinceCodes: project.provinceCodes,
        srl: final?.srlLevel ?? null,
        lessonsLearned: final?.lessonsLearned ?? '',
        scalingRecommendations: final?.scalingRecommendations ?? [],
      },
      meta,
    );
    const note = body.note.trim();
    const updated = await repo.updateProject(tx, id, {
      status: 'closed',
      closedAt: now,
      closedBy: actor.userId,
      closingNote: note,
      innovationId,
    });
    await recordAudit(tx, meta, {
      action: 'project.closed',
      entityType: 'project',
      entityId: id,
      before: { status: project.status },
      after: { status: 'closed', note, innovationId, finalSrl: final?.srlLevel ?? null },
    });
    const params = (lang: Language) => ({
      number: project.agreementNumber,
      title: titleIn(lang, project.titleTh, project.titleEn),
    });
    const members = await listMemberContacts(tx, project.organisationId);
    await notifyUsers(
      tx,
      members.map((m) => m.userId),
      { kind: 'project_closed', params, link: projectPath(id) },
    );
    for (const owner of members.filter((m) => m.role === 'owner')) {
      await queueEmail(tx, {
        to: owner.email,
        template: 'project_closed',
        lang: owner.lang,
        params: { name: owner.name, ...params(owner.lang) },
        link: `${linkBase}${projectPath(id)}`,
      });
    }
    return detailOf(tx, actor, updated, accessOf(updated, access.memberRole), now);
  });
}

// ---- Disbursement ---------------------------------------------------------------------------------------------------

type Figures = DisbursementReport['totals'];
const emptyFigures = (): Figures => ({
  projects: 0,
  awardedSatang: 0,
  paidSatang: 0,
  withheldSatang: 0,
  readySatang: 0,
  scheduledSatang: 0,
});

function addFigures(into: Figures, add: Partial<Figures>): void {
  into.projects += add.projects ?? 0;
  into.awardedSatang += add.awardedSatang ?? 0;
  into.paidSatang += add.paidSatang ?? 0;
  into.withheldSatang += add.withheldSatang ?? 0;
  into.readySatang += add.readySatang ?? 0;
  into.scheduledSatang += add.scheduledSatang ?? 0;
}

/**
 * Money by fiscal year (BE) and programme (staff: officers see all, a unit's staff only their portfolio): projects
 * and awards by their call's year; payments and withholdings by the year of their date; ready and scheduled
 * instalments by the project's year.
 */
export async function getDisbursementReport(
  db: Database,
  actor: Actor,
  query: DisbursementQuery,
): Promise<DisbursementReport> {
  const officer = isProjectOfficer(actor);
  if (!officer && !(actor.roles.includes('driving_unit_staff') && actor.drivingUnitId)) {
    throw new AppError('FORBIDDEN');
  }
  const unitId = officer ? (query.drivingUnitId ?? null) : actor.drivingUnitId;
  const fiscalYear = query.fiscalYear ?? null;
  const [byProject, byPayment] = await Promise.all([
    repo.sumProjectMoney(db, unitId, fiscalYear),
    repo.sumPayments(db, unitId, fiscalYear),
  ]);
  type Programme = Figures & { programmeId: string | null; nameTh: string; nameEn: string };
  const years = new Map<number, { figures: Figures; programmes: Map<string, Programme> }>();
  const totals = emptyFigures();
  const slot = (row: {
    fiscalYear: number;
    programmeId: string | null;
    nameTh: string | null;
    nameEn: string | null;
  }) => {
    let year = years.get(row.fiscalYear);
    if (!year) {
      year = { figures: emptyFigures(), programmes: new Map() };
      years.set(row.fiscalYear, year);
    }
    const key = row.programmeId ?? '';
    let programme = year.programmes.get(key);
    if (!programme) {
      programme = {
        ...emptyFigures(),
        programmeId: row.programmeId,
        nameTh: row.nameTh ?? '',
        nameEn: row.nameEn ?? '',
      };
      year.programmes.set(key, programme);
    }
    return { year: year.figures, programme };
  };
  for (const row of byProject) {
    const { year, programme } = slot(row);
    const add = {
      projects: row.projects,
      awardedSatang: row.awardedSatang,
      readySatang: row.readySatang,
      scheduledSatang: row.scheduledSatang,
    };
    addFigures(year, add);
    addFigures(programme, add);
    addFigures(totals, add);
  }
  for (const row of byPayment) {
    const { year, programme } = slot(row);
    const add = { paidSatang: row.paidSatang, withheldSatang: row.withheldSatang };
    addFigures(year, add);
    addFigures(programme, add);
    addFigures(totals, add);
  }
  return {
    years: [...years.entries()]
      .sort(([a], [b]) => b - a)
      .map(([fy, year]) => ({
        ...year.figures,
        fiscalYear: fy,
        programmes: [...year.programmes.values()].sort((a, b) => a.nameTh.localeCompare(b.nameTh, 'th')),
      })),
    totals,
  };
}
