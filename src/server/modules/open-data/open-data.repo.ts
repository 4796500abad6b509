import { and, asc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgSelect, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@server/db/client';
import {
  adoptions,
  areaIndicators,
  areaIndicatorValues,
  calls,
  decisions,
  drivingUnits,
  impactIndicators,
  innovations,
  organisations,
  problemStatements,
  programmes,
  projectIndicators,
  projectInstalments,
  projectIndicatorValues,
  projects,
  proposals,
  provinces,
  villages,
} from '@server/db/schema/index';

// Read models of the open datasets. Every query names its columns one by one (a whitelist): no `select()` of a whole
// row, no join that brings people (users, members, reviewers, contacts) in. Rows are ordered by a stable key so that
// pages never overlap.

/** A slice of a dataset's rows; null = all of them (bulk downloads). */
export type Window = { limit: number; offset: number } | null;

export interface DatasetStats {
  count: number;
  /** ISO 8601 in UTC, null when there are no rows. */
  updatedAt: string | null;
}

/** The latest of a timestamp column as ISO 8601 in UTC (the same text on both engines and drivers). */
const isoMax = (column: PgColumn) =>
  sql<string | null>`to_char(max(${column}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const PUBLIC_CALL_STATUSES = ['published', 'closed'];

function windowed<T extends PgSelect>(query: T, window: Window): T {
  return window ? query.limit(window.limit).offset(window.offset) : query;
}

async function statsOf(db: DbOrTx, from: PgTable, where: SQL, updatedAt: PgColumn): Promise<DatasetStats> {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`.mapWith(Number),
      updatedAt: isoMax(updatedAt),
    })
    .from(from)
    .where(where);
  return { count: row?.count ?? 0, updatedAt: row?.updatedAt ?? null };
}

// ---- calls ----------------------------------------------------------------------------------------------------------

const publicCalls = inArray(calls.status, PUBLIC_CALL_STATUSES);

export async function listCalls(db: DbOrTx, window: Window) {
  const query = db
    .select({
      id: calls.id,
      code: calls.code,
      fiscalYear: calls.fiscalYear,
      programmeSlug: programmes.slug,
      programmeNameTh: programmes.nameTh,
      programmeNameEn: programmes.nameEn,
      titleTh: calls.titleTh,
      titleEn: calls.titleEn,
      descriptionTh: calls.descriptionTh,
      descriptionEn: calls.descriptionEn,
      opensAt: calls.opensAt,
      closesAt: calls.closesAt,
      stageMode: calls.stageMode,
      totalBudgetSatang: calls.totalBudgetSatang,
      minGrantSatang: calls.minGrantSatang,
      maxGrantSatang: calls.maxGrantSatang,
      status: calls.status,
      publishedAt: calls.publishedAt,
      problemStatementCount: sql<number>`(
        SELECT count(*)::int FROM ${problemStatements}
        WHERE ${problemStatements.callId} = ${calls.id} AND ${problemStatements.status} = 'published'
      )`,
    })
    .from(calls)
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(publicCalls)
    .orderBy(asc(calls.fiscalYear), asc(calls.opensAt), asc(calls.id));
  return windowed(query.$dynamic(), window);
}

export function callStats(db: DbOrTx) {
  return statsOf(db, calls, publicCalls, calls.updatedAt);
}

// ---- awards ---------------------------------------------------------------------------------------------------------

/** Awards decided and announced (released to the applicant): the public result of a call. */
const announcedAwards = sql`${decisions.outcome} = 'award' AND ${decisions.notifiedAt} IS NOT NULL`;

function awardsQuery(db: DbOrTx, where: SQL) {
  return db
    .select({
      decisionId: decisions.id,
      receiptNumber: proposals.receiptNumber,
      callCode: calls.code,
      callTitleTh: calls.titleTh,
      callTitleEn: calls.titleEn,
      programmeSlug: programmes.slug,
      fiscalYear: calls.fiscalYear,
      proposalTitleTh: proposals.titleTh,
      proposalTitleEn: proposals.titleEn,
      organisationNameTh: organisations.nameTh,
      organisationNameEn: organisations.nameEn,
      organisationType: organisations.type,
      provinceCodes: proposals.provinceCodes,
      themes: proposals.themes,
      amountSatang: decisions.amountSatang,
      decidedAt: decisions.decidedAt,
      notifiedAt: decisions.notifiedAt,
    })
    .from(decisions)
    .innerJoin(proposals, eq(proposals.id, decisions.proposalId))
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .innerJoin(calls, eq(calls.id, decisions.callId))
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(where)
    .orderBy(asc(calls.fiscalYear), asc(calls.code), asc(proposals.receiptNumber), asc(decisions.id))
    .$dynamic();
}

/** How many announced awards each call has, in the dataset's order of calls (a call's code is unique in its year). */
async function countAwardsPerCall(db: DbOrTx): Promise<Array<{ callId: string; count: number }>> {
  const perCall = db
    .select({ callId: decisions.callId, count: sql<number>`count(*)::int`.as('count') })
    .from(decisions)
    .where(announcedAwards)
    .groupBy(decisions.callId)
    .as('per_call');
  const rows = await db
    .select({ callId: perCall.callId, count: perCall.count })
    .from(perCall)
    .innerJoin(calls, eq(calls.id, perCall.callId))
    .orderBy(asc(calls.fiscalYear), asc(calls.code));
  return rows.map((r) => ({ callId: r.callId, count: Number(r.count) }));
}

/**
 * The awards in order of call (fiscal year, code), receipt number and id. A page is read from the few calls it spans
 * only: the awards are counted per call first (from the announced awards' index), so the sort never covers the awards
 * of every call, nor their proposals' receipt numbers.
 */
export async function listAwards(db: DbOrTx, window: Window) {
  if (!window) {
    return awardsQuery(db, announcedAwards);
  }
  const spanned: string[] = [];
  let before = 0;
  let skipped = 0;
  for (const { callId, count } of await countAwardsPerCall(db)) {
    if (before + count > window.offset && before < window.offset + window.limit) {
      if (spanned.length === 0) {
        skipped = before;
      }
      spanned.push(callId);
    }
    before += count;
  }
  if (spanned.length === 0) {
    return [];
  }
  return awardsQuery(db, and(announcedAwards, inArray(decisions.callId, spanned)) ?? announcedAwards)
    .limit(window.limit)
    .offset(window.offset - skipped);
}

export function awardStats(db: DbOrTx) {
  return statsOf(db, decisions, announcedAwards, decisions.updatedAt);
}

// ---- projects -------------------------------------------------------------------------------------------------------

export async function listProjects(db: DbOrTx, window: Window) {
  const query = db
    .select({
      id: projects.id,
      agreementNumber: projects.agreementNumber,
      titleTh: projects.titleTh,
      titleEn: projects.titleEn,
      fiscalYear: projects.fiscalYear,
      programmeSlug: programmes.slug,
      callCode: calls.code,
      organisationNameTh: organisations.nameTh,
      organisationNameEn: organisations.nameEn,
      drivingUnitNameTh: drivingUnits.nameTh,
      drivingUnitNameEn: drivingUnits.nameEn,
      provinceCodes: projects.provinceCodes,
      themes: projects.themes,
      awardSatang: projects.awardSatang,
      paidSatang: sql<number>`(
        SELECT coalesce(sum(${projectInstalments.paidSatang}), 0)::bigint FROM ${projectInstalments}
        WHERE ${projectInstalments.projectId} = ${projects.id} AND ${projectInstalments.status} = 'paid'
      )`.mapWith(Number),
      status: projects.status,
      startsOn: projects.startsOn,
      endsOn: projects.endsOn,
      srlStart: projects.srlStart,
      srlTarget: projects.srlTarget,
      innovationId: sql<string | null>`(
        SELECT ${innovations.id} FROM ${innovations}
        WHERE ${innovations.projectId} = ${projects.id} AND ${innovations.status} = 'published'
      )`,
    })
    .from(projects)
    .innerJoin(calls, eq(calls.id, projects.callId))
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .innerJoin(organisations, eq(organisations.id, projects.organisationId))
    .leftJoin(drivingUnits, eq(drivingUnits.id, projects.drivingUnitId))
    .orderBy(asc(projects.agreementNumber), asc(projects.id));
  return windowed(query.$dynamic(), window);
}

export function projectStats(db: DbOrTx) {
  return statsOf(db, projects, sql`true`, projects.updatedAt);
}

// ---- innovations ----------------------------------------------------------------------------------------------------

const publishedInnovations = eq(innovations.status, 'published');

export async function listInnovations(db: DbOrTx, window: Window) {
  const query = db
    .select({
      id: innovations.id,
      titleTh: innovations.titleTh,
      titleEn: innovations.titleEn,
      summaryTh: innovations.summaryTh,
      summaryEn: innovations.summaryEn,
      problemTh: innovations.problemTh,
      problemEn: innovations.problemEn,
      solutionTh: innovations.solutionTh,
      solutionEn: innovations.solutionEn,
      programmeSlug: programmes.slug,
      ownerOrganisationNameTh: organisations.nameTh,
      ownerOrganisationNameEn: organisations.nameEn,
      themes: innovations.themes,
      sdgs: innovations.sdgs,
      srl: innovations.srl,
      provinceCodes: innovations.provinceCodes,
      originProvinceCode: innovations.originProvinceCode,
      originDistrictCode: innovations.originDistrictCode,
      originSubdistrictCode: innovations.originSubdistrictCode,
      isDiffusionReady: innovations.isDiffusionReady,
      adoptionCostSatang: innovations.adoptionCostSatang,
      adoptionCount: sql<number>`(
        SELECT count(*)::int FROM ${adoptions}
        WHERE ${adoptions.innovationId} = ${innovations.id} AND ${adoptions.status} <> 'discontinued'
      )`,
      publishedAt: innovations.publishedAt,
    })
    .from(innovations)
    .leftJoin(programmes, eq(programmes.id, innovations.programmeId))
    .leftJoin(organisations, eq(organisations.id, innovations.organisationId))
    .where(publishedInnovations)
    .orderBy(asc(innovations.publishedAt), asc(innovations.id));
  return windowed(query.$dynamic(), window);
}

export function innovationStats(db: DbOrTx) {
  return statsOf(db, innovations, publishedInnovations, innovations.updatedAt);
}

// ---- adoptions ------------------------------------------------------------------------------------------------------

/** Adoptions are public when their innovation is (the same rule as the diffusion pages). */
const publicAdoptions = sql`${adoptions.innovationId} IN (
  SELECT ${innovations.id} FROM ${innovations} WHERE ${innovations.status} = 'published'
)`;

export async function listAdoptions(db: DbOrTx, window: Window) {
  const query = db
    .select({
      id: adoptions.id,
      innovationId: adoptions.innovationId,
      innovationTitleTh: innovations.titleTh,
      innovationTitleEn: innovations.titleEn,
      provinceCode: adoptions.provinceCode,
      districtCode: adoptions.districtCode,
      subdistrictCode: adoptions.subdistrictCode,
      villageNameTh: villages.nameTh,
      adopterName: adoptions.adopterName,
      adopterType: adoptions.adopterType,
      diffusionPartnerName: adoptions.diffusionPartnerName,
      status: adoptions.status,
      interestedOn: adoptions.interestedOn,
      adoptedOn: adoptions.adoptedOn,
      statusOn: adoptions.statusOn,
      beneficiaries: adoptions.beneficiaries,
      localFundingSatang: adoptions.localFundingSatang,
    })
    .from(adoptions)
    .innerJoin(innovations, eq(innovations.id, adoptions.innovationId))
    .leftJoin(villages, eq(villages.id, adoptions.villageId))
    .where(publicAdoptions)
    .orderBy(asc(adoptions.interestedOn), asc(adoptions.id));
  return windowed(query.$dynamic(), window);
}

export function adoptionStats(db: DbOrTx) {
  return statsOf(db, adoptions, publicAdoptions, adoptions.updatedAt);
}

// ---- indicator sums -------------------------------------------------------------------------------------------------

const verifiedLibraryValues = and(
  eq(projectIndicatorValues.status, 'verified'),
  isNotNull(projectIndicators.indicatorId),
);

/** Verified values of library indicators with their project's places, oldest period first (for `latest`). */
export async function listVerifiedIndicatorValues(db: DbOrTx) {
  return db
    .select({
      projectId: projectIndicatorValues.projectId,
      projectIndicatorId: projectIndicatorValues.projectIndicatorId,
      value: projectIndicatorValues.value,
      indicatorCode: impactIndicators.code,
      indicatorNameTh: impactIndicators.nameTh,
      indicatorNameEn: impactIndicators.nameEn,
      unitTh: projectIndicators.unitTh,
      unitEn: projectIndicators.unitEn,
      aggregation: projectIndicators.aggregation,
      fiscalYear: projects.fiscalYear,
      provinceCodes: projects.provinceCodes,
    })
    .from(projectIndicatorValues)
    .innerJoin(projectIndicators, eq(projectIndicators.id, projectIndicatorValues.projectIndicatorId))
    .innerJoin(impactIndicators, eq(impactIndicators.id, projectIndicators.indicatorId))
    .innerJoin(projects, eq(projects.id, projectIndicatorValues.projectId))
    .where(verifiedLibraryValues)
    .orderBy(
      asc(projectIndicatorValues.projectIndicatorId),
      asc(projectIndicatorValues.periodEnd),
      asc(projectIndicatorValues.id),
    );
}

export async function indicatorValuesUpdatedAt(db: DbOrTx): Promise<string | null> {
  const [row] = await db
    .select({ updatedAt: isoMax(projectIndicatorValues.updatedAt) })
    .from(projectIndicatorValues)
    .innerJoin(projectIndicators, eq(projectIndicators.id, projectIndicatorValues.projectIndicatorId))
    .where(verifiedLibraryValues);
  return row?.updatedAt ?? null;
}

// ---- area indicators ------------------------------------------------------------------------------------------------

export async function listAreaIndicators(db: DbOrTx, window: Window) {
  const query = db
    .select({
      indicatorCode: areaIndicatorValues.indicatorCode,
      indicatorNameTh: areaIndicators.nameTh,
      indicatorNameEn: areaIndicators.nameEn,
      provinceCode: areaIndicatorValues.provinceCode,
      provinceNameTh: provinces.nameTh,
      provinceNameEn: provinces.nameEn,
      year: areaIndicatorValues.year,
      value: areaIndicatorValues.value,
      unit: areaIndicatorValues.unit,
      higherIsNeedier: areaIndicators.higherIsNeedier,
      sourceUrl: areaIndicatorValues.sourceUrl,
    })
    .from(areaIndicatorValues)
    .innerJoin(areaIndicators, eq(areaIndicators.code, areaIndicatorValues.indicatorCode))
    .innerJoin(provinces, eq(provinces.code, areaIndicatorValues.provinceCode))
    .orderBy(
      asc(areaIndicatorValues.indicatorCode),
      asc(areaIndicatorValues.year),
      asc(areaIndicatorValues.provinceCode),
    );
  return windowed(query.$dynamic(), window);
}

export function areaIndicatorStats(db: DbOrTx) {
  return statsOf(db, areaIndicatorValues, sql`true`, areaIndicatorValues.updatedAt);
}
