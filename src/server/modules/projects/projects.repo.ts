import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import {
  callForms,
  calls,
  drivingUnitProvinces,
  drivingUnits,
  organisationMembers,
  organisations,
  programmes,
  projectBudgetLines,
  projectInstalments,
  projectMilestones,
  projectNumberCounters,
  projectReallocations,
  projectReportExpenditures,
  projectReports,
  projects,
  proposals,
  userRoles,
  users,
} from '@server/db/schema/index';

export type ProjectRow = typeof projects.$inferSelect;
export type BudgetLineRow = typeof projectBudgetLines.$inferSelect;
export type MilestoneRow = typeof projectMilestones.$inferSelect;
export type ReportRow = typeof projectReports.$inferSelect;
export type InstalmentRow = typeof projectInstalments.$inferSelect;
export type ReallocationRow = typeof projectReallocations.$inferSelect;

// ---- Creation from an award ---------------------------------------------------------------------------------------

/** What a project is made from: the awarded proposal, its form, its organisation and its call. */
export async function findAwardSource(db: DbOrTx, proposalId: string) {
  const rows = await db
    .select({
      proposalId: proposals.id,
      callId: proposals.callId,
      organisationId: proposals.organisationId,
      titleTh: proposals.titleTh,
      titleEn: proposals.titleEn,
      answers: proposals.answers,
      provinceCodes: proposals.provinceCodes,
      themes: proposals.themes,
      form: callForms.definition,
      fiscalYear: calls.fiscalYear,
    })
    .from(proposals)
    .innerJoin(callForms, eq(callForms.id, proposals.formId))
    .innerJoin(calls, eq(calls.id, proposals.callId))
    .where(eq(proposals.id, proposalId));
  return rows[0];
}

export async function findProjectIdByProposal(db: DbOrTx, proposalId: string): Promise<string | null> {
  const rows = await db.select({ id: projects.id }).from(projects).where(eq(projects.proposalId, proposalId));
  return rows[0]?.id ?? null;
}

/** The next running number of agreements in a fiscal year (BE); the row lock orders concurrent callers. */
export async function nextAgreementNumber(db: DbOrTx, fiscalYear: number): Promise<number> {
  const rows = await db
    .insert(projectNumberCounters)
    .values({ fiscalYear, lastNumber: 1 })
    .onConflictDoUpdate({
      target: projectNumberCounters.fiscalYear,
      set: { lastNumber: sql`${projectNumberCounters.lastNumber} + 1` },
    })
    .returning({ n: projectNumberCounters.lastNumber });
  const n = rows[0]?.n;
  if (n === undefined) {
    throw new Error('agreement counter returned no row');
  }
  return n;
}

/** An area-based driving unit that covers the province (the first by name), or null. */
export async function findAreaUnitForProvince(db: DbOrTx, provinceCode: number): Promise<string | null> {
  const rows = await db
    .select({ id: drivingUnits.id })
    .from(drivingUnits)
    .innerJoin(drivingUnitProvinces, eq(drivingUnitProvinces.drivingUnitId, drivingUnits.id))
    .where(and(eq(drivingUnits.kind, 'area_based'), eq(drivingUnitProvinces.provinceCode, provinceCode)))
    .orderBy(asc(drivingUnits.nameTh))
    .limit(1);
  return rows[0]?.id ?? null;
}

export async function drivingUnitExists(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db.select({ id: drivingUnits.id }).from(drivingUnits).where(eq(drivingUnits.id, id));
  return rows.length > 0;
}

export async function insertProject(db: DbOrTx, values: typeof projects.$inferInsert): Promise<ProjectRow> {
  const rows = await db.insert(projects).values(values).returning();
  const row = rows[0];
  if (!row) {
    throw new Error('project insert returned no row');
  }
  return row;
}

// ---- The plan: lines, milestones, reports, instalments ------------------------------------------------------------

export async function insertBudgetLines(
  db: DbOrTx,
  values: Array<typeof projectBudgetLines.$inferInsert>,
): Promise<BudgetLineRow[]> {
  return values.length === 0 ? [] : db.insert(projectBudgetLines).values(values).returning();
}

export async function insertMilestones(
  db: DbOrTx,
  values: Array<typeof projectMilestones.$inferInsert>,
): Promise<MilestoneRow[]> {
  return values.length === 0 ? [] : db.insert(projectMilestones).values(values).returning();
}

export async function insertReports(
  db: DbOrTx,
  values: Array<typeof projectReports.$inferInsert>,
): Promise<ReportRow[]> {
  return values.length === 0 ? [] : db.insert(projectReports).values(values).returning();
}

export async function insertInstalments(
  db: DbOrTx,
  values: Array<typeof projectInstalments.$inferInsert>,
): Promise<InstalmentRow[]> {
  return values.length === 0 ? [] : db.insert(projectInstalments).values(values).returning();
}

/** Removes the whole plan of a project in setup (instalments first: they point at reports). */
export async function deletePlan(db: DbOrTx, projectId: string): Promise<void> {
  await db.delete(projectInstalments).where(eq(projectInstalments.projectId, projectId));
  await db.delete(projectReallocations).where(eq(projectReallocations.projectId, projectId));
  await db.delete(projectReports).where(eq(projectReports.projectId, projectId));
  await db.delete(projectMilestones).where(eq(projectMilestones.projectId, projectId));
  await db.delete(projectBudgetLines).where(eq(projectBudgetLines.projectId, projectId));
}

// ---- Reading and locking ------------------------------------------------------------------------------------------

export async function findProject(db: DbOrTx, id: string): Promise<ProjectRow | undefined> {
  const rows = await db.select().from(projects).where(eq(projects.id, id));
  return rows[0];
}

/** Locks the project's row until the transaction ends: every money change of a project runs one after another. */
export async function lockProject(db: DbOrTx, id: string): Promise<ProjectRow | undefined> {
  const rows = await db.select().from(projects).where(eq(projects.id, id)).for('update');
  return rows[0];
}

export async function updateProject(
  db: DbOrTx,
  id: string,
  changes: Partial<Omit<typeof projects.$inferInsert, 'id' | 'version' | 'createdAt'>>,
): Promise<ProjectRow> {
  const rows = await db
    .update(projects)
    .set({ ...changes, version: sql`${projects.version} + 1`, updatedAt: sql`now()` })
    .where(eq(projects.id, id))
    .returning();
  const row = rows[0];
  if (!row) {
    throw new Error(`project ${id} vanished`);
  }
  return row;
}

/** Names shown with a project: organisation, call (and its programme) and supervising unit. */
export async function findProjectNames(db: DbOrTx, project: ProjectRow) {
  const rows = await db
    .select({
      organisationNameTh: organisations.nameTh,
      organisationNameEn: organisations.nameEn,
      callCode: calls.code,
      callTitleTh: calls.titleTh,
      callTitleEn: calls.titleEn,
      drivingUnitNameTh: drivingUnits.nameTh,
      drivingUnitNameEn: drivingUnits.nameEn,
    })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.organisationId))
    .innerJoin(calls, eq(calls.id, projects.callId))
    .leftJoin(drivingUnits, eq(drivingUnits.id, projects.drivingUnitId))
    .where(eq(projects.id, project.id));
  const row = rows[0];
  if (!row) {
    throw new Error(`project ${project.id} has no organisation or call`);
  }
  return row;
}

/** Budget lines with what approved reports spent on each. */
export async function listBudgetLines(db: DbOrTx, projectId: string) {
  const spent = db
    .select({
      budgetLineId: projectReportExpenditures.budgetLineId,
      spent: sql<string>`SUM(${projectReportExpenditures.spentSatang})`.as('spent'),
    })
    .from(projectReportExpenditures)
    .innerJoin(projectReports, eq(projectReports.id, projectReportExpenditures.reportId))
    .where(and(eq(projectReports.projectId, projectId), eq(projectReports.status, 'approved')))
    .groupBy(projectReportExpenditures.budgetLineId)
    .as('spent_by_line');
  const rows = await db
    .select({ line: projectBudgetLines, spent: spent.spent })
    .from(projectBudgetLines)
    .leftJoin(spent, eq(spent.budgetLineId, projectBudgetLines.id))
    .where(eq(projectBudgetLines.projectId, projectId))
    .orderBy(asc(projectBudgetLines.position));
  return rows.map((r) => ({ ...r.line, spentSatang: Number(r.spent ?? 0) }));
}

/** Locks the project's budget lines (inside the project's lock) and reads them with what was spent. */
export async function lockBudgetLines(db: DbOrTx, projectId: string) {
  await db
    .select({ id: projectBudgetLines.id })
    .from(projectBudgetLines)
    .where(eq(projectBudgetLines.projectId, projectId))
    .for('update');
  return listBudgetLines(db, projectId);
}

export async function addToLine(db: DbOrTx, lineId: string, deltaSatang: number): Promise<void> {
  await db
    .update(projectBudgetLines)
    .set({
      approvedSatang: sql`${projectBudgetLines.approvedSatang} + ${deltaSatang}`,
      updatedAt: sql`now()`,
    })
    .where(eq(projectBudgetLines.id, lineId));
}

export async function listMilestones(db: DbOrTx, projectId: string): Promise<MilestoneRow[]> {
  return db
    .select()
    .from(projectMilestones)
    .where(eq(projectMilestones.projectId, projectId))
    .orderBy(asc(projectMilestones.position));
}

export async function listReports(db: DbOrTx, projectId: string): Promise<ReportRow[]> {
  return db
    .select()
    .from(projectReports)
    .where(eq(projectReports.projectId, projectId))
    .orderBy(asc(projectReports.sequence));
}

export async function listInstalments(db: DbOrTx, projectId: string): Promise<InstalmentRow[]> {
  return db
    .select()
    .from(projectInstalments)
    .where(eq(projectInstalments.projectId, projectId))
    .orderBy(asc(projectInstalments.sequence));
}

export async function findInstalment(
  db: DbOrTx,
  id: string,
  lock = false,
): Promise<InstalmentRow | undefined> {
  const query = db.select().from(projectInstalments).where(eq(projectInstalments.id, id));
  const rows = lock ? await query.for('update') : await query;
  return rows[0];
}

export async function updateInstalment(
  db: DbOrTx,
  id: string,
  changes: Partial<Omit<typeof projectInstalments.$inferInsert, 'id' | 'projectId' | 'version'>>,
): Promise<InstalmentRow> {
  const rows = await db
    .update(projectInstalments)
    .set({ ...changes, version: sql`${projectInstalments.version} + 1`, updatedAt: sql`now()` })
    .where(eq(projectInstalments.id, id))
    .returning();
  const row = rows[0];
  if (!row) {
    throw new Error(`instalment ${id} vanished`);
  }
  return row;
}

/** Instalments released by the agreement's acceptance become ready for payment. */
export async function readyAcceptanceInstalments(db: DbOrTx, projectId: string, at: Date): Promise<number> {
  const rows = await db
    .update(projectInstalments)
    .set({
      status: 'ready',
      readyAt: at,
      version: sql`${projectInstalments.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(projectInstalments.projectId, projectId),
        eq(projectInstalments.status, 'scheduled'),
        sql`${projectInstalments.releaseReportId} IS NULL`,
      ),
    )
    .returning({ id: projectInstalments.id });
  return rows.length;
}

/** Reallocations of a project with who asked and who decided, newest first. */
export async function listReallocations(db: DbOrTx, projectId: string) {
  return db
    .select({
      reallocation: projectReallocations,
      requestedByName: sql<
        string | null
      >`(SELECT name FROM users u WHERE u.id = ${projectReallocations.requestedBy})`,
      decidedByName: sql<
        string | null
      >`(SELECT name FROM users u WHERE u.id = ${projectReallocations.decidedBy})`,
    })
    .from(projectReallocations)
    .where(eq(projectReallocations.projectId, projectId))
    .orderBy(desc(projectReallocations.requestedAt), desc(projectReallocations.id));
}

export async function findReallocation(db: DbOrTx, id: string, lock = false) {
  const query = db.select().from(projectReallocations).where(eq(projectReallocations.id, id));
  const rows = lock ? await query.for('update') : await query;
  return rows[0];
}

export async function insertReallocation(
  db: DbOrTx,
  values: typeof projectReallocations.$inferInsert,
): Promise<ReallocationRow> {
  const rows = await db.insert(projectReallocations).values(values).returning();
  const row = rows[0];
  if (!row) {
    throw new Error('reallocation insert returned no row');
  }
  return row;
}

export async function updateReallocation(
  db: DbOrTx,
  id: string,
  changes: Partial<Pick<ReallocationRow, 'status' | 'decidedBy' | 'decidedAt' | 'decisionNote'>>,
): Promise<ReallocationRow> {
  const rows = await db
    .update(projectReallocations)
    .set({ ...changes, version: sql`${projectReallocations.version} + 1` })
    .where(eq(projectReallocations.id, id))
    .returning();
  const row = rows[0];
  if (!row) {
    throw new Error(`reallocation ${id} vanished`);
  }
  return row;
}

/** The sum of a project's approved reallocations. */
export async function sumApprovedReallocations(db: DbOrTx, projectId: string): Promise<number> {
  const rows = await db
    .select({ total: sql<string>`COALESCE(SUM(${projectReallocations.amountSatang}), 0)` })
    .from(projectReallocations)
    .where(and(eq(projectReallocations.projectId, projectId), eq(projectReallocations.status, 'approved')));
  return Number(rows[0]?.total ?? 0);
}

export async function findUserName(db: DbOrTx, userId: string | null): Promise<string | null> {
  if (!userId) {
    return null;
  }
  const rows = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return rows[0]?.name ?? null;
}

/** People to tell about a project's staff matters: its unit's staff, or else the officer who issued its agreement. */
export async function listStaffContacts(db: DbOrTx, project: ProjectRow) {
  const unitStaff = project.drivingUnitId
    ? await db
        .select({ userId: users.id, name: users.name, email: users.email, locale: users.locale })
        .from(userRoles)
        .innerJoin(users, eq(users.id, userRoles.userId))
        .where(
          and(
            eq(userRoles.role, 'driving_unit_staff'),
            eq(userRoles.drivingUnitId, project.drivingUnitId),
            eq(users.status, 'active'),
          ),
        )
    : [];
  if (unitStaff.length > 0 || !project.agreementIssuedBy) {
    return unitStaff;
  }
  return db
    .select({ userId: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, project.agreementIssuedBy), eq(users.status, 'active')));
}

// ---- Lists with health ----------------------------------------------------------------------------------------------

/** What scopes the list: the national roll-up, or a unit's portfolio and the organisations one belongs to. */
export interface ProjectScope {
  all: boolean;
  userId: string;
  drivingUnitId: string | null;
}

function scopeWhere(scope: ProjectScope): SQL | undefined {
  if (scope.all) {
    return undefined;
  }
  const member = sql`EXISTS (SELECT 1 FROM ${organisationMembers} m WHERE m.organisation_id = ${projects.organisationId} AND m.user_id = ${scope.userId})`;
  return scope.drivingUnitId
    ? sql`(${projects.drivingUnitId} = ${scope.drivingUnitId} OR ${member})`
    : member;
}

/** The health facts of each project, counted in SQL; projects that are not active have none. */
function healthFacts(today: string) {
  const active = sql`${projects.status} = 'active'`;
  const overdueReports = sql<number>`CASE WHEN ${active} THEN (SELECT COUNT(*) FROM project_reports r WHERE r.project_id = ${projects.id} AND r.status IN ('not_started', 'draft', 'returned') AND r.due_on < ${today}::date) ELSE 0 END`;
  const overspentLines = sql<number>`CASE WHEN ${active} THEN (SELECT COUNT(*) FROM project_budget_lines l WHERE l.project_id = ${projects.id} AND l.approved_satang < (SELECT COALESCE(SUM(e.spent_satang), 0) FROM project_report_expenditures e JOIN project_reports r ON r.id = e.report_id WHERE e.budget_line_id = l.id AND r.status = 'approved')) ELSE 0 END`;
  const lateMilestones = sql<number>`CASE WHEN ${active} THEN (SELECT COUNT(*) FROM project_milestones ms WHERE ms.project_id = ${projects.id} AND ms.completion_percent < 100 AND ms.due_on < ${today}::date) ELSE 0 END`;
  return { overdueReports, overspentLines, lateMilestones };
}

export interface ProjectListFilters {
  status?: string | undefined;
  health?: 'on_track' | 'at_risk' | undefined;
  drivingUnitId?: string | undefined;
  callId?: string | undefined;
  fiscalYear?: number | undefined;
  q?: string | undefined;
  offset: number;
  limit: number;
}

/** One page of the projects the scope may see, with names, money, the next due report and health facts. */
export async function listProjects(
  db: DbOrTx,
  scope: ProjectScope,
  filters: ProjectListFilters,
  today: string,
) {
  const facts = healthFacts(today);
  const atRisk = sql`(${facts.overdueReports} + ${facts.overspentLines} + ${facts.lateMilestones}) > 0`;
  const pattern = filters.q ? `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = and(
    scopeWhere(scope),
    filters.status ? eq(projects.status, filters.status) : undefined,
    filters.drivingUnitId ? eq(projects.drivingUnitId, filters.drivingUnitId) : undefined,
    filters.callId ? eq(projects.callId, filters.callId) : undefined,
    filters.fiscalYear ? eq(projects.fiscalYear, filters.fiscalYear) : undefined,
    filters.health === 'at_risk' ? atRisk : undefined,
    filters.health === 'on_track' ? sql`NOT ${atRisk}` : undefined,
    pattern
      ? sql`(${projects.titleTh} ILIKE ${pattern} OR ${projects.titleEn} ILIKE ${pattern} OR ${projects.agreementNumber} ILIKE ${pattern} OR ${organisations.nameTh} ILIKE ${pattern})`
      : undefined,
  );
  const rows = await db
    .select({
      project: projects,
      organisationNameTh: organisations.nameTh,
      organisationNameEn: organisations.nameEn,
      callCode: calls.code,
      drivingUnitNameTh: drivingUnits.nameTh,
      drivingUnitNameEn: drivingUnits.nameEn,
      paidSatang: sql<string>`(SELECT COALESCE(SUM(i.paid_satang), 0) FROM project_instalments i WHERE i.project_id = ${projects.id})`,
      nextReportDueOn: sql<
        string | null
      >`(SELECT MIN(r.due_on)::text FROM project_reports r WHERE r.project_id = ${projects.id} AND r.status IN ('not_started', 'draft', 'returned'))`,
      overdueReports: facts.overdueReports,
      overspentLines: facts.overspentLines,
      lateMilestones: facts.lateMilestones,
      total: sql<string>`COUNT(*) OVER ()`,
    })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.organisationId))
    .innerJoin(calls, eq(calls.id, projects.callId))
    .leftJoin(drivingUnits, eq(drivingUnits.id, projects.drivingUnitId))
    .where(where)
    .orderBy(desc(projects.fiscalYear), asc(projects.agreementNumber))
    .limit(filters.limit)
    .offset(filters.offset);
  return rows;
}

/** The health facts of one project. */
export async function findHealthFacts(db: DbOrTx, projectId: string, today: string) {
  const facts = healthFacts(today);
  const rows = await db
    .select({
      overdueReports: facts.overdueReports,
      overspentLines: facts.overspentLines,
      lateMilestones: facts.lateMilestones,
    })
    .from(projects)
    .where(eq(projects.id, projectId));
  const row = rows[0];
  return {
    overdueReports: Number(row?.overdueReports ?? 0),
    overspentLines: Number(row?.overspentLines ?? 0),
    lateMilestones: Number(row?.lateMilestones ?? 0),
  };
}

// ---- Disbursement ---------------------------------------------------------------------------------------------------

const paidFiscalYear = sql<number>`(EXTRACT(YEAR FROM ${projectInstalments.paidOn})::int + 543 + CASE WHEN EXTRACT(MONTH FROM ${projectInstalments.paidOn}) >= 10 THEN 1 ELSE 0 END)`;

/** Projects' money by their call's fiscal year and programme: count, award, ready and scheduled instalments. */
export async function sumProjectMoney(db: DbOrTx, drivingUnitId: string | null, fiscalYear: number | null) {
  const rows = await db
    .select({
      fiscalYear: projects.fiscalYear,
      programmeId: calls.programmeId,
      nameTh: programmes.nameTh,
      nameEn: programmes.nameEn,
      projects: sql<string>`COUNT(*)`,
      awardedSatang: sql<string>`COALESCE(SUM(${projects.awardSatang}), 0)`,
      readySatang: sql<string>`COALESCE(SUM((SELECT COALESCE(SUM(i.amount_satang), 0) FROM project_instalments i WHERE i.project_id = ${projects.id} AND i.status = 'ready')), 0)`,
      scheduledSatang: sql<string>`COALESCE(SUM((SELECT COALESCE(SUM(i.amount_satang), 0) FROM project_instalments i WHERE i.project_id = ${projects.id} AND i.status = 'scheduled')), 0)`,
    })
    .from(projects)
    .innerJoin(calls, eq(calls.id, projects.callId))
    .leftJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(
      and(
        drivingUnitId ? eq(projects.drivingUnitId, drivingUnitId) : undefined,
        fiscalYear ? eq(projects.fiscalYear, fiscalYear) : undefined,
      ),
    )
    .groupBy(projects.fiscalYear, calls.programmeId, programmes.nameTh, programmes.nameEn);
  return rows.map((r) => ({
    ...r,
    projects: Number(r.projects),
    awardedSatang: Number(r.awardedSatang),
    readySatang: Number(r.readySatang),
    scheduledSatang: Number(r.scheduledSatang),
  }));
}

/** Payments by the fiscal year (BE) of their date and by programme: paid and withheld. */
export async function sumPayments(db: DbOrTx, drivingUnitId: string | null, fiscalYear: number | null) {
  const rows = await db
    .select({
      fiscalYear: paidFiscalYear,
      programmeId: calls.programmeId,
      nameTh: programmes.nameTh,
      nameEn: programmes.nameEn,
      paidSatang: sql<string>`COALESCE(SUM(${projectInstalments.paidSatang}), 0)`,
      withheldSatang: sql<string>`COALESCE(SUM(${projectInstalments.withheldSatang}), 0)`,
    })
    .from(projectInstalments)
    .innerJoin(projects, eq(projects.id, projectInstalments.projectId))
    .innerJoin(calls, eq(calls.id, projects.callId))
    .leftJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(
      and(
        eq(projectInstalments.status, 'paid'),
        drivingUnitId ? eq(projects.drivingUnitId, drivingUnitId) : undefined,
        fiscalYear ? sql`${paidFiscalYear} = ${fiscalYear}` : undefined,
      ),
    )
    .groupBy(paidFiscalYear, calls.programmeId, programmes.nameTh, programmes.nameEn);
  return rows.map((r) => ({
    ...r,
    fiscalYear: Number(r.fiscalYear),
    paidSatang: Number(r.paidSatang),
    withheldSatang: Number(r.withheldSatang),
  }));
}
