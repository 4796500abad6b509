import type { Database, DbOrTx } from '@server/db/client';
import { AppError, fieldIssue, invalidField } from '@server/lib/errors';
import type { Actor, RequestMeta } from '@server/lib/authz';
import { translate } from '@server/lib/i18n';
import {
  type BudgetLine,
  type Instalment,
  type InstalmentStatus,
  type ProjectAbilities,
  type ProjectDetail,
  type ProjectList,
  type ProjectListQuery,
  type ProjectSetupBody,
  type ProjectStatus,
  type ProjectSummary,
  type ProjectUnitBody,
  type Reallocation,
  type ReallocationStatus,
  type ReportKind,
  type ReportSchedule,
  type ReportStatus,
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
import { getMemberRole } from '@server/modules/organisations/organisations.service';
import { recordAudit } from '@server/modules/audit/audit.service';
import * as repo from './projects.repo';
import { isProjectOfficer, projectPolicy, type ProjectAbility, type ProjectAccess } from './projects.policy';

// The project's own use cases: access, creation from an award, reading, setup and the unit. The other use cases of
// the module are siblings (agreements, money, close-out, reports) and share the helpers exported here.

// ---- Shaping (shared by the services of this module) --------------------------------------------------------------

/** A timestamp as ISO 8601 text. */
export const iso = (value: Date | string) => new Date(value).toISOString();
/** A timestamp as ISO 8601 text, or null. */
export const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));
/** The English title when the language is English and there is one, else the Thai. */
export const titleIn = (lang: Language, th: string, en: string | null) => (lang === 'en' && en ? en : th);

/** Baht with thousands separators and two decimals, no currency (error messages say "baht" themselves; PDF cells). */
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

/** The web page of a project (in-app notification links). */
export const projectPath = (id: string) => `/projects/${id}`;

/** The full URL of a project's web page (email links). */
export const projectUrl = (id: string) => `${linkBase}${projectPath(id)}`;

/** What the actor is to a project, from its row and the actor's role in the grantee organisation. */
export function accessOf(project: repo.ProjectRow, memberRole: ProjectAccess['memberRole']): ProjectAccess {
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
export function assertCan(
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

/** CONFLICT (with the current version, and `latest` when given) unless `given` is the current version. */
export function assertVersion(current: number, given: number, latest?: unknown): void {
  if (current !== given) {
    throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: current, current: latest });
  }
}

/** An instalment as the API shows it, with the sequence of the report that releases it. */
export function toInstalment(row: repo.InstalmentRow, reports: readonly repo.ReportRow[]): Instalment {
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

/** A reallocation as the API shows it, with the names of who asked and who decided. */
export function toReallocation(
  row: repo.ReallocationRow,
  names: { requestedByName: string | null; decidedByName: string | null },
  actor: Actor,
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
    isMine: row.requestedBy !== null && row.requestedBy === actor.userId,
    decidedAt: isoOrNull(row.decidedAt),
    decidedByName: names.decidedByName,
    decisionNote: row.decisionNote,
    version: row.version,
  };
}

// ---- Access (shared by the services of this module) ---------------------------------------------------------------

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

/** A project's page as the actor sees it: plan, money, reports, reallocations, health and abilities. */
export async function detailOf(
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
    reallocations: reallocations.map((r) => toReallocation(r.reallocation, r, actor)),
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
