import { and, asc, eq, inArray, isNotNull, notInArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import {
  adoptions,
  calls,
  decisions,
  drivingUnitProvinces,
  drivingUnits,
  impactIndicators,
  innovationNeeds,
  innovations,
  problemStatements,
  programmes,
  projectIndicators,
  projectIndicatorValues,
  projectInstalments,
  projects,
  proposals,
  provinces,
  regions,
  themes,
} from '@server/db/schema/index';

// Read models of the policy report over other modules' tables (like impact/portfolio.repo.ts): counts and sums only.

/** What the report covers: the filters, and for a unit's staff their unit (projects) and its provinces (needs). */
export interface InsightScope {
  fiscalYearFrom: number | null;
  fiscalYearTo: number | null;
  programmeId: string | null;
  theme: string | null;
  /** Projects, innovations and their adoptions of this unit only (a unit's staff); null = all. */
  drivingUnitId: string | null;
  /** Problem statements, needs and proposals in these provinces only (the unit's); null = all. */
  provinceCodes: number[] | null;
}

/** The fiscal year (Buddhist Era, from 1 October) of a timestamp, in Bangkok. */
const fiscalYearOfTimestamp = (column: SQLWrapper) =>
  sql`(extract(year from ((${column} AT TIME ZONE 'Asia/Bangkok') + interval '3 months'))::int + 543)`;
/** The fiscal year (Buddhist Era) of a date. */
const fiscalYearOfDate = (column: SQLWrapper) =>
  sql`(extract(year from (${column} + interval '3 months'))::int + 543)`;

function yearsWhere(scope: InsightScope, year: SQLWrapper): SQL | undefined {
  return and(
    scope.fiscalYearFrom === null ? undefined : sql`${year} >= ${scope.fiscalYearFrom}`,
    scope.fiscalYearTo === null ? undefined : sql`${year} <= ${scope.fiscalYearTo}`,
  );
}

const provinceArray = (codes: number[]) => sql`ARRAY[${sql.join(codes, sql`, `)}]::smallint[]`;

/** A single province column within the scope's provinces (none in scope: nothing). */
function provinceWhere(scope: InsightScope, column: unknown): SQL | undefined {
  if (scope.provinceCodes === null) {
    return undefined;
  }
  return scope.provinceCodes.length === 0
    ? sql`false`
    : sql`${column} = ANY(${provinceArray(scope.provinceCodes)})`;
}

/** A province array column overlapping the scope's provinces. */
function provincesOverlap(scope: InsightScope, column: unknown): SQL | undefined {
  if (scope.provinceCodes === null) {
    return undefined;
  }
  return scope.provinceCodes.length === 0
    ? sql`false`
    : sql`${column} && ${provinceArray(scope.provinceCodes)}`;
}

const themeIn = (scope: InsightScope, column: unknown) =>
  scope.theme === null ? undefined : sql`${scope.theme}::text = ANY(${column})`;

/** A driving unit's provinces. */
export async function listUnitProvinces(db: DbOrTx, drivingUnitId: string): Promise<number[]> {
  const rows = await db
    .select({ code: drivingUnitProvinces.provinceCode })
    .from(drivingUnitProvinces)
    .where(eq(drivingUnitProvinces.drivingUnitId, drivingUnitId));
  return rows.map((r) => r.code);
}

export async function findDrivingUnit(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: drivingUnits.id, nameTh: drivingUnits.nameTh, nameEn: drivingUnits.nameEn })
    .from(drivingUnits)
    .where(eq(drivingUnits.id, id));
  return row;
}

export async function listReference(db: DbOrTx) {
  const themeRows = await db
    .select({ code: themes.code, nameTh: themes.nameTh, nameEn: themes.nameEn })
    .from(themes)
    .orderBy(asc(themes.number));
  const regionRows = await db
    .select({ code: regions.code, nameTh: regions.nameTh, nameEn: regions.nameEn })
    .from(regions)
    .orderBy(asc(regions.sortOrder));
  const provinceRows = await db
    .select({ code: provinces.code, regionCode: provinces.regionCode })
    .from(provinces);
  const programmeRows = await db
    .select({ id: programmes.id, nameTh: programmes.nameTh, nameEn: programmes.nameEn })
    .from(programmes)
    .orderBy(asc(programmes.sortOrder), asc(programmes.nameTh));
  return { themes: themeRows, regions: regionRows, provinces: provinceRows, programmes: programmeRows };
}

/** Fiscal years with calls or projects (the filter's choices). */
export async function listFiscalYears(db: DbOrTx): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: calls.fiscalYear })
    .from(calls)
    .where(notInArray(calls.status, ['draft']))
    .union(db.selectDistinct({ year: projects.fiscalYear }).from(projects));
  return rows.map((r) => r.year).sort((a, b) => a - b);
}

/** Published problem statements of calls in scope, with their theme and province. */
export async function listProblemStatements(db: DbOrTx, scope: InsightScope) {
  return db
    .select({ theme: problemStatements.theme, provinceCode: problemStatements.provinceCode })
    .from(problemStatements)
    .innerJoin(calls, eq(calls.id, problemStatements.callId))
    .where(
      and(
        eq(problemStatements.status, 'published'),
        notInArray(calls.status, ['draft']),
        yearsWhere(scope, calls.fiscalYear),
        scope.programmeId ? eq(calls.programmeId, scope.programmeId) : undefined,
        scope.theme === null ? undefined : eq(problemStatements.theme, scope.theme),
        provinceWhere(scope, problemStatements.provinceCode),
      ),
    );
}

/**
 * Needs posted by communities and local government, moderated in (published, addressed or closed), by the fiscal year
 * they were posted in. Not tied to a programme: the programme filter does not apply.
 */
export async function listCommunityNeeds(db: DbOrTx, scope: InsightScope) {
  return db
    .select({ theme: innovationNeeds.theme, provinceCode: innovationNeeds.provinceCode })
    .from(innovationNeeds)
    .where(
      and(
        inArray(innovationNeeds.status, ['published', 'addressed', 'closed']),
        yearsWhere(scope, fiscalYearOfTimestamp(innovationNeeds.createdAt)),
        scope.theme === null ? undefined : eq(innovationNeeds.theme, scope.theme),
        provinceWhere(scope, innovationNeeds.provinceCode),
      ),
    );
}

/**
 * Submitted proposals (not drafts, not withdrawn) of calls in scope, with the released award on each (if any). The
 * call's fiscal year counts.
 */
export async function listProposals(db: DbOrTx, scope: InsightScope) {
  return db
    .select({
      id: proposals.id,
      stage: proposals.stage,
      fiscalYear: calls.fiscalYear,
      themes: proposals.themes,
      provinceCodes: proposals.provinceCodes,
      requestedSatang: proposals.requestedSatang,
      awardedSatang: decisions.amountSatang,
      isAwarded: sql<boolean>`(${decisions.id} IS NOT NULL)`,
    })
    .from(proposals)
    .innerJoin(calls, eq(calls.id, proposals.callId))
    .leftJoin(
      decisions,
      and(
        eq(decisions.proposalId, proposals.id),
        eq(decisions.stage, proposals.stage),
        eq(decisions.outcome, 'award'),
        isNotNull(decisions.notifiedAt),
      ),
    )
    .where(
      and(
        notInArray(proposals.status, ['draft', 'withdrawn']),
        isNotNull(proposals.submittedAt),
        yearsWhere(scope, calls.fiscalYear),
        scope.programmeId ? eq(calls.programmeId, scope.programmeId) : undefined,
        themeIn(scope, proposals.themes),
        provincesOverlap(scope, proposals.provinceCodes),
      ),
    );
}

/**
 * Calls (published or later) in scope, by fiscal year. With a theme or a unit's provinces, only the calls that
 * received proposals in them.
 */
export async function countCallsByYear(db: DbOrTx, scope: InsightScope) {
  const narrowed = scope.theme !== null || scope.provinceCodes !== null;
  return db
    .select({ fiscalYear: calls.fiscalYear, count: sql<number>`count(*)::int` })
    .from(calls)
    .where(
      and(
        notInArray(calls.status, ['draft']),
        yearsWhere(scope, calls.fiscalYear),
        scope.programmeId ? eq(calls.programmeId, scope.programmeId) : undefined,
        narrowed
          ? sql`EXISTS (SELECT 1 FROM ${proposals} WHERE ${proposals.callId} = ${calls.id}
              AND ${proposals.status} NOT IN ('draft', 'withdrawn')
              AND ${and(themeIn(scope, proposals.themes), provincesOverlap(scope, proposals.provinceCodes)) ?? sql`true`})`
          : undefined,
      ),
    )
    .groupBy(calls.fiscalYear);
}

function projectWhere(scope: InsightScope): SQL | undefined {
  return and(
    yearsWhere(scope, projects.fiscalYear),
    scope.programmeId ? eq(calls.programmeId, scope.programmeId) : undefined,
    themeIn(scope, projects.themes),
    scope.drivingUnitId ? eq(projects.drivingUnitId, scope.drivingUnitId) : undefined,
  );
}

/** Projects in scope (their fiscal year, status) with the money paid on them. */
export async function listProjects(db: DbOrTx, scope: InsightScope) {
  return db
    .select({
      id: projects.id,
      fiscalYear: projects.fiscalYear,
      status: projects.status,
      paidSatang: sql<number>`coalesce((SELECT sum(${projectInstalments.paidSatang}) FROM ${projectInstalments}
        WHERE ${projectInstalments.projectId} = ${projects.id} AND ${projectInstalments.status} = 'paid'), 0)::bigint`,
    })
    .from(projects)
    .innerJoin(calls, eq(calls.id, projects.callId))
    .where(projectWhere(scope));
}

function innovationWhere(scope: InsightScope): SQL | undefined {
  return and(
    scope.programmeId ? eq(innovations.programmeId, scope.programmeId) : undefined,
    themeIn(scope, innovations.themes),
    scope.drivingUnitId ? eq(innovations.drivingUnitId, scope.drivingUnitId) : undefined,
  );
}

/** Published innovations in scope, counted by the fiscal year they were published in. */
export async function countPublishedInnovations(db: DbOrTx, scope: InsightScope): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(innovations)
    .where(
      and(
        eq(innovations.status, 'published'),
        innovationWhere(scope),
        yearsWhere(scope, fiscalYearOfTimestamp(innovations.publishedAt)),
      ),
    );
  return row?.count ?? 0;
}

/** Adoptions of the innovations in scope, by the fiscal year the adopter first showed interest. */
export async function listAdoptions(db: DbOrTx, scope: InsightScope) {
  return db
    .select({ status: adoptions.status, beneficiaries: adoptions.beneficiaries })
    .from(adoptions)
    .innerJoin(innovations, eq(innovations.id, adoptions.innovationId))
    .where(and(innovationWhere(scope), yearsWhere(scope, fiscalYearOfDate(adoptions.interestedOn))));
}

/** Verified values of library indicators of the projects in scope, per indicator, unit and aggregation. */
export async function listVerifiedOutcomes(db: DbOrTx, scope: InsightScope) {
  return db
    .select({
      code: impactIndicators.code,
      nameTh: impactIndicators.nameTh,
      nameEn: impactIndicators.nameEn,
      unitTh: projectIndicators.unitTh,
      unitEn: projectIndicators.unitEn,
      aggregation: projectIndicators.aggregation,
      projects: sql<number>`count(DISTINCT ${projectIndicatorValues.projectId})::int`,
      values: sql<number>`count(*)::int`,
      total: sql<string>`sum(${projectIndicatorValues.value})`,
    })
    .from(projectIndicatorValues)
    .innerJoin(projectIndicators, eq(projectIndicators.id, projectIndicatorValues.projectIndicatorId))
    .innerJoin(impactIndicators, eq(impactIndicators.id, projectIndicators.indicatorId))
    .innerJoin(projects, eq(projects.id, projectIndicatorValues.projectId))
    .innerJoin(calls, eq(calls.id, projects.callId))
    .where(and(eq(projectIndicatorValues.status, 'verified'), projectWhere(scope)))
    .groupBy(
      impactIndicators.code,
      impactIndicators.nameTh,
      impactIndicators.nameEn,
      projectIndicators.unitTh,
      projectIndicators.unitEn,
      projectIndicators.aggregation,
    )
    .orderBy(asc(impactIndicators.code), asc(projectIndicators.unitTh));
}

/** Verified values of any project indicator (library or own) of the projects in scope. */
export async function countVerifiedValues(db: DbOrTx, scope: InsightScope): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(projectIndicatorValues)
    .innerJoin(projects, eq(projects.id, projectIndicatorValues.projectId))
    .innerJoin(calls, eq(calls.id, projects.callId))
    .where(and(eq(projectIndicatorValues.status, 'verified'), projectWhere(scope)));
  return row?.count ?? 0;
}

export async function findProgramme(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: programmes.id, nameTh: programmes.nameTh, nameEn: programmes.nameEn })
    .from(programmes)
    .where(eq(programmes.id, id));
  return row;
}
