import type { Database } from '@server/db/client';
import { AppError } from '@server/lib/errors';
import { systemActor, type Actor } from '@server/lib/authz';
import { getUnitDashboard, getUnitRollup } from '@server/modules/driving-units/driving-units.service';
import { getPortfolio, sumPortfolioIndicators } from '@server/modules/impact/portfolio.service';
import type {
  DashboardOptions,
  DashboardQuery,
  DashboardScope,
  Disbursement,
  DisbursementYear,
  OutcomeFigures,
  Outcomes,
  Pipeline,
  PublicImpact,
  PublicImpactQuery,
  SrlProgression,
  UnitTargets,
} from '@shared/contracts/dashboards';
import { PIPELINE_STAGES, SRL_LEVELS } from '@shared/contracts/dashboards';
import type { PortfolioFigures } from '@shared/contracts/impact-report';
import { splitEvenly } from '@shared/money';
import { dashboardPolicy, isDashboardOfficer } from './dashboards.policy';
import * as repo from './dashboards.repo';

/**
 * The scope of a dashboard for this actor: officers and administrators every project (or the unit they filter by); a
 * unit's staff their own unit whatever they ask for; anyone else FORBIDDEN.
 */
function scopeOf(actor: Actor, query: DashboardQuery): repo.Scope & { isUnitScope: boolean } {
  if (!dashboardPolicy.view(actor)) {
    throw new AppError('FORBIDDEN', 'errors.dashboards.FORBIDDEN');
  }
  const isOfficer = isDashboardOfficer(actor);
  return {
    drivingUnitId: isOfficer ? (query.drivingUnitId ?? null) : actor.drivingUnitId,
    fiscalYear: query.fiscalYear ?? null,
    programmeId: query.programmeId ?? null,
    isUnitScope: !isOfficer,
  };
}

/**
 * What a dashboard's figures depend on besides its filters, for the read cache: 'all' for officers and
 * administrators, the unit for a unit's staff; null for anyone else (who is refused, uncached).
 */
export function cacheScopeOf(actor: Actor): string | null {
  if (!dashboardPolicy.view(actor)) {
    return null;
  }
  return isDashboardOfficer(actor) ? 'all' : `unit:${actor.drivingUnitId ?? ''}`;
}

const scopeOut = (scope: ReturnType<typeof scopeOf>): DashboardScope => ({
  fiscalYear: scope.fiscalYear,
  programmeId: scope.programmeId,
  drivingUnitId: scope.drivingUnitId,
  isUnitScope: scope.isUnitScope,
});

/** What the dashboard filters offer the actor: years and programmes within their scope; units (officers: all). */
export async function getDashboardOptions(
  db: Database,
  actor: Actor,
  query: DashboardQuery,
): Promise<DashboardOptions> {
  const scope = scopeOf(actor, query);
  const options = await repo.listOptions(db, scope.isUnitScope ? scope : { ...scope, drivingUnitId: null });
  return { scope: scopeOut(scope), ...options };
}

/**
 * The pipeline calls → proposals → awards → projects → innovations → adoptions: counts per stage with a sub-count
 * each (open calls, eligible proposals, released awards, closed projects, published innovations, adoptions adopted or
 * sustained), and the money asked for and awarded. Filters: fiscal year (of the call), programme, unit (officers).
 * With the figures, when they change by the clock alone (the next open call's closing), for the read cache.
 */
export async function getPipeline(
  db: Database,
  actor: Actor,
  query: DashboardQuery,
  now: Date,
): Promise<{ pipeline: Pipeline; changesAt: Date | null }> {
  const scope = scopeOf(actor, query);
  const counts = await repo.countPipeline(db, scope, now);
  return {
    pipeline: {
      scope: scopeOut(scope),
      stages: PIPELINE_STAGES.map((stage) => ({ stage, ...counts[stage] })),
      requestedSatang: counts.requestedSatang,
      awardedSatang: counts.awardedSatang,
    },
    // The open calls' count drops when the next of them closes; nothing else here depends on the time.
    changesAt: counts.nextCloseAt,
  };
}

/** Disbursement per fiscal year of the award: awarded, paid, withheld, ready for payment and still to be paid. */
export async function getDisbursement(
  db: Database,
  actor: Actor,
  query: DashboardQuery,
): Promise<Disbursement> {
  const scope = scopeOf(actor, query);
  const rows = await repo.sumDisbursement(db, scope);
  const years: DisbursementYear[] = rows.map((r) => ({
    ...r,
    waitingSatang: Math.max(0, r.awardedSatang - r.paidSatang - r.withheldSatang),
  }));
  const sum = (key: keyof Omit<DisbursementYear, 'fiscalYear'>) => years.reduce((s, y) => s + y[key], 0);
  return {
    scope: scopeOut(scope),
    years,
    totals: {
      projectCount: sum('projectCount'),
      awardedSatang: sum('awardedSatang'),
      paidSatang: sum('paidSatang'),
      withheldSatang: sum('withheldSatang'),
      readySatang: sum('readySatang'),
      waitingSatang: sum('waitingSatang'),
    },
  };
}

const outcomeOf = (f: PortfolioFigures): OutcomeFigures => ({
  projectCount: f.projectCount,
  projectsWithIndicators: f.projectsWithIndicators,
  valueCount: f.valueCount,
  verifiedCount: f.verifiedCount,
  sroiCount: f.sroi.assessmentCount,
  sroiRatio: f.sroi.ratio,
});

/**
 * Outcomes by theme (the impact portfolio's figures per theme: verified values and the aggregated SROI of final
 * assessments, same scope) and by SDG goal (from the SDG targets of the library indicators with verified values).
 */
export async function getOutcomes(db: Database, actor: Actor, query: DashboardQuery): Promise<Outcomes> {
  const scope = scopeOf(actor, query);
  const portfolio = await getPortfolio(
    db,
    actor,
    {
      by: 'theme',
      ...(scope.fiscalYear === null ? {} : { fiscalYear: scope.fiscalYear }),
      ...(scope.programmeId === null ? {} : { programmeId: scope.programmeId }),
      ...(scope.drivingUnitId === null ? {} : { drivingUnitId: scope.drivingUnitId }),
    },
    { withIndicators: false },
  );
  const bySdg = await repo.sumVerifiedBySdg(db, scope);
  const names = new Map((await repo.listSdgNames(db)).map((s) => [s.number, s]));
  return {
    scope: scopeOut(scope),
    byTheme: portfolio.groups.map((g) => ({
      key: g.key,
      nameTh: g.nameTh,
      nameEn: g.nameEn,
      ...outcomeOf(g),
    })),
    bySdg: bySdg
      .sort((a, b) => a.sdg - b.sdg)
      .map((row) => ({
        sdg: row.sdg,
        nameTh: names.get(row.sdg)?.nameTh ?? '',
        nameEn: names.get(row.sdg)?.nameEn ?? '',
        projectCount: row.projectCount,
        verifiedCount: row.verifiedCount,
        sroiCount: row.sroiCount,
      })),
    totals: outcomeOf(portfolio.totals),
  };
}

const isLevel = (value: number | null | undefined): value is number =>
  typeof value === 'number' && value >= 1 && value <= 9;

/**
 * SRL progression: per project its level at the start and now (its innovation's current SRL, else its latest
 * approved report's), the start → now moves, how many rose, stayed or fell, the mean gain, and the innovations'
 * recorded assessments per fiscal year.
 */
export async function getSrlProgression(
  db: Database,
  actor: Actor,
  query: DashboardQuery,
): Promise<SrlProgression> {
  const scope = scopeOf(actor, query);
  const rows = await repo.listProjectSrl(db, scope);
  const byYear = await repo.countSrlAssessmentsByYear(db, scope);
  const atStart = new Map<number, number>();
  const now = new Map<number, number>();
  const moves = new Map<string, { from: number; to: number; count: number }>();
  let raised = 0;
  let same = 0;
  let lowered = 0;
  let gain = 0;
  for (const row of rows) {
    const start = row.srlStart;
    const current = isLevel(row.innovationSrl) ? row.innovationSrl : row.reportSrl;
    if (isLevel(start)) {
      atStart.set(start, (atStart.get(start) ?? 0) + 1);
    }
    if (isLevel(current)) {
      now.set(current, (now.get(current) ?? 0) + 1);
    }
    if (isLevel(start) && isLevel(current)) {
      const key = `${start}>${current}`;
      const move = moves.get(key) ?? { from: start, to: current, count: 0 };
      move.count += 1;
      moves.set(key, move);
      gain += current - start;
      if (current > start) {
        raised += 1;
      } else if (current === start) {
        same += 1;
      } else {
        lowered += 1;
      }
    }
  }
  const assessed = raised + same + lowered;
  return {
    scope: scopeOut(scope),
    levels: SRL_LEVELS.map((srl) => ({ srl, atStart: atStart.get(srl) ?? 0, now: now.get(srl) ?? 0 })),
    moves: [...moves.values()].sort((a, b) => a.from - b.from || a.to - b.to),
    projectCount: rows.length,
    assessedCount: assessed,
    raisedCount: raised,
    sameCount: same,
    loweredCount: lowered,
    meanGain: assessed === 0 ? null : Math.round((gain / assessed) * 100) / 100,
    assessmentsByYear: byYear.map((y) => ({ ...y, meanSrl: Math.round(y.meanSrl * 100) / 100 })),
  };
}

/**
 * Unit targets against actuals of a fiscal year (default: the current one), from the driving-units module: officers
 * every unit and the totals (or one unit by filter); a unit's staff their own unit.
 */
export async function getUnitTargets(
  db: Database,
  actor: Actor,
  query: DashboardQuery,
  now: Date,
): Promise<UnitTargets> {
  const scope = scopeOf(actor, query);
  const yearQuery = scope.fiscalYear === null ? {} : { fiscalYear: scope.fiscalYear };
  if (scope.drivingUnitId === null) {
    const rollup = await getUnitRollup(db, actor, yearQuery, now);
    return {
      scope: scopeOut(scope),
      fiscalYear: rollup.fiscalYear,
      currentFiscalYear: rollup.currentFiscalYear,
      units: rollup.units.map((u) => ({
        id: u.unit.id,
        nameTh: u.unit.nameTh,
        nameEn: u.unit.nameEn,
        measures: u.measures,
      })),
      totals: rollup.totals,
    };
  }
  const dashboard = await getUnitDashboard(db, actor, scope.drivingUnitId, yearQuery, now);
  return {
    scope: scopeOut(scope),
    fiscalYear: dashboard.fiscalYear,
    currentFiscalYear: dashboard.currentFiscalYear,
    units: [
      {
        id: dashboard.unit.id,
        nameTh: dashboard.unit.nameTh,
        nameEn: dashboard.unit.nameEn,
        measures: dashboard.measures,
      },
    ],
    totals: dashboard.measures,
  };
}

// ---- Public impact --------------------------------------------------------------------------------------------------

/**
 * The reader of the public figures: the impact portfolio's aggregates (verified values, final assessments) are read
 * with an officer's breadth, and only the aggregates are passed on. No request's session is involved.
 */
const PUBLIC_READER: Actor = systemActor('00000000-0000-0000-0000-000000000000', ['programme_officer']);

/**
 * Public impact figures, aggregated only (no names of people or organisations, no projects listed, no drafts):
 * money funded per fiscal year and theme (each award split evenly over its themes), projects, published innovations
 * by current SRL, adoptions of published innovations, sums of verified outcome indicators where their units allow,
 * and the SROI of final assessments aggregated per programme. A year, when given, limits everything to the projects
 * of that year (and the innovations made from them).
 */
export async function getPublicImpact(db: Database, query: PublicImpactQuery): Promise<PublicImpact> {
  const fiscalYear = query.fiscalYear ?? null;
  const funded = await repo.listFundedProjects(db, fiscalYear);
  const fiscalYears = await repo.listAllProjectYears(db);
  const themeRows = await repo.listThemes(db);
  const bySrl = await repo.countPublishedInnovationsBySrl(db, fiscalYear);
  const adoptionFacts = await repo.countPublicAdoptions(db, fiscalYear);
  const yearQuery = fiscalYear === null ? {} : { fiscalYear };
  const portfolio = await getPortfolio(
    db,
    PUBLIC_READER,
    { by: 'programme', ...yearQuery },
    { withIndicators: false },
  );
  const indicators = await sumPortfolioIndicators(db, PUBLIC_READER, yearQuery);

  const years = new Map<
    number,
    { projects: number; fundedSatang: number; themes: Map<string | null, number> }
  >();
  const provinces = new Set<number>(adoptionFacts.provinceCodes);
  for (const p of funded) {
    const year = years.get(p.fiscalYear) ?? { projects: 0, fundedSatang: 0, themes: new Map() };
    year.projects += 1;
    year.fundedSatang += p.awardSatang;
    const keys: Array<string | null> = p.themes.length === 0 ? [null] : [...new Set(p.themes)];
    splitEvenly(p.awardSatang, keys.length).forEach((amount, i) => {
      const key = keys[i] ?? null;
      year.themes.set(key, (year.themes.get(key) ?? 0) + amount);
    });
    years.set(p.fiscalYear, year);
    p.provinceCodes.forEach((code) => provinces.add(code));
  }
  const themeOrder = new Map(themeRows.map((t, i) => [t.code, i]));
  const adoptionTotal = adoptionFacts.byStatus.reduce((s, r) => s + r.count, 0);
  const adopted = adoptionFacts.byStatus
    .filter((r) => r.status === 'adopted' || r.status === 'sustained')
    .reduce((s, r) => s + r.count, 0);
  return {
    fiscalYear,
    fiscalYears,
    totals: {
      fundedSatang: funded.reduce((s, p) => s + p.awardSatang, 0),
      projects: funded.length,
      closedProjects: funded.filter((p) => p.status === 'closed').length,
      innovations: bySrl.reduce((s, r) => s + r.count, 0),
      adoptions: adoptionTotal,
      adoptedSites: adopted,
      provincesReached: provinces.size,
    },
    fundingByYear: [...years.entries()]
      .sort(([a], [b]) => a - b)
      .map(([year, y]) => ({
        fiscalYear: year,
        projects: y.projects,
        fundedSatang: y.fundedSatang,
        byTheme: [...y.themes.entries()]
          .map(([theme, fundedSatang]) => ({ theme, fundedSatang }))
          .sort(
            (a, b) =>
              (a.theme === null ? Infinity : (themeOrder.get(a.theme) ?? 99)) -
              (b.theme === null ? Infinity : (themeOrder.get(b.theme) ?? 99)),
          ),
      })),
    themes: themeRows,
    innovationsBySrl: bySrl,
    adoptionsByStatus: adoptionFacts.byStatus,
    outcomes: indicators.map((i) => ({
      code: i.code,
      nameTh: i.nameTh,
      nameEn: i.nameEn,
      unitTh: i.unitTh,
      unitEn: i.unitEn,
      aggregation: i.aggregation,
      projectCount: i.projectCount,
      value: i.value,
    })),
    sroiByProgramme: portfolio.groups.map((g) => ({
      programmeId: g.key,
      nameTh: g.nameTh,
      nameEn: g.nameEn,
      projectCount: g.projectCount,
      assessmentCount: g.sroi.assessmentCount,
      presentValueSatang: g.sroi.presentValueSatang,
      investmentSatang: g.sroi.investmentSatang,
      ratio: g.sroi.ratio,
    })),
  };
}
