/**
 * What the coverage map reads from other modules' tables (a read model): funded projects with their provinces and
 * awards, adoptions of published innovations that reached adoption (per province from the adoption tallies the
 * triggers keep), and the area indicators' figures. No writes.
 */
import { and, asc, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '@server/db/client';
import {
  adoptions,
  areaIndicatorValues,
  calls,
  coverageAdoptionTallies,
  innovations,
  projects,
  villages,
} from '@server/db/schema/index';
import { alias } from 'drizzle-orm/pg-core';

/** The filters as the repo applies them (programme by id, already resolved from its slug). */
export interface CoverageScope {
  programmeId: string | null;
  theme: string | null;
  /** Buddhist Era. */
  fiscalYear: number | null;
}

/** The first and the day after the last day of a fiscal year (BE): FY2569 = 2025-10-01 up to 2026-10-01. */
export function fiscalYearDates(fiscalYear: number): { from: string; until: string } {
  const endCe = fiscalYear - 543;
  return { from: `${endCe - 1}-10-01`, until: `${endCe}-10-01` };
}

/** Every funded project in scope with its provinces, award and (published) catalogue entry's origin. */
export async function listFundedProjects(db: DbOrTx, scope: CoverageScope, provinceCode?: number) {
  const where = fundedProjectsWhere(scope);
  return db
    .select({
      id: projects.id,
      agreementNumber: projects.agreementNumber,
      titleTh: projects.titleTh,
      titleEn: projects.titleEn,
      fiscalYear: projects.fiscalYear,
      provinceCodes: projects.provinceCodes,
      awardSatang: projects.awardSatang,
      innovationId: innovations.id,
      originProvinceCode: innovations.originProvinceCode,
      originDistrictCode: innovations.originDistrictCode,
    })
    .from(projects)
    .innerJoin(calls, eq(calls.id, projects.callId))
    .leftJoin(
      innovations,
      and(eq(innovations.projectId, projects.id), eq(innovations.status, 'published')),
    )
    .where(
      and(
        where,
        provinceCode === undefined ? undefined : sql`${provinceCode}::smallint = ANY(${projects.provinceCodes})`,
      ),
    )
    .orderBy(desc(projects.fiscalYear), asc(projects.agreementNumber));
}

function fundedProjectsWhere(scope: CoverageScope): SQL | undefined {
  const conditions: SQL[] = [];
  if (scope.programmeId) {
    conditions.push(eq(calls.programmeId, scope.programmeId));
  }
  if (scope.theme) {
    conditions.push(sql`${scope.theme}::text = ANY(${projects.themes})`);
  }
  if (scope.fiscalYear !== null) {
    conditions.push(eq(projects.fiscalYear, scope.fiscalYear));
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/**
 * The funded projects in scope, summed per province: each award split evenly over the project's provinces (each once,
 * the remainder satang to the lowest codes first) and the number of projects. A project counts once per published
 * catalogue entry made from it (at least once), as `listFundedProjects` lists it. Also the projects without a
 * province: their awards and number, and the number of distinct projects with one.
 */
export async function sumFundedProjectsByProvince(db: DbOrTx, scope: CoverageScope) {
  const where = fundedProjectsWhere(scope);
  const funded = sql`SELECT ${projects.id} AS id, ${projects.awardSatang} AS award,
        ARRAY(SELECT DISTINCT c FROM unnest(${projects.provinceCodes}) c ORDER BY c) AS codes
      FROM ${projects}
      INNER JOIN ${calls} ON ${calls.id} = ${projects.callId}
      LEFT JOIN ${innovations} ON ${innovations.projectId} = ${projects.id} AND ${innovations.status} = 'published'
      ${where ? sql`WHERE ${where}` : sql``}`;
  // One pass: a row per province code, and the row without a code holds the projects without a province.
  const rows = await queryRows<{ code: number | null; grant: string; projects: number; with: number }>(
    db,
    sql`WITH funded AS (${funded})
        SELECT u.code::int AS code,
               sum(f.award / cardinality(f.codes) + CASE WHEN u.idx <= f.award % cardinality(f.codes) THEN 1 ELSE 0 END)::bigint AS "grant",
               count(*)::int AS projects, 0 AS with
          FROM funded f, unnest(f.codes) WITH ORDINALITY AS u(code, idx)
         GROUP BY u.code
        UNION ALL
        SELECT NULL, coalesce(sum(award) FILTER (WHERE cardinality(codes) = 0), 0)::bigint,
               (count(*) FILTER (WHERE cardinality(codes) = 0))::int,
               (count(DISTINCT id) FILTER (WHERE cardinality(codes) > 0))::int
          FROM funded`,
  );
  const provinces = rows.filter((r) => r.code !== null);
  const totals = rows.find((r) => r.code === null);
  return {
    provinces: provinces.map((r) => ({
      code: Number(r.code),
      grantSatang: Number(r.grant),
      projects: Number(r.projects),
    })),
    unassignedSatang: Number(totals?.grant ?? 0),
    projectsWithoutProvince: Number(totals?.projects ?? 0),
    projectsWithProvince: Number(totals?.with ?? 0),
  };
}

/**
 * Adoptions of published innovations that reached adoption, summed per province from the tallies: beneficiaries and
 * how many are adopted or sustained now. Same scope as `listReachedAdoptions`.
 */
export async function sumReachedAdoptionsByProvince(db: DbOrTx, scope: CoverageScope) {
  const t = coverageAdoptionTallies;
  const rows = await db
    .select({
      provinceCode: t.provinceCode,
      beneficiaries: sql<string>`sum(${t.beneficiaries})::bigint`,
      adoptions: sql<number>`sum(${t.countedAdoptions})::int`,
    })
    .from(t)
    .where(
      and(
        eq(t.isPublished, true),
        scope.programmeId ? eq(t.programmeId, scope.programmeId) : undefined,
        scope.theme ? sql`${scope.theme}::text = ANY(${t.themes})` : undefined,
        scope.fiscalYear !== null ? eq(t.fiscalYear, scope.fiscalYear) : undefined,
      ),
    )
    .groupBy(t.provinceCode);
  return rows.map((r) => ({
    provinceCode: r.provinceCode,
    beneficiaries: Number(r.beneficiaries),
    adoptions: Number(r.adoptions),
  }));
}

const projectOfInnovation = alias(projects, 'innovation_project');
const callOfInnovation = alias(calls, 'innovation_call');

/**
 * Adoptions of published innovations that reached adoption (an adoption date is recorded): their province, district
 * (the record's, else its village's), status and beneficiaries. The programme is the innovation's, else its project's
 * call's; the fiscal year is that of the adoption date.
 */
export async function listReachedAdoptions(db: DbOrTx, scope: CoverageScope, provinceCode?: number) {
  const conditions: SQL[] = [eq(innovations.status, 'published'), isNotNull(adoptions.adoptedOn)];
  if (scope.programmeId) {
    conditions.push(
      sql`coalesce(${innovations.programmeId}, ${callOfInnovation.programmeId}) = ${scope.programmeId}::uuid`,
    );
  }
  if (scope.theme) {
    conditions.push(sql`${scope.theme}::text = ANY(${innovations.themes})`);
  }
  if (scope.fiscalYear !== null) {
    const { from, until } = fiscalYearDates(scope.fiscalYear);
    conditions.push(sql`${adoptions.adoptedOn} >= ${from}::date AND ${adoptions.adoptedOn} < ${until}::date`);
  }
  if (provinceCode !== undefined) {
    conditions.push(eq(adoptions.provinceCode, provinceCode));
  }
  return db
    .select({
      id: adoptions.id,
      innovationId: adoptions.innovationId,
      innovationTitleTh: innovations.titleTh,
      innovationTitleEn: innovations.titleEn,
      provinceCode: adoptions.provinceCode,
      districtCode: sql<number | null>`coalesce(${adoptions.districtCode}, ${villages.districtCode})`,
      status: adoptions.status,
      beneficiaries: adoptions.beneficiaries,
    })
    .from(adoptions)
    .innerJoin(innovations, eq(innovations.id, adoptions.innovationId))
    .leftJoin(projectOfInnovation, eq(projectOfInnovation.id, innovations.projectId))
    .leftJoin(callOfInnovation, eq(callOfInnovation.id, projectOfInnovation.callId))
    .leftJoin(villages, eq(villages.id, adoptions.villageId))
    .where(and(...conditions));
}

/** How many provinces each indicator has figures for, per year. */
export async function countIndicatorFigures(db: DbOrTx) {
  const rows = await db
    .select({
      code: areaIndicatorValues.indicatorCode,
      year: areaIndicatorValues.year,
      count: sql<number>`count(DISTINCT ${areaIndicatorValues.provinceCode})::int`,
    })
    .from(areaIndicatorValues)
    .groupBy(areaIndicatorValues.indicatorCode, areaIndicatorValues.year);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** The latest figure of an indicator for each province that has one. */
export async function listLatestFigures(db: DbOrTx, indicatorCode: string) {
  return db
    .selectDistinctOn([areaIndicatorValues.provinceCode], {
      provinceCode: areaIndicatorValues.provinceCode,
      value: areaIndicatorValues.value,
      unit: areaIndicatorValues.unit,
      year: areaIndicatorValues.year,
      sourceUrl: areaIndicatorValues.sourceUrl,
    })
    .from(areaIndicatorValues)
    .where(eq(areaIndicatorValues.indicatorCode, indicatorCode))
    .orderBy(areaIndicatorValues.provinceCode, desc(areaIndicatorValues.year));
}

/** Fiscal years (BE) that have funded projects, latest first. */
export async function listProjectFiscalYears(db: DbOrTx): Promise<number[]> {
  const rows = await db
    .selectDistinct({ fiscalYear: projects.fiscalYear })
    .from(projects)
    .orderBy(desc(projects.fiscalYear));
  return rows.map((r) => r.fiscalYear);
}
