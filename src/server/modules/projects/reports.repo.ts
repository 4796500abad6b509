import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '@server/db/client';
import {
  organisationMembers,
  organisations,
  projectBudgetLines,
  projectInstalments,
  projectMilestones,
  projectReportEvents,
  projectReportExpenditures,
  projectReportFiles,
  projectReportIndicators,
  projectReportMilestones,
  projectReports,
  projects,
  userRoles,
  users,
} from '@server/db/schema/index';

export type ReportRow = typeof projectReports.$inferSelect;
export type ReportFileRow = typeof projectReportFiles.$inferSelect;

/** What the report commands need of the report's project. */
const projectColumns = {
  id: projects.id,
  status: projects.status,
  drivingUnitId: projects.drivingUnitId,
  organisationId: projects.organisationId,
  agreementNumber: projects.agreementNumber,
  titleTh: projects.titleTh,
  titleEn: projects.titleEn,
  agreementIssuedBy: projects.agreementIssuedBy,
  organisationNameTh: organisations.nameTh,
  organisationNameEn: organisations.nameEn,
};

/** A report with its project (`lock`: the report row FOR UPDATE, for a command that decides on its state). */
export async function findReport(db: DbOrTx, id: string, lock = false) {
  const query = db
    .select({ report: projectReports, project: projectColumns })
    .from(projectReports)
    .innerJoin(projects, eq(projects.id, projectReports.projectId))
    .innerJoin(organisations, eq(organisations.id, projects.organisationId))
    .where(eq(projectReports.id, id));
  const rows = lock ? await query.for('update', { of: projectReports }) : await query;
  return rows[0];
}
export type ReportRecord = NonNullable<Awaited<ReturnType<typeof findReport>>>;

/** Updates a report when its version is still `version`, and moves the version on; null when it is stale. */
export async function updateReportIfVersion(
  db: DbOrTx,
  id: string,
  version: number,
  values: Partial<typeof projectReports.$inferInsert>,
  now: Date,
): Promise<ReportRow | null> {
  const rows = await db
    .update(projectReports)
    .set({ ...values, version: version + 1, updatedAt: now })
    .where(and(eq(projectReports.id, id), eq(projectReports.version, version)))
    .returning();
  return rows[0] ?? null;
}

// ---- The report's parts --------------------------------------------------------------------------------------------

export async function listProjectMilestones(db: DbOrTx, projectId: string) {
  return db
    .select()
    .from(projectMilestones)
    .where(eq(projectMilestones.projectId, projectId))
    .orderBy(asc(projectMilestones.position));
}
export type MilestoneRow = Awaited<ReturnType<typeof listProjectMilestones>>[number];

export async function listReportMilestones(db: DbOrTx, reportId: string) {
  return db.select().from(projectReportMilestones).where(eq(projectReportMilestones.reportId, reportId));
}

export async function listBudgetLines(db: DbOrTx, projectId: string) {
  return db
    .select()
    .from(projectBudgetLines)
    .where(eq(projectBudgetLines.projectId, projectId))
    .orderBy(asc(projectBudgetLines.position));
}

export async function listReportExpenditures(db: DbOrTx, reportId: string) {
  return db.select().from(projectReportExpenditures).where(eq(projectReportExpenditures.reportId, reportId));
}

/** Spending per budget line in the project's approved reports, leaving out one report. */
export async function sumApprovedSpending(
  db: DbOrTx,
  projectId: string,
  exceptReportId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({
      budgetLineId: projectReportExpenditures.budgetLineId,
      spent: sql<string>`COALESCE(SUM(${projectReportExpenditures.spentSatang}), 0)`,
    })
    .from(projectReportExpenditures)
    .innerJoin(projectReports, eq(projectReports.id, projectReportExpenditures.reportId))
    .where(
      and(
        eq(projectReports.projectId, projectId),
        eq(projectReports.status, 'approved'),
        ne(projectReports.id, exceptReportId),
      ),
    )
    .groupBy(projectReportExpenditures.budgetLineId);
  return new Map(rows.map((r) => [r.budgetLineId, Number(r.spent)]));
}

export async function listIndicators(db: DbOrTx, reportId: string) {
  return db
    .select()
    .from(projectReportIndicators)
    .where(eq(projectReportIndicators.reportId, reportId))
    .orderBy(asc(projectReportIndicators.position));
}

/** Replaces the report's milestone claims, expenditure and indicator values with the given ones. */
export async function replaceReportParts(
  db: DbOrTx,
  reportId: string,
  parts: {
    milestones: Array<{ milestoneId: string; completionPercent: number; note: string }>;
    expenditures: Array<{ budgetLineId: string; spentSatang: number; note: string }>;
    indicators: Array<Omit<typeof projectReportIndicators.$inferInsert, 'reportId' | 'position'>>;
  },
): Promise<void> {
  await db.delete(projectReportMilestones).where(eq(projectReportMilestones.reportId, reportId));
  await db.delete(projectReportExpenditures).where(eq(projectReportExpenditures.reportId, reportId));
  await db.delete(projectReportIndicators).where(eq(projectReportIndicators.reportId, reportId));
  if (parts.milestones.length > 0) {
    await db.insert(projectReportMilestones).values(parts.milestones.map((m) => ({ reportId, ...m })));
  }
  if (parts.expenditures.length > 0) {
    await db.insert(projectReportExpenditures).values(parts.expenditures.map((e) => ({ reportId, ...e })));
  }
  if (parts.indicators.length > 0) {
    await db
      .insert(projectReportIndicators)
      .values(parts.indicators.map((indicator, position) => ({ reportId, position, ...indicator })));
  }
}

// ---- Evidence files -------------------------------------------------------------------------------------------------

export async function listFiles(db: DbOrTx, reportId: string): Promise<ReportFileRow[]> {
  return db
    .select()
    .from(projectReportFiles)
    .where(eq(projectReportFiles.reportId, reportId))
    .orderBy(asc(projectReportFiles.createdAt), asc(projectReportFiles.id));
}

export async function countFiles(db: DbOrTx, reportId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<string>`COUNT(*)` })
    .from(projectReportFiles)
    .where(eq(projectReportFiles.reportId, reportId));
  return Number(rows[0]?.n ?? 0);
}

export async function insertFile(
  db: DbOrTx,
  values: typeof projectReportFiles.$inferInsert,
): Promise<ReportFileRow> {
  const rows = await db.insert(projectReportFiles).values(values).returning();
  const row = rows[0];
  if (!row) {
    throw new Error('insert returned no row');
  }
  return row;
}

export async function findFile(db: DbOrTx, reportId: string, fileId: string) {
  const rows = await db
    .select()
    .from(projectReportFiles)
    .where(and(eq(projectReportFiles.reportId, reportId), eq(projectReportFiles.id, fileId)));
  return rows[0];
}

export async function deleteFile(db: DbOrTx, fileId: string): Promise<void> {
  await db.delete(projectReportFiles).where(eq(projectReportFiles.id, fileId));
}

// ---- History ----------------------------------------------------------------------------------------------------------

export async function insertEvent(
  db: DbOrTx,
  values: { reportId: string; action: string; comment: string; actorUserId: string; createdAt: Date },
): Promise<void> {
  await db.insert(projectReportEvents).values(values);
}

export async function listEvents(db: DbOrTx, reportId: string) {
  return db
    .select({
      action: projectReportEvents.action,
      comment: projectReportEvents.comment,
      createdAt: projectReportEvents.createdAt,
      actorName: users.name,
      actorStatus: users.status,
    })
    .from(projectReportEvents)
    .leftJoin(users, eq(users.id, projectReportEvents.actorUserId))
    .where(eq(projectReportEvents.reportId, reportId))
    .orderBy(asc(projectReportEvents.createdAt), asc(projectReportEvents.id));
}

// ---- Approval -------------------------------------------------------------------------------------------------------

export async function updateMilestoneCompletion(
  db: DbOrTx,
  milestoneId: string,
  completionPercent: number,
  completedOn: string | null,
  now: Date,
): Promise<void> {
  await db
    .update(projectMilestones)
    .set({ completionPercent, completedOn, updatedAt: now })
    .where(eq(projectMilestones.id, milestoneId));
}

/** Instalments released by the report's approval: scheduled → ready; returns those it moved. */
export async function readyInstalmentsOf(db: DbOrTx, reportId: string, now: Date) {
  return db
    .update(projectInstalments)
    .set({
      status: 'ready',
      readyAt: now,
      updatedAt: now,
      version: sql`${projectInstalments.version} + 1`,
    })
    .where(and(eq(projectInstalments.releaseReportId, reportId), eq(projectInstalments.status, 'scheduled')))
    .returning({
      id: projectInstalments.id,
      sequence: projectInstalments.sequence,
      amountSatang: projectInstalments.amountSatang,
    });
}

// ---- Whom to tell ----------------------------------------------------------------------------------------------------

export interface Contact {
  userId: string;
  name: string;
  email: string;
  locale: string;
}

/** Active staff of a driving unit (its portfolio's reviewers). */
export async function listUnitStaffContacts(db: DbOrTx, drivingUnitId: string): Promise<Contact[]> {
  const rows = await db
    .selectDistinct({ userId: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(
        eq(userRoles.role, 'driving_unit_staff'),
        eq(userRoles.drivingUnitId, drivingUnitId),
        eq(users.status, 'active'),
      ),
    );
  return rows.flatMap((r) => (r.email ? [{ ...r, email: r.email }] : []));
}

/** Active people among `userIds`, with their address and language. */
export async function listUserContacts(db: DbOrTx, userIds: string[]): Promise<Contact[]> {
  if (userIds.length === 0) {
    return [];
  }
  const rows = await db
    .select({ userId: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, userIds), eq(users.status, 'active')));
  return rows.flatMap((r) => (r.email ? [{ ...r, email: r.email }] : []));
}

/** Active owners and editors of an organisation: the people who write its reports. */
export async function listWriterContacts(db: DbOrTx, organisationId: string): Promise<Contact[]> {
  const rows = await db
    .select({ userId: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(
      and(
        eq(organisationMembers.organisationId, organisationId),
        inArray(organisationMembers.role, ['owner', 'editor']),
        eq(users.status, 'active'),
        isNull(users.erasedAt),
      ),
    );
  return rows.flatMap((r) => (r.email ? [{ ...r, email: r.email }] : []));
}

// ---- Reminders -------------------------------------------------------------------------------------------------------

export type ReminderKind = 'before' | 'after';

export interface ClaimedReminder {
  id: string;
  project_id: string;
  sequence: number;
  kind: string;
  due_on: string;
}

/**
 * Claims up to `limit` due reminders of one kind, atomically: the unsubmitted reports of active projects whose due
 * date is at most `daysBefore` days away (and not past), or at least `daysAfter` days past, and whose reminder of that
 * kind was never sent. Each is marked sent (`reminded_*_at = now`) in the same statement; the rows are taken with
 * FOR UPDATE SKIP LOCKED, so two workers never claim the same report, and the mark keeps it from being claimed again
 * after a restart. Call it in the transaction that queues the messages.
 */
export async function claimReminders(
  db: DbOrTx,
  kind: ReminderKind,
  input: { today: string; now: Date; days: number; limit: number },
): Promise<ClaimedReminder[]> {
  const { today, now, days, limit } = input;
  const column = kind === 'before' ? sql.raw('reminded_before_at') : sql.raw('reminded_after_at');
  const window =
    kind === 'before'
      ? sql`r.due_on >= ${today}::date AND r.due_on <= ${today}::date + ${days}::int`
      : sql`r.due_on <= ${today}::date - ${days}::int`;
  return queryRows<ClaimedReminder>(
    db,
    sql`UPDATE project_reports SET ${column} = ${now.toISOString()}::timestamptz
        WHERE ${column} IS NULL AND id IN (
          SELECT r.id FROM project_reports r JOIN projects p ON p.id = r.project_id
          WHERE p.status = 'active' AND r.status IN ('not_started', 'draft', 'returned')
            AND r.${column} IS NULL AND ${window}
          ORDER BY r.due_on, r.id LIMIT ${limit}
          FOR UPDATE OF r SKIP LOCKED)
        RETURNING id, project_id, sequence, kind, to_char(due_on, 'YYYY-MM-DD') AS due_on`,
  );
}

/** What a reminder says about its project. */
export async function findProjectsForMessages(db: DbOrTx, projectIds: string[]) {
  if (projectIds.length === 0) {
    return [];
  }
  return db
    .select({
      id: projects.id,
      organisationId: projects.organisationId,
      agreementNumber: projects.agreementNumber,
      titleTh: projects.titleTh,
      titleEn: projects.titleEn,
    })
    .from(projects)
    .where(inArray(projects.id, projectIds));
}
