import { and, asc, eq, exists, gt, inArray, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import {
  adoptions,
  callPipelineCounts,
  calls,
  drivingUnits,
  impactIndicators,
  innovations,
  innovationSrlHistory,
  programmes,
  projectIndicatorRollups,
  projectIndicators,
  projectInstalments,
  projectReports,
  projects,
  sdgs,
  sroiAssessments,
  themes,
} from '@server/db/schema/index';

// Read models of the dashboards over other modules' tables (counts and sums only; nothing here changes data).

/**
 * What a dashboard covers. `drivingUnitId`: a unit's staff always (their unit), or an officer's filter; null = all.
 * For a unit, calls (and their proposals and awards) are those of the programmes the unit runs and those its projects
 * came from; projects are the ones it supervises; innovations and adoptions follow from those projects.
 */
export interface Scope {
  drivingUnitId: string | null;
  fiscalYear: number | null;
  programmeId: string | null;
}

/** bigint sums arrive as strings from node-postgres: everything numeric goes through this. */
const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

function callsWhere(db: DbOrTx, scope: Scope, withFilters = true): SQL | undefined {
  const unit = scope.drivingUnitId;
  return and(
    ne(calls.status, 'draft'),
    withFilters && scope.fiscalYear !== null ? eq(calls.fiscalYear, scope.fiscalYear) : undefined,
    withFilters && scope.programmeId ? eq(calls.programmeId, scope.programmeId) : undefined,
    unit
      ? or(
          inArray(
            calls.programmeId,
            db.select({ id: programmes.id }).from(programmes).where(eq(programmes.drivingUnitId, unit)),
          ),
          exists(
            db
              .select({ one: sql`1` })
              .from(projects)
              .where(and(eq(projects.callId, calls.id), eq(projects.drivingUnitId, unit))),
          ),
        )
      : undefined,
  );
}

function projectsWhere(scope: Scope, withFilters = true): SQL | undefined {
  return and(
    scope.drivingUnitId ? eq(projects.drivingUnitId, scope.drivingUnitId) : undefined,
    withFilters && scope.fiscalYear !== null ? eq(projects.fiscalYear, scope.fiscalYear) : undefined,
    withFilters && scope.programmeId ? eq(calls.programmeId, scope.programmeId) : undefined,
  );
}

const scopedCallIds = (db: DbOrTx, scope: Scope) =>
  db.select({ id: calls.id }).from(calls).where(callsWhere(db, scope));

const scopedProjectIds = (db: DbOrTx, scope: Scope) =>
  db
    .select({ id: projects.id })
    .from(projects)
    .innerJoin(calls, eq(calls.id, projects.callId))
    .where(projectsWhere(scope));

const scopedInnovationIds = (db: DbOrTx, scope: Scope) =>
  db
    .select({ id: innovations.id })
    .from(innovations)
    .where(inArray(innovations.projectId, scopedProjectIds(db, scope)));

/** Counts per pipeline stage (see PipelineSchema), each with its sub-count. */
export async function countPipeline(db: DbOrTx, scope: Scope, now: Date) {
  const [callRow] = await db
    .select({
      count: sql<number>`count(*)::int`,
      detail: sql<number>`(count(*) FILTER (WHERE ${calls.status} = 'published' AND ${calls.closesAt} > ${now.toISOString()}::timestamptz))::int`,
      nextCloseAt: sql<
        string | Date | null
      >`min(${calls.closesAt}) FILTER (WHERE ${calls.status} = 'published' AND ${calls.closesAt} > ${now.toISOString()}::timestamptz)`,
    })
    .from(calls)
    .where(callsWhere(db, scope));
  // Submitted proposals and awards per call come from the call summaries the triggers keep.
  const [summaryRow] = await db
    .select({
      proposals: sql<number>`coalesce(sum(${callPipelineCounts.proposals}), 0)::int`,
      eligible: sql<number>`coalesce(sum(${callPipelineCounts.eligibleProposals}), 0)::int`,
      requested: sql<string>`coalesce(sum(${callPipelineCounts.requestedSatang}), 0)::bigint`,
      awards: sql<number>`coalesce(sum(${callPipelineCounts.awards}), 0)::int`,
      notified: sql<number>`coalesce(sum(${callPipelineCounts.notifiedAwards}), 0)::int`,
      awarded: sql<string>`coalesce(sum(${callPipelineCounts.awardedSatang}), 0)::bigint`,
    })
    .from(callPipelineCounts)
    .where(inArray(callPipelineCounts.callId, scopedCallIds(db, scope)));
  const proposalRow = { count: num(summaryRow?.proposals), detail: num(summaryRow?.eligible) };
  const awardRow = { count: num(summaryRow?.awards), detail: num(summaryRow?.notified) };
  const [projectRow] = await db
    .select({
      count: sql<number>`count(*)::int`,
      detail: sql<number>`(count(*) FILTER (WHERE ${projects.status} = 'closed'))::int`,
    })
    .from(projects)
    .innerJoin(calls, eq(calls.id, projects.callId))
    .where(projectsWhere(scope));
  const [innovationRow] = await db
    .select({
      count: sql<number>`count(*)::int`,
      detail: sql<number>`(count(*) FILTER (WHERE ${innovations.status} = 'published'))::int`,
    })
    .from(innovations)
    .where(inArray(innovations.projectId, scopedProjectIds(db, scope)));
  const [adoptionRow] = await db
    .select({
      count: sql<number>`count(*)::int`,
      detail: sql<number>`(count(*) FILTER (WHERE ${adoptions.status} IN ('adopted', 'sustained')))::int`,
    })
    .from(adoptions)
    .where(inArray(adoptions.innovationId, scopedInnovationIds(db, scope)));
  const pair = (row: { count: number; detail: number } | undefined) => ({
    count: num(row?.count),
    detail: num(row?.detail),
  });
  return {
    nextCloseAt: callRow?.nextCloseAt ? new Date(callRow.nextCloseAt) : null,
    calls: pair(callRow),
    proposals: pair(proposalRow),
    awards: pair(awardRow),
    projects: pair(projectRow),
    innovations: pair(innovationRow),
    adoptions: pair(adoptionRow),
    requestedSatang: num(summaryRow?.requested),
    awardedSatang: num(summaryRow?.awarded),
  };
}

/** Per fiscal year of the award: projects, Σ awards and the instalments' paid, withheld and ready sums. */
export async function sumDisbursement(db: DbOrTx, scope: Scope) {
  const money = db
    .select({
      projectId: projectInstalments.projectId,
      paid: sql<string>`coalesce(sum(${projectInstalments.paidSatang}) FILTER (WHERE ${projectInstalments.status} = 'paid'), 0)`.as(
        'paid',
      ),
      withheld:
        sql<string>`coalesce(sum(${projectInstalments.withheldSatang}) FILTER (WHERE ${projectInstalments.status} = 'paid'), 0)`.as(
          'withheld',
        ),
      ready:
        sql<string>`coalesce(sum(${projectInstalments.amountSatang}) FILTER (WHERE ${projectInstalments.status} = 'ready'), 0)`.as(
          'ready',
        ),
    })
    .from(projectInstalments)
    .groupBy(projectInstalments.projectId)
    .as('money');
  const rows = await db
    .select({
      fiscalYear: projects.fiscalYear,
      projectCount: sql<number>`count(*)::int`,
      awarded: sql<string>`coalesce(sum(${projects.awardSatang}), 0)::bigint`,
      paid: sql<string>`coalesce(sum(${money.paid}), 0)::bigint`,
      withheld: sql<string>`coalesce(sum(${money.withheld}), 0)::bigint`,
      ready: sql<string>`coalesce(sum(${money.ready}), 0)::bigint`,
    })
    .from(projects)
    .innerJoin(calls, eq(calls.id, projects.callId))
    .leftJoin(money, eq(money.projectId, projects.id))
    .where(projectsWhere(scope))
    .groupBy(projects.fiscalYear)
    .orderBy(asc(projects.fiscalYear));
  return rows.map((r) => ({
    fiscalYear: r.fiscalYear,
    projectCount: num(r.projectCount),
    awardedSatang: num(r.awarded),
    paidSatang: num(r.paid),
    withheldSatang: num(r.withheld),
    readySatang: num(r.ready),
  }));
}

/**
 * Per SDG goal of the verified library indicators of the projects in scope (from the indicator rollups): the projects
 * with verified values, the number of verified values (a value counts once per SDG target of its indicator) and the
 * projects among them with a final SROI assessment that has figures.
 */
export async function sumVerifiedBySdg(db: DbOrTx, scope: Scope) {
  const goal = sql<number>`split_part(unnest(${impactIndicators.sdgTargets}), '.', 1)`;
  const inner = db
    .select({
      projectId: projectIndicatorRollups.projectId,
      verifiedCount: projectIndicatorRollups.verifiedCount,
      goal: goal.as('goal'),
    })
    .from(projectIndicatorRollups)
    .innerJoin(projectIndicators, eq(projectIndicators.id, projectIndicatorRollups.projectIndicatorId))
    .innerJoin(impactIndicators, eq(impactIndicators.id, projectIndicators.indicatorId))
    .where(
      and(
        gt(projectIndicatorRollups.verifiedCount, 0),
        inArray(projectIndicatorRollups.projectId, scopedProjectIds(db, scope)),
      ),
    )
    .as('verified_goals');
  const withSroi = db
    .selectDistinct({ projectId: sroiAssessments.projectId })
    .from(sroiAssessments)
    .where(
      and(
        eq(sroiAssessments.status, 'final'),
        isNotNull(sroiAssessments.presentValueSatang),
        isNotNull(sroiAssessments.investmentSatang),
      ),
    );
  const rows = await db
    .select({
      goal: inner.goal,
      projectCount: sql<number>`count(DISTINCT ${inner.projectId})::int`,
      verifiedCount: sql<number>`sum(${inner.verifiedCount})::int`,
      sroiCount: sql<number>`(count(DISTINCT ${inner.projectId}) FILTER (WHERE ${inArray(inner.projectId, withSroi)}))::int`,
    })
    .from(inner)
    .where(sql`${inner.goal} ~ '^[0-9]{1,2}$'`)
    .groupBy(inner.goal);
  return rows.map((r) => ({
    sdg: Number(r.goal),
    projectCount: num(r.projectCount),
    verifiedCount: num(r.verifiedCount),
    sroiCount: num(r.sroiCount),
  }));
}

export async function listSdgNames(db: DbOrTx) {
  return db.select().from(sdgs).orderBy(asc(sdgs.number));
}

/** Per project in scope: SRL at the start, its innovation's SRL now, and its latest approved report's SRL. */
export async function listProjectSrl(db: DbOrTx, scope: Scope) {
  const latestReport = sql<number | null>`(
    SELECT ${projectReports.srlLevel} FROM ${projectReports}
    WHERE ${projectReports.projectId} = ${projects.id} AND ${projectReports.status} = 'approved'
      AND ${projectReports.srlLevel} IS NOT NULL
    ORDER BY ${projectReports.sequence} DESC LIMIT 1)`;
  return db
    .select({
      id: projects.id,
      srlStart: projects.srlStart,
      innovationSrl: innovations.srl,
      reportSrl: latestReport,
    })
    .from(projects)
    .innerJoin(calls, eq(calls.id, projects.callId))
    .leftJoin(innovations, eq(innovations.projectId, projects.id))
    .where(projectsWhere(scope));
}

/** The recorded SRL assessments of the innovations of the projects in scope, per fiscal year (BE) assessed. */
export async function countSrlAssessmentsByYear(db: DbOrTx, scope: Scope) {
  // The fiscal year starts on 1 October: three months on, the calendar year is the fiscal year (CE).
  const year = sql<number>`(extract(year from (${innovationSrlHistory.assessedOn} + interval '3 months'))::int + 543)`;
  const rows = await db
    .select({
      fiscalYear: year,
      count: sql<number>`count(*)::int`,
      meanSrl: sql<number>`avg(${innovationSrlHistory.srl})::float8`,
    })
    .from(innovationSrlHistory)
    .where(inArray(innovationSrlHistory.innovationId, scopedInnovationIds(db, scope)))
    .groupBy(year)
    .orderBy(year);
  return rows.map((r) => ({ fiscalYear: num(r.fiscalYear), count: num(r.count), meanSrl: num(r.meanSrl) }));
}

/** What the filters offer within the actor's scope (the filters themselves not applied). */
export async function listOptions(db: DbOrTx, scope: Scope) {
  const callYears = await db
    .selectDistinct({ fiscalYear: calls.fiscalYear })
    .from(calls)
    .where(callsWhere(db, scope, false));
  const projectYears = await db
    .selectDistinct({ fiscalYear: projects.fiscalYear })
    .from(projects)
    .innerJoin(calls, eq(calls.id, projects.callId))
    .where(projectsWhere(scope, false));
  const programmeRows = await db
    .selectDistinct({ id: programmes.id, nameTh: programmes.nameTh, nameEn: programmes.nameEn })
    .from(calls)
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(callsWhere(db, scope, false))
    .orderBy(asc(programmes.nameTh));
  const units = await db
    .select({ id: drivingUnits.id, nameTh: drivingUnits.nameTh, nameEn: drivingUnits.nameEn })
    .from(drivingUnits)
    .where(scope.drivingUnitId ? eq(drivingUnits.id, scope.drivingUnitId) : undefined)
    .orderBy(asc(drivingUnits.nameTh));
  const years = [...new Set([...callYears, ...projectYears].map((r) => r.fiscalYear))].sort((a, b) => a - b);
  return { fiscalYears: years, programmes: programmeRows, drivingUnits: units };
}

// ---- Public figures (aggregates of public records only) --------------------------------------------------------

/** Every funded project's year, award, themes, provinces and whether it closed (the figures only). */
export async function listFundedProjects(db: DbOrTx, fiscalYear: number | null) {
  return db
    .select({
      fiscalYear: projects.fiscalYear,
      awardSatang: projects.awardSatang,
      themes: projects.themes,
      provinceCodes: projects.provinceCodes,
      status: projects.status,
    })
    .from(projects)
    .where(fiscalYear === null ? undefined : eq(projects.fiscalYear, fiscalYear))
    .orderBy(asc(projects.fiscalYear));
}

export async function listAllProjectYears(db: DbOrTx): Promise<number[]> {
  const rows = await db
    .selectDistinct({ fiscalYear: projects.fiscalYear })
    .from(projects)
    .orderBy(asc(projects.fiscalYear));
  return rows.map((r) => r.fiscalYear);
}

/** Published innovations (of the year's projects, when a year is given). */
function publishedInnovationsWhere(db: DbOrTx, fiscalYear: number | null): SQL | undefined {
  return and(
    eq(innovations.status, 'published'),
    fiscalYear === null
      ? undefined
      : inArray(
          innovations.projectId,
          db.select({ id: projects.id }).from(projects).where(eq(projects.fiscalYear, fiscalYear)),
        ),
  );
}

export async function countPublishedInnovationsBySrl(db: DbOrTx, fiscalYear: number | null) {
  const rows = await db
    .select({ srl: innovations.srl, count: sql<number>`count(*)::int` })
    .from(innovations)
    .where(publishedInnovationsWhere(db, fiscalYear))
    .groupBy(innovations.srl)
    .orderBy(sql`${innovations.srl} NULLS LAST`);
  return rows.map((r) => ({ srl: r.srl, count: num(r.count) }));
}

/** Adoptions of published innovations per status, and the provinces they are in. */
export async function countPublicAdoptions(db: DbOrTx, fiscalYear: number | null) {
  const published = db
    .select({ id: innovations.id })
    .from(innovations)
    .where(publishedInnovationsWhere(db, fiscalYear));
  const byStatus = await db
    .select({ status: adoptions.status, count: sql<number>`count(*)::int` })
    .from(adoptions)
    .where(inArray(adoptions.innovationId, published))
    .groupBy(adoptions.status);
  const provinceRows = await db
    .selectDistinct({ code: adoptions.provinceCode })
    .from(adoptions)
    .where(and(inArray(adoptions.innovationId, published), gt(adoptions.provinceCode, 0)));
  return {
    byStatus: byStatus.map((r) => ({ status: r.status, count: num(r.count) })),
    provinceCodes: provinceRows.map((r) => r.code),
  };
}

export async function listThemes(db: DbOrTx) {
  return db
    .select({ code: themes.code, nameTh: themes.nameTh, nameEn: themes.nameEn })
    .from(themes)
    .orderBy(asc(themes.number));
}
