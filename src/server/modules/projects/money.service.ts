import { z } from 'zod';
import type { Database, DbOrTx } from '@server/db/client';
import { AppError, invalidField } from '@server/lib/errors';
import type { Actor, RequestMeta } from '@server/lib/authz';
import { actorOfRequester, RequesterSchema, requesterOf } from '@server/lib/requester';
import { translate } from '@server/lib/i18n';
import { formatBaht, formatIsoDate } from '@server/lib/pdf';
import {
  DisbursementExportBodySchema,
  type DisbursementExportBody,
  type DisbursementQuery,
  type DisbursementReport,
  type Instalment,
  type PaymentBody,
  type Reallocation,
  type ReallocationBody,
  type ReallocationDecisionBody,
  type ReallocationStatus,
} from '@shared/contracts/projects';
import { sumSatang } from '@shared/projects/plan';
import type { Language } from '@shared/i18n/index';
import { listMemberContacts } from '@server/modules/organisations/organisations.service';
import { recordAudit } from '@server/modules/audit/audit.service';
import { notifyUsers, queueEmail } from '@server/modules/notifications/notifications.service';
import * as jobs from '@server/modules/jobs/jobs.service';
import * as repo from './projects.repo';
import { disbursementXlsx } from './projects.export';
import { isProjectOfficer, type ProjectAccess } from './projects.policy';
import {
  accessOf,
  assertCan,
  assertVersion,
  bahtText,
  getProjectAccess,
  lockProject,
  projectPath,
  projectUrl,
  titleIn,
  toInstalment,
  toReallocation,
} from './projects.service';

// The money of a project: payments of its instalments, reallocations between its budget lines, and the disbursement
// report over all projects.

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
        link: projectUrl(project.id),
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

async function reallocationOf(tx: DbOrTx, actor: Actor, row: repo.ReallocationRow): Promise<Reallocation> {
  return toReallocation(
    row,
    {
      requestedByName: await repo.findUserName(tx, row.requestedBy),
      decidedByName: await repo.findUserName(tx, row.decidedBy),
    },
    actor,
  );
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
    return reallocationOf(tx, actor, row);
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
    assertVersion(row.version, body.version, await reallocationOf(tx, actor, row));
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
    return reallocationOf(tx, actor, updated);
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

/** The steps of building the disbursement report and writing its file, for a job's progress bar (i18n keys). */
export const DISBURSEMENT_EXPORT_STEPS = [
  'projectsUi.disbursements.steps.awards',
  'projectsUi.disbursements.steps.payments',
  'projectsUi.disbursements.steps.render',
] as const;

/**
 * The unit whose portfolio the report covers (null: every unit) for the actor: officers any unit they ask for, a
 * unit's staff their own whatever they ask for; FORBIDDEN for everyone else.
 */
function disbursementUnitOf(actor: Actor, query: DisbursementQuery): string | null {
  const officer = isProjectOfficer(actor);
  if (!officer && !(actor.roles.includes('driving_unit_staff') && actor.drivingUnitId)) {
    throw new AppError('FORBIDDEN');
  }
  return officer ? (query.drivingUnitId ?? null) : actor.drivingUnitId;
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
  onStep: (index: number, stepKey: string) => Promise<void> = async () => {},
): Promise<DisbursementReport> {
  const unitId = disbursementUnitOf(actor, query);
  const fiscalYear = query.fiscalYear ?? null;
  // One query after the other: `db` may be a single connection (PGlite, a transaction), which runs one at a time.
  await onStep(0, DISBURSEMENT_EXPORT_STEPS[0]);
  const byProject = await repo.sumProjectMoney(db, unitId, fiscalYear);
  await onStep(1, DISBURSEMENT_EXPORT_STEPS[1]);
  const byPayment = await repo.sumPayments(db, unitId, fiscalYear);
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

const DisbursementExportJobParamsSchema = z.object({
  filters: DisbursementExportBodySchema,
  /** Whose rights the export runs with (checked again when it runs). */
  requester: RequesterSchema,
});

/** The job that writes the disbursement report as XLSX: the awards summed, the payments summed, then the workbook. */
export const disbursementExportJob = jobs.defineJobHandler({
  kind: 'disbursements-export',
  params: DisbursementExportJobParamsSchema,
  total: () => DISBURSEMENT_EXPORT_STEPS.length,
  async run({ db, params, step }) {
    const { format, ...query } = params.filters;
    const report = await getDisbursementReport(db, actorOfRequester(params.requester), query, step);
    await step(2, DISBURSEMENT_EXPORT_STEPS[2]);
    return {
      bytes: await disbursementXlsx(report),
      fileName: `disbursements${query.fiscalYear ? `-${query.fiscalYear}` : ''}.${format}`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
  },
});

/**
 * Queues the export of the disbursement report as a job of the actor, after the same check as the report (officers;
 * a unit's staff get their unit's figures). The caller kicks the worker.
 */
export async function createDisbursementExport(
  db: Database,
  actor: Actor,
  body: DisbursementExportBody,
): Promise<{ jobId: string }> {
  disbursementUnitOf(actor, body);
  return jobs.createJob(db, actor, disbursementExportJob, { filters: body, requester: requesterOf(actor) });
}
