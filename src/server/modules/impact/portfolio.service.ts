import type { Database } from '@server/db/client';
import { AppError } from '@server/lib/errors';
import type { Actor } from '@server/lib/authz';
import { isProjectOfficer } from '@server/modules/projects/projects.policy';
import type { IndicatorAggregation } from '@shared/contracts/impact-library';
import type {
  Portfolio,
  PortfolioFigures,
  PortfolioGroup,
  PortfolioIndicator,
  PortfolioProjects,
  PortfolioProjectsQuery,
  PortfolioQuery,
} from '@shared/contracts/impact-report';
import { PORTFOLIO_NO_KEY, PORTFOLIO_PROJECTS_LIMIT } from '@shared/contracts/impact-report';
import type { ProjectStatus } from '@shared/contracts/projects';
import type { SroiAssessmentKind } from '@shared/contracts/sroi-assessments';
import { canSeePortfolio } from './impact.policy';
import { rollUp } from './impact-reports.service';
import * as repo from './portfolio.repo';

type ProjectRow = Awaited<ReturnType<typeof repo.listPortfolioProjects>>[number];
type AssessmentRow = Awaited<ReturnType<typeof repo.listLatestFinalAssessments>>[number];
type RollupRow = Awaited<ReturnType<typeof repo.listVerifiedLibraryRollups>>[number];

/** One project indicator's verified values rolled up into one figure (by its aggregation), with the library's names. */
interface ValueRow {
  projectId: string;
  projectIndicatorId: string;
  indicatorId: string;
  code: string;
  nameTh: string;
  nameEn: string;
  unitTh: string;
  unitEn: string;
  aggregation: string;
  /** The period end of the latest verified value. */
  periodEnd: string | null;
  value: number;
}

/** The figure `rollUp` gives of a project indicator's verified values, from their count, sum and latest. */
function valueOfRollup(row: RollupRow): ValueRow {
  const { verifiedCount, verifiedSum, verifiedLatest, verifiedLatestPeriodEnd, ...names } = row;
  let value: number;
  switch (row.aggregation) {
    case 'mean':
      value = Number(verifiedSum) / verifiedCount;
      break;
    case 'latest':
      value = Number(verifiedLatest);
      break;
    default:
      value = Number(verifiedSum);
  }
  return { ...names, periodEnd: verifiedLatestPeriodEnd, value };
}

interface Facts {
  indicators: Map<string, number>;
  values: Map<string, { count: number; verified: number }>;
  assessments: Map<string, AssessmentRow>;
  /** Per project: its verified values of library indicators, by indicator. */
  libraryValues: Map<string, ValueRow[]>;
}

/** The key that decides what may be added: the library indicator, its unit (both languages) and its aggregation. */
const sumKey = (v: ValueRow) => JSON.stringify([v.indicatorId, v.unitTh, v.unitEn, v.aggregation]);

/** The figures of a set of projects (each counted once). */
export function figuresOf(projectIds: readonly string[], facts: Facts): PortfolioFigures {
  let projectsWithIndicators = 0;
  let valueCount = 0;
  let verifiedCount = 0;
  let presentValueSatang = 0;
  let investmentSatang = 0;
  let evaluativeCount = 0;
  let forecastCount = 0;
  const perIndicator = new Map<string, { row: ValueRow; projectValues: number[]; projects: Set<string> }>();
  for (const id of projectIds) {
    if ((facts.indicators.get(id) ?? 0) > 0) {
      projectsWithIndicators += 1;
    }
    const values = facts.values.get(id);
    valueCount += values?.count ?? 0;
    verifiedCount += values?.verified ?? 0;
    const assessment = facts.assessments.get(id);
    if (assessment && assessment.presentValueSatang !== null && assessment.investmentSatang !== null) {
      presentValueSatang += assessment.presentValueSatang;
      investmentSatang += assessment.investmentSatang;
      if (assessment.kind === 'evaluative') {
        evaluativeCount += 1;
      } else {
        forecastCount += 1;
      }
    }
    // one figure per project and indicator (rolled up over its periods), then across projects
    const byIndicator = new Map<string, ValueRow[]>();
    for (const v of facts.libraryValues.get(id) ?? []) {
      const key = `${v.projectIndicatorId}|${sumKey(v)}`;
      byIndicator.set(key, [...(byIndicator.get(key) ?? []), v]);
    }
    for (const rows of byIndicator.values()) {
      const first = rows[0];
      const value = first
        ? rollUp(
            rows.map((r) => r.value),
            first.aggregation,
          )
        : null;
      if (!first || value === null) {
        continue;
      }
      const key = sumKey(first);
      const slot = perIndicator.get(key) ?? { row: first, projectValues: [], projects: new Set<string>() };
      slot.projectValues.push(value);
      slot.projects.add(id);
      perIndicator.set(key, slot);
    }
  }
  const indicators: PortfolioIndicator[] = [...perIndicator.values()]
    .map(({ row, projectValues, projects }) => ({
      indicatorId: row.indicatorId,
      code: row.code,
      nameTh: row.nameTh,
      nameEn: row.nameEn,
      unitTh: row.unitTh,
      unitEn: row.unitEn,
      aggregation: row.aggregation as IndicatorAggregation,
      projectCount: projects.size,
      // mean: the mean of the projects' figures; sum and latest: their sum
      value: rollUp(projectValues, row.aggregation === 'mean' ? 'mean' : 'sum') ?? 0,
    }))
    .sort((a, b) => a.code.localeCompare(b.code) || a.unitTh.localeCompare(b.unitTh));
  return {
    projectCount: projectIds.length,
    projectsWithIndicators,
    valueCount,
    verifiedCount,
    verifiedShare: valueCount === 0 ? null : verifiedCount / valueCount,
    sroi: {
      aggregated: true,
      assessmentCount: evaluativeCount + forecastCount,
      evaluativeCount,
      forecastCount,
      presentValueSatang,
      investmentSatang,
      ratio: investmentSatang > 0 ? presentValueSatang / investmentSatang : null,
    },
    indicators,
  };
}

/**
 * What a portfolio (or a group's drill-down) covers for this actor: officers and administrators every project or the
 * unit they filter by; a unit's staff their own unit whatever they ask for; others FORBIDDEN.
 */
function scopeOf(
  actor: Actor,
  query: Pick<PortfolioQuery, 'fiscalYear' | 'programmeId' | 'drivingUnitId'>,
): repo.PortfolioScope {
  if (!canSeePortfolio(actor)) {
    throw new AppError('FORBIDDEN', 'errors.impactReport.PORTFOLIO_FORBIDDEN');
  }
  return {
    drivingUnitId: isProjectOfficer(actor) ? (query.drivingUnitId ?? null) : actor.drivingUnitId,
    fiscalYear: query.fiscalYear ?? null,
    programmeId: query.programmeId ?? null,
  };
}

/**
 * The projects of one portfolio group (the same scope, filters and grouping as `getPortfolio`, so `total` equals the
 * group's projectCount): agreement number, titles, status, whether it has indicators, its verified share and the
 * assessment counted in the group's SROI with its ratio and kind. The first PORTFOLIO_PROJECTS_LIMIT by agreement
 * number. A key of a group the actor cannot see gives an empty list.
 */
export async function listPortfolioProjects(
  db: Database,
  actor: Actor,
  query: PortfolioProjectsQuery,
): Promise<PortfolioProjects> {
  const key = query.key === PORTFOLIO_NO_KEY ? null : query.key;
  const scope: repo.PortfolioScope = { ...scopeOf(actor, query), group: { by: query.by, key } };
  // One query after the other: `db` may be a single connection (PGlite).
  const rows = await repo.listGroupProjects(db, scope);
  const counts = await repo.countIndicatorFacts(db, scope);
  const assessments = await repo.listLatestFinalAssessments(db, scope);
  const indicators = new Map(counts.indicatorCounts.map((r) => [r.projectId, r.count]));
  const values = new Map(counts.valueCounts.map((r) => [r.projectId, r]));
  const counted = new Map(assessments.map((a) => [a.projectId, a]));
  return {
    by: query.by,
    key,
    drivingUnitId: scope.drivingUnitId,
    total: rows.length,
    projects: rows.slice(0, PORTFOLIO_PROJECTS_LIMIT).map((p) => {
      const v = values.get(p.id);
      const a = counted.get(p.id);
      const valueCount = v?.count ?? 0;
      const verifiedCount = v?.verified ?? 0;
      return {
        id: p.id,
        agreementNumber: p.agreementNumber,
        titleTh: p.titleTh,
        titleEn: p.titleEn,
        status: p.status as ProjectStatus,
        hasIndicators: (indicators.get(p.id) ?? 0) > 0,
        valueCount,
        verifiedCount,
        verifiedShare: valueCount === 0 ? null : verifiedCount / valueCount,
        sroi:
          a && a.presentValueSatang !== null && a.investmentSatang !== null
            ? {
                assessmentId: a.id,
                kind: a.kind as SroiAssessmentKind,
                versionNo: a.versionNo,
                presentValueSatang: a.presentValueSatang,
                investmentSatang: a.investmentSatang,
                ratio: a.investmentSatang > 0 ? a.presentValueSatang / a.investmentSatang : null,
              }
            : null,
      };
    }),
  };
}

interface GroupSlot {
  key: string | null;
  nameTh: string;
  nameEn: string;
  projectIds: string[];
}

function addTo(
  groups: Map<string, GroupSlot>,
  key: string | null,
  nameTh: string,
  nameEn: string,
  id: string,
) {
  const mapKey = key ?? '';
  const slot = groups.get(mapKey) ?? { key, nameTh, nameEn, projectIds: [] };
  slot.projectIds.push(id);
  groups.set(mapKey, slot);
}

/**
 * Portfolio views of impact by programme, driving unit, province or theme: per group the number of projects, how
 * many have indicators, how many of their values are verified, the sums of library indicators where units allow, and
 * the portfolio SROI Σ PV ÷ Σ investment over each project's latest final assessment (marked aggregated, with how
 * many assessments of each kind). Officers and administrators see every project (or one unit's, by filter); a
 * driving unit's staff their unit's projects only; others FORBIDDEN. A project in several provinces or themes counts
 * in each of them; the totals count it once.
 */
export async function getPortfolio(
  db: Database,
  actor: Actor,
  query: PortfolioQuery,
  { withIndicators = true }: { withIndicators?: boolean } = {},
): Promise<Portfolio> {
  const scope = scopeOf(actor, query);
  const { drivingUnitId } = scope;
  // One query after the other: `db` may be a single connection (PGlite).
  const projects = await repo.listPortfolioProjects(db, scope);
  const counts = await repo.countIndicatorFacts(db, scope);
  const assessments = await repo.listLatestFinalAssessments(db, scope);
  const values = !withIndicators ? [] : (await repo.listVerifiedLibraryRollups(db, scope)).map(valueOfRollup);
  const options = await repo.listPortfolioOptions(db, scope);
  const facts: Facts = {
    indicators: new Map(counts.indicatorCounts.map((r) => [r.projectId, r.count])),
    values: new Map(counts.valueCounts.map((r) => [r.projectId, { count: r.count, verified: r.verified }])),
    assessments: new Map(assessments.map((a) => [a.projectId, a])),
    libraryValues: new Map(),
  };
  for (const v of values) {
    const list = facts.libraryValues.get(v.projectId);
    if (list) {
      list.push(v);
    } else {
      facts.libraryValues.set(v.projectId, [v]);
    }
  }

  const groups = new Map<string, GroupSlot>();
  const add = (p: ProjectRow) => {
    switch (query.by) {
      case 'programme':
        addTo(groups, p.programmeId, p.programmeNameTh ?? '', p.programmeNameEn ?? '', p.id);
        return;
      case 'driving_unit':
        addTo(groups, p.drivingUnitId, p.drivingUnitNameTh ?? '', p.drivingUnitNameEn ?? '', p.id);
        return;
      case 'province':
        if (p.provinceCodes.length === 0) {
          addTo(groups, null, '', '', p.id);
        }
        for (const code of new Set(p.provinceCodes)) {
          addTo(groups, String(code), '', '', p.id);
        }
        return;
      case 'theme':
        if (p.themes.length === 0) {
          addTo(groups, null, '', '', p.id);
        }
        for (const code of new Set(p.themes)) {
          addTo(groups, code, '', '', p.id);
        }
        return;
    }
  };
  projects.forEach(add);
  if (query.by === 'province') {
    const names = await repo.listProvinceNames(
      db,
      [...groups.values()].flatMap((g) => (g.key === null ? [] : [Number(g.key)])),
    );
    for (const n of names) {
      Object.assign(groups.get(String(n.code)) ?? {}, { nameTh: n.nameTh, nameEn: n.nameEn });
    }
  } else if (query.by === 'theme') {
    const names = await repo.listThemeNames(
      db,
      [...groups.values()].flatMap((g) => (g.key === null ? [] : [g.key])),
    );
    for (const n of names) {
      Object.assign(groups.get(n.code) ?? {}, { nameTh: n.nameTh, nameEn: n.nameEn });
    }
  }

  const grouped: PortfolioGroup[] = [...groups.values()]
    .map((g) => ({ key: g.key, nameTh: g.nameTh, nameEn: g.nameEn, ...figuresOf(g.projectIds, facts) }))
    .sort(
      (a, b) =>
        Number(a.key === null) - Number(b.key === null) ||
        b.projectCount - a.projectCount ||
        a.nameTh.localeCompare(b.nameTh, 'th'),
    );
  return {
    by: query.by,
    fiscalYear: scope.fiscalYear,
    programmeId: scope.programmeId,
    drivingUnitId,
    countsInSeveral: query.by === 'province' || query.by === 'theme',
    groups: grouped,
    totals: figuresOf(
      projects.map((p) => p.id),
      facts,
    ),
    options: {
      fiscalYears: options.fiscalYears,
      programmes: options.programmes,
    },
  };
}

/**
 * The sums of the verified library indicators over the projects of a portfolio (the `indicators` of its totals),
 * summed in the database: officers and administrators every project or one unit's; a unit's staff their own unit.
 */
export async function sumPortfolioIndicators(
  db: Database,
  actor: Actor,
  query: Pick<PortfolioQuery, 'fiscalYear' | 'programmeId' | 'drivingUnitId'>,
): Promise<PortfolioIndicator[]> {
  const rows = await repo.sumVerifiedLibraryIndicators(db, scopeOf(actor, query));
  return rows
    .map((r) => ({
      ...r,
      aggregation: r.aggregation as IndicatorAggregation,
      projectCount: Number(r.projectCount),
      value: Number(r.value),
    }))
    .sort((a, b) => a.code.localeCompare(b.code) || a.unitTh.localeCompare(b.unitTh));
}
