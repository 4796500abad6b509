import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { PortfolioDimension } from '@shared/contracts/impact-report';
import type { DbOrTx } from '@server/db/client';
import {
  calls,
  drivingUnits,
  impactIndicators,
  programmes,
  projectIndicatorRollups,
  projectIndicators,
  projects,
  provinces,
  sroiAssessments,
  themes,
} from '@server/db/schema/index';

/**
 * Which projects a portfolio covers. `drivingUnitId` is the scope of a unit's staff (always set for them) or an
 * officer's filter; null = every project (officers only).
 */
export interface PortfolioScope {
  drivingUnitId: string | null;
  fiscalYear: number | null;
  programmeId: string | null;
  /** One group of the portfolio (its drill-down); key null = the projects without one. */
  group?: { by: PortfolioDimension; key: string | null };
}

/** The projects of one group, exactly as the service groups them (several provinces/themes: in each). */
function groupWhere(group: NonNullable<PortfolioScope['group']>): SQL {
  const { by, key } = group;
  switch (by) {
    case 'programme':
      return key === null ? isNull(calls.programmeId) : eq(calls.programmeId, key);
    case 'driving_unit':
      return key === null ? isNull(projects.drivingUnitId) : eq(projects.drivingUnitId, key);
    case 'province':
      return key === null
        ? sql`cardinality(${projects.provinceCodes}) = 0`
        : sql`${Number(key)}::smallint = ANY(${projects.provinceCodes})`;
    case 'theme':
      return key === null
        ? sql`cardinality(${projects.themes}) = 0`
        : sql`${key}::text = ANY(${projects.themes})`;
  }
}

function scopeWhere(scope: PortfolioScope, withFilters = true): SQL | undefined {
  return and(
    scope.drivingUnitId ? eq(projects.drivingUnitId, scope.drivingUnitId) : undefined,
    withFilters && scope.fiscalYear !== null ? eq(projects.fiscalYear, scope.fiscalYear) : undefined,
    withFilters && scope.programmeId ? eq(calls.programmeId, scope.programmeId) : undefined,
    withFilters && scope.group ? groupWhere(scope.group) : undefined,
  );
}

/** The ids of the projects in scope, as a subquery. */
function scopedIds(db: DbOrTx, scope: PortfolioScope) {
  return db
    .select({ id: projects.id })
    .from(projects)
    .innerJoin(calls, eq(calls.id, projects.callId))
    .where(scopeWhere(scope));
}

/** The projects in scope with what they are grouped by. */
export async function listPortfolioProjects(db: DbOrTx, scope: PortfolioScope) {
  return db
    .select({
      id: projects.id,
      fiscalYear: projects.fiscalYear,
      programmeId: calls.programmeId,
      programmeNameTh: programmes.nameTh,
      programmeNameEn: programmes.nameEn,
      drivingUnitId: projects.drivingUnitId,
      drivingUnitNameTh: drivingUnits.nameTh,
      drivingUnitNameEn: drivingUnits.nameEn,
      provinceCodes: projects.provinceCodes,
      themes: projects.themes,
    })
    .from(projects)
    .innerJoin(calls, eq(calls.id, projects.callId))
    .leftJoin(programmes, eq(programmes.id, calls.programmeId))
    .leftJoin(drivingUnits, eq(drivingUnits.id, projects.drivingUnitId))
    .where(scopeWhere(scope))
    .orderBy(asc(projects.agreementNumber));
}

/** The projects in scope (one group's, when the scope names one) as a drill-down lists them. */
export async function listGroupProjects(db: DbOrTx, scope: PortfolioScope) {
  return db
    .select({
      id: projects.id,
      agreementNumber: projects.agreementNumber,
      titleTh: projects.titleTh,
      titleEn: projects.titleEn,
      status: projects.status,
    })
    .from(projects)
    .innerJoin(calls, eq(calls.id, projects.callId))
    .where(scopeWhere(scope))
    .orderBy(asc(projects.agreementNumber), asc(projects.id));
}

/** Per project in scope: its number of indicators, of values and of verified values (from the rollups). */
export async function countIndicatorFacts(db: DbOrTx, scope: PortfolioScope) {
  const indicatorCounts = await db
    .select({ projectId: projectIndicators.projectId, count: sql<number>`count(*)::int` })
    .from(projectIndicators)
    .where(inArray(projectIndicators.projectId, scopedIds(db, scope)))
    .groupBy(projectIndicators.projectId);
  const valueCounts = await db
    .select({
      projectId: projectIndicatorRollups.projectId,
      count: sql<number>`sum(${projectIndicatorRollups.valueCount})::int`,
      verified: sql<number>`sum(${projectIndicatorRollups.verifiedCount})::int`,
    })
    .from(projectIndicatorRollups)
    .where(inArray(projectIndicatorRollups.projectId, scopedIds(db, scope)))
    .groupBy(projectIndicatorRollups.projectId);
  return { indicatorCounts, valueCounts };
}

/**
 * The latest final assessment of each project in scope that has figures: evaluative preferred, else forecast; the
 * newest version of that kind.
 */
export async function listLatestFinalAssessments(db: DbOrTx, scope: PortfolioScope) {
  return db
    .selectDistinctOn([sroiAssessments.projectId], {
      id: sroiAssessments.id,
      projectId: sroiAssessments.projectId,
      kind: sroiAssessments.kind,
      versionNo: sroiAssessments.versionNo,
      presentValueSatang: sroiAssessments.presentValueSatang,
      investmentSatang: sroiAssessments.investmentSatang,
    })
    .from(sroiAssessments)
    .where(
      and(
        inArray(sroiAssessments.projectId, scopedIds(db, scope)),
        eq(sroiAssessments.status, 'final'),
        isNotNull(sroiAssessments.presentValueSatang),
        isNotNull(sroiAssessments.investmentSatang),
      ),
    )
    .orderBy(
      sroiAssessments.projectId,
      sql`CASE WHEN ${sroiAssessments.kind} = 'evaluative' THEN 0 ELSE 1 END`,
      sql`${sroiAssessments.versionNo} DESC`,
    );
}

/**
 * The verified values of the library indicators of the projects in scope, one row per project indicator (from the
 * rollups): their number, sum and latest (with its period end), with the library's code and names.
 */
export async function listVerifiedLibraryRollups(db: DbOrTx, scope: PortfolioScope) {
  return db
    .select({
      projectId: projectIndicators.projectId,
      projectIndicatorId: projectIndicators.id,
      indicatorId: impactIndicators.id,
      code: impactIndicators.code,
      nameTh: impactIndicators.nameTh,
      nameEn: impactIndicators.nameEn,
      unitTh: projectIndicators.unitTh,
      unitEn: projectIndicators.unitEn,
      aggregation: projectIndicators.aggregation,
      verifiedCount: projectIndicatorRollups.verifiedCount,
      verifiedSum: projectIndicatorRollups.verifiedSum,
      verifiedLatest: projectIndicatorRollups.verifiedLatest,
      verifiedLatestPeriodEnd: projectIndicatorRollups.verifiedLatestPeriodEnd,
    })
    .from(projectIndicatorRollups)
    .innerJoin(projectIndicators, eq(projectIndicators.id, projectIndicatorRollups.projectIndicatorId))
    .innerJoin(impactIndicators, eq(impactIndicators.id, projectIndicators.indicatorId))
    .where(
      and(
        inArray(projectIndicators.projectId, scopedIds(db, scope)),
        sql`${projectIndicatorRollups.verifiedCount} > 0`,
      ),
    )
    .orderBy(asc(projectIndicators.id));
}

/**
 * The verified values of the library indicators of the projects in scope, summed across projects where units allow
 * (per library indicator, unit and aggregation): each project indicator's figure (sum of its values, their mean, or
 * the latest), then the mean of those figures for a mean indicator and their sum otherwise, and the projects counted.
 */
export async function sumVerifiedLibraryIndicators(db: DbOrTx, scope: PortfolioScope) {
  const r = projectIndicatorRollups;
  const figure = sql`CASE ${projectIndicators.aggregation}
      WHEN 'mean' THEN ${r.verifiedSum} / ${r.verifiedCount}
      WHEN 'latest' THEN ${r.verifiedLatest}
      ELSE ${r.verifiedSum} END`;
  return db
    .select({
      indicatorId: impactIndicators.id,
      code: impactIndicators.code,
      nameTh: impactIndicators.nameTh,
      nameEn: impactIndicators.nameEn,
      unitTh: projectIndicators.unitTh,
      unitEn: projectIndicators.unitEn,
      aggregation: projectIndicators.aggregation,
      projectCount: sql<number>`count(DISTINCT ${projectIndicators.projectId})::int`,
      value: sql<number>`(CASE WHEN ${projectIndicators.aggregation} = 'mean' THEN avg(${figure}) ELSE sum(${figure}) END)::float8`,
    })
    .from(r)
    .innerJoin(projectIndicators, eq(projectIndicators.id, r.projectIndicatorId))
    .innerJoin(impactIndicators, eq(impactIndicators.id, projectIndicators.indicatorId))
    .where(and(inArray(projectIndicators.projectId, scopedIds(db, scope)), sql`${r.verifiedCount} > 0`))
    .groupBy(
      impactIndicators.id,
      impactIndicators.code,
      impactIndicators.nameTh,
      impactIndicators.nameEn,
      projectIndicators.unitTh,
      projectIndicators.unitEn,
      projectIndicators.aggregation,
    );
}

/** What the filters offer: fiscal years and programmes of the projects the scope may see (filters not applied). */
export async function listPortfolioOptions(db: DbOrTx, scope: PortfolioScope) {
  const years = await db
    .selectDistinct({ fiscalYear: projects.fiscalYear })
    .from(projects)
    .innerJoin(calls, eq(calls.id, projects.callId))
    .where(scopeWhere(scope, false))
    .orderBy(asc(projects.fiscalYear));
  const programmeRows = await db
    .selectDistinct({ id: programmes.id, nameTh: programmes.nameTh, nameEn: programmes.nameEn })
    .from(projects)
    .innerJoin(calls, eq(calls.id, projects.callId))
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(scopeWhere(scope, false))
    .orderBy(asc(programmes.nameTh));
  return { fiscalYears: years.map((y) => y.fiscalYear), programmes: programmeRows };
}

export async function listProvinceNames(db: DbOrTx, codes: number[]) {
  if (codes.length === 0) {
    return [];
  }
  return db
    .select({ code: provinces.code, nameTh: provinces.nameTh, nameEn: provinces.nameEn })
    .from(provinces)
    .where(inArray(provinces.code, codes));
}

export async function listThemeNames(db: DbOrTx, codes: string[]) {
  if (codes.length === 0) {
    return [];
  }
  return db
    .select({ code: themes.code, nameTh: themes.nameTh, nameEn: themes.nameEn })
    .from(themes)
    .where(inArray(themes.code, codes));
}
