import type { Database } from '@server/db/client';
import { invalidField } from '@server/lib/errors';
import { getIndicatorValues, listIndicators } from '@server/modules/indicators/indicators.service';
import { getProvinceOrThrow, listDistrictsOfProvince, listProvinces } from '@server/modules/geo/geo.service';
import { findProgramme } from '@server/modules/programmes/programmes.service';
import {
  POOR_COUNT_INDICATOR,
  type Coverage,
  type CoverageDistrict,
  type CoverageFilters,
  type CoverageInnovation,
  type CoverageNeed,
  type CoverageProject,
  type CoverageProvince,
  type Figure,
  type ProvinceCoverage,
} from '@shared/contracts/coverage';
import type { AreaIndicator } from '@shared/contracts/indicators';
import { UNDER_SERVED_THRESHOLD, computeGapIndex, rankUnderServed } from '@shared/insights/gap-index';
import { splitEvenly } from '@shared/money';
import { measureValue } from '@shared/coverage/measures';
import * as repo from './coverage.repo';

/** Adoptions counted as adoptions: those adopted or sustained now (the diffusion module's "adopted sites"). */
const COUNTED_ADOPTION_STATUSES: ReadonlySet<string> = new Set(['adopted', 'sustained']);

type FundedProject = Awaited<ReturnType<typeof repo.listFundedProjects>>[number];
type ReachedAdoption = Awaited<ReturnType<typeof repo.listReachedAdoptions>>[number];

async function scopeOf(db: Database, filters: CoverageFilters): Promise<repo.CoverageScope> {
  let programmeId: string | null = null;
  if (filters.programme !== undefined) {
    const programme = await findProgramme(db, filters.programme);
    if (!programme) {
      throw invalidField('query.programme', 'errors.coverage.UNKNOWN_PROGRAMME', { slug: filters.programme });
    }
    programmeId = programme.id;
  }
  return { programmeId, theme: filters.theme ?? null, fiscalYear: filters.fiscalYear ?? null };
}

interface FigureCount {
  code: string;
  year: number;
  count: number;
}

/**
 * The best (indicator, year) among the counts: the most provinces with a figure; then the latest year; then a share
 * (unit `percent`) before counts and ranks, as a share compares provinces of different sizes; then the code.
 */
function bestFigures(counts: readonly FigureCount[], indicators: ReadonlyMap<string, AreaIndicator>) {
  const isShare = (code: string) => (indicators.get(code)?.unit === 'percent' ? 0 : 1);
  return [...counts]
    .filter((c) => indicators.has(c.code))
    .sort(
      (a, b) =>
        b.count - a.count ||
        b.year - a.year ||
        isShare(a.code) - isShare(b.code) ||
        a.code.localeCompare(b.code),
    )[0];
}

/** The need indicator and year asked for, or chosen by default; 400 naming the field when there is none. */
async function chooseNeed(
  db: Database,
  filters: CoverageFilters,
): Promise<{ code: string; year: number; isDefault: boolean } | null> {
  const indicators = new Map((await listIndicators(db)).map((i) => [i.code, i]));
  const counts = await repo.countIndicatorFigures(db);
  if (filters.need !== undefined) {
    if (!indicators.has(filters.need)) {
      throw invalidField('query.need', 'errors.coverage.UNKNOWN_INDICATOR', { code: filters.need });
    }
    const own = counts.filter((c) => c.code === filters.need);
    const chosen =
      filters.needYear !== undefined ? own.find((c) => c.year === filters.needYear) : bestFigures(own, indicators);
    if (!chosen) {
      if (filters.needYear !== undefined) {
        throw invalidField('query.needYear', 'errors.coverage.NO_FIGURES', { year: filters.needYear });
      }
      return null;
    }
    return { code: chosen.code, year: chosen.year, isDefault: false };
  }
  const pool = filters.needYear !== undefined ? counts.filter((c) => c.year === filters.needYear) : counts;
  const chosen = bestFigures(pool, indicators);
  if (!chosen) {
    if (filters.needYear !== undefined) {
      throw invalidField('query.needYear', 'errors.coverage.NO_FIGURES', { year: filters.needYear });
    }
    return null;
  }
  return { code: chosen.code, year: chosen.year, isDefault: true };
}

interface Tally {
  grantSatang: number;
  projects: number;
  beneficiaries: number;
  adoptions: number;
}

function emptyTally(): Tally {
  return { grantSatang: 0, projects: 0, beneficiaries: 0, adoptions: 0 };
}

function beneficiaryTotal(adoption: ReachedAdoption): number {
  return adoption.beneficiaries.reduce((sum, b) => sum + b.count, 0);
}

/** A project's provinces, each once, in code order (the order the award's remainder satang are given in). */
function provincesOf(project: FundedProject): number[] {
  return [...new Set(project.provinceCodes)].sort((a, b) => a - b);
}

/** The project's share of the award in one province (0 when it does not work there). */
function shareIn(project: FundedProject, provinceCode: number): number {
  const codes = provincesOf(project);
  const index = codes.indexOf(provinceCode);
  return index < 0 ? 0 : (splitEvenly(project.awardSatang, codes.length)[index] ?? 0);
}

async function compute(db: Database, filters: CoverageFilters): Promise<Coverage> {
  const scope = await scopeOf(db, filters);
  const chosen = await chooseNeed(db, filters);
  const [provinces, poorCounts, funded, reached, values, fiscalYears] = await Promise.all([
    listProvinces(db, {}),
    repo.listLatestFigures(db, POOR_COUNT_INDICATOR),
    repo.sumFundedProjectsByProvince(db, scope),
    repo.sumReachedAdoptionsByProvince(db, scope),
    chosen ? getIndicatorValues(db, chosen.code, chosen.year) : Promise.resolve(null),
    repo.listProjectFiscalYears(db),
  ]);

  const tallies = new Map<number, Tally>(provinces.map((p) => [p.code, emptyTally()]));
  const { unassignedSatang } = funded;
  for (const row of funded.provinces) {
    const tally = tallies.get(row.code);
    if (tally) {
      tally.grantSatang += row.grantSatang;
      tally.projects += row.projects;
    }
  }
  for (const row of reached) {
    const tally = tallies.get(row.provinceCode);
    if (tally) {
      tally.beneficiaries += row.beneficiaries;
      tally.adoptions += row.adoptions;
    }
  }

  const needByProvince = new Map<number, Figure>();
  if (values && values.year !== null) {
    const year = values.year;
    for (const v of values.values) {
      if (!needByProvince.has(v.provinceCode)) {
        needByProvince.set(v.provinceCode, { value: v.value, unit: v.unit, year, sourceUrl: v.sourceUrl });
      }
    }
  }
  const poorByProvince = new Map<number, Figure>(
    poorCounts.map((f) => [
      f.provinceCode,
      { value: f.value, unit: f.unit, year: f.year, sourceUrl: f.sourceUrl },
    ]),
  );

  const base = provinces.map((p) => {
    const tally = tallies.get(p.code) ?? emptyTally();
    const poor = poorByProvince.get(p.code) ?? null;
    return {
      code: p.code,
      nameTh: p.nameTh,
      nameEn: p.nameEn,
      regionCode: p.regionCode,
      targetRank: p.targetRank,
      need: needByProvince.get(p.code) ?? null,
      poorCount: poor,
      ...tally,
      grantPerPoorSatang: poor && poor.value > 0 ? Math.round(tally.grantSatang / poor.value) : null,
    };
  });
  const higherIsNeedier = values ? values.indicator.higherIsNeedier : true;
  const scores = computeGapIndex(
    base.map((row) => ({
      code: row.code,
      need: row.need?.value ?? null,
      coverage: measureValue(row, filters.measure),
      targetRank: row.targetRank,
    })),
    { higherIsNeedier, threshold: UNDER_SERVED_THRESHOLD },
  );
  const rows: CoverageProvince[] = base.map((row, i) => {
    const score = scores[i];
    return {
      ...row,
      needScore: score?.needScore ?? null,
      coverageScore: score?.coverageScore ?? null,
      gap: score?.gap ?? null,
      underServed: score?.underServed ?? false,
    };
  });

  let need: CoverageNeed | null = null;
  if (values && chosen) {
    const indicator = values.indicator;
    need = {
      indicator: {
        code: indicator.code,
        nameTh: indicator.nameTh,
        nameEn: indicator.nameEn,
        unit: indicator.unit,
        descriptionTh: indicator.descriptionTh,
        descriptionEn: indicator.descriptionEn,
        higherIsNeedier: indicator.higherIsNeedier,
        years: indicator.years,
      },
      year: chosen.year,
      sources: [...new Set(values.values.map((v) => v.sourceUrl).filter((url) => url.trim() !== ''))],
      provinceCount: needByProvince.size,
      isDefault: chosen.isDefault,
    };
  }

  const underServed = rankUnderServed(rows).map((r) => r.code);
  return {
    filters: {
      programme: filters.programme ?? null,
      theme: filters.theme ?? null,
      fiscalYear: filters.fiscalYear ?? null,
      measure: filters.measure,
    },
    need,
    threshold: UNDER_SERVED_THRESHOLD,
    totals: {
      grantSatang: rows.reduce((sum, r) => sum + r.grantSatang, 0) + unassignedSatang,
      unassignedSatang,
      projects: funded.projectsWithProvince + funded.projectsWithoutProvince,
      beneficiaries: rows.reduce((sum, r) => sum + r.beneficiaries, 0),
      adoptions: rows.reduce((sum, r) => sum + r.adoptions, 0),
      provincesReached: rows.filter((r) => r.projects > 0 || r.adoptions > 0).length,
      underServed: underServed.length,
    },
    provinces: rows,
    underServed,
    fiscalYears,
  };
}

/**
 * Coverage against need for every province: the need figure of the chosen indicator and year (with its source), the
 * platform's coverage in the filters (grant money split evenly over each project's provinces, money per poor person,
 * projects, beneficiaries and adoptions of published innovations) and the gap index. Public: aggregates only.
 */
export async function getCoverage(db: Database, filters: CoverageFilters): Promise<Coverage> {
  return compute(db, filters);
}

/**
 * One province's coverage against need, its place among the under-served, its funded projects (its share of each
 * award) and its districts: adoptions by the district of the site (or its village), projects by the district their
 * catalogue entry comes from. Districts appear only where there is such data.
 */
export async function getProvinceCoverage(
  db: Database,
  provinceCode: number,
  filters: CoverageFilters,
): Promise<ProvinceCoverage> {
  await getProvinceOrThrow(db, provinceCode);
  const coverage = await compute(db, filters);
  const scope = await scopeOf(db, filters);
  const [projects, adoptions] = await Promise.all([
    repo.listFundedProjects(db, scope, provinceCode),
    repo.listReachedAdoptions(db, scope, provinceCode),
  ]);
  const province = coverage.provinces.find((p) => p.code === provinceCode);
  if (!province) {
    throw new Error(`province ${provinceCode} missing from the coverage rows`);
  }
  const districts = await listDistrictsOfProvince(db, provinceCode);
  const byDistrict = new Map<number, { projects: number; adoptions: number; beneficiaries: number }>();
  const tallyOf = (code: number) => {
    const existing = byDistrict.get(code);
    if (existing) {
      return existing;
    }
    const fresh = { projects: 0, adoptions: 0, beneficiaries: 0 };
    byDistrict.set(code, fresh);
    return fresh;
  };
  const known = new Set(districts.map((d) => d.code));

  const inProvince = projects.filter((p) => provincesOf(p).includes(provinceCode));
  let projectsWithoutDistrict = 0;
  for (const project of inProvince) {
    const district = project.originProvinceCode === provinceCode ? project.originDistrictCode : null;
    if (district !== null && known.has(district)) {
      tallyOf(district).projects += 1;
    } else {
      projectsWithoutDistrict += 1;
    }
  }
  let adoptionsWithoutDistrict = 0;
  const byInnovation = new Map<string, CoverageInnovation>();
  for (const adoption of adoptions.filter((a) => a.provinceCode === provinceCode)) {
    const counted = COUNTED_ADOPTION_STATUSES.has(adoption.status) ? 1 : 0;
    const innovation = byInnovation.get(adoption.innovationId) ?? {
      id: adoption.innovationId,
      titleTh: adoption.innovationTitleTh,
      titleEn: adoption.innovationTitleEn,
      adoptions: 0,
      beneficiaries: 0,
    };
    innovation.adoptions += counted;
    innovation.beneficiaries += beneficiaryTotal(adoption);
    byInnovation.set(adoption.innovationId, innovation);
    const district = adoption.districtCode === null ? null : Number(adoption.districtCode);
    if (district !== null && known.has(district)) {
      const tally = tallyOf(district);
      tally.adoptions += counted;
      tally.beneficiaries += beneficiaryTotal(adoption);
    } else {
      adoptionsWithoutDistrict += counted;
    }
  }

  const districtRows: CoverageDistrict[] = districts
    .filter((d) => byDistrict.has(d.code))
    .map((d) => ({
      code: d.code,
      nameTh: d.nameTh,
      nameEn: d.nameEn,
      ...(byDistrict.get(d.code) ?? { projects: 0, adoptions: 0, beneficiaries: 0 }),
    }))
    .sort(
      (a, b) =>
        b.projects + b.adoptions - (a.projects + a.adoptions) || b.beneficiaries - a.beneficiaries || a.code - b.code,
    );

  const projectRows: CoverageProject[] = inProvince.map((p) => ({
    id: p.id,
    agreementNumber: p.agreementNumber,
    titleTh: p.titleTh,
    titleEn: p.titleEn,
    fiscalYear: p.fiscalYear,
    shareSatang: shareIn(p, provinceCode),
    provinceCount: provincesOf(p).length,
    innovationId: p.innovationId,
  }));

  const rank = coverage.underServed.indexOf(provinceCode);
  return {
    filters: coverage.filters,
    need: coverage.need,
    threshold: coverage.threshold,
    province,
    rankedProvinces: coverage.provinces.filter((p) => p.gap !== null).length,
    underServedRank: rank < 0 ? null : rank + 1,
    districts: districtRows,
    adoptionsWithoutDistrict,
    projectsWithoutDistrict,
    projects: projectRows,
    innovations: [...byInnovation.values()].sort(
      (a, b) => b.adoptions - a.adoptions || b.beneficiaries - a.beneficiaries || a.titleTh.localeCompare(b.titleTh),
    ),
  };
}
