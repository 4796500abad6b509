import { z } from 'zod';
import type { Database, DbOrTx } from '@server/db/client';
import { AppError } from '@server/lib/errors';
import type { Actor } from '@server/lib/authz';
import { isProjectOfficer } from '@server/modules/projects/projects.policy';
import * as jobs from '@server/modules/jobs/jobs.service';
import { LANGUAGES } from '@shared/i18n/languages';
import {
  EXPORT_FORMATS,
  PolicyReportFiltersSchema,
  type FundingGapRow,
  type NeedCell,
  type OutcomeRow,
  type PolicyReport,
  type PolicyReportExportBody,
  type PolicyReportFilters,
  type TrendRow,
} from '@shared/contracts/insights';
import { canSeeInsights } from './insights.policy';
import * as repo from './insights.repo';
import { renderPolicyReport } from './insights.export';

/** The steps of building a report, for a job's progress bar (i18n keys). */
export const REPORT_STEPS = [
  'insights.jobs.steps.reference',
  'insights.jobs.steps.needs',
  'insights.jobs.steps.funding',
  'insights.jobs.steps.trends',
  'insights.jobs.steps.results',
] as const;

/** Told before each step of REPORT_STEPS (its index and key). */
export type ReportStepListener = (index: number, stepKey: string) => Promise<void>;

/** Who the report is for: every unit (null) or one unit's staff. */
export interface ReportAudience {
  drivingUnitId: string | null;
}

/** Officers and administrators see everything; a unit's staff their unit; others FORBIDDEN. */
export function audienceOf(actor: Actor): ReportAudience {
  if (!canSeeInsights(actor)) {
    throw new AppError('FORBIDDEN', 'errors.insights.FORBIDDEN');
  }
  return { drivingUnitId: isProjectOfficer(actor) ? null : actor.drivingUnitId };
}

const round = (value: number) => Math.round(value);

interface GapSlot {
  needs: number;
  proposals: number;
  requested: number;
  awards: number;
  awarded: number;
}

const emptySlot = (): GapSlot => ({ needs: 0, proposals: 0, requested: 0, awards: 0, awarded: 0 });

function slotOf(map: Map<string | null, GapSlot>, key: string | null): GapSlot {
  let slot = map.get(key);
  if (!slot) {
    slot = emptySlot();
    map.set(key, slot);
  }
  return slot;
}

function gapRows(map: Map<string | null, GapSlot>, order: readonly string[]): FundingGapRow[] {
  const rank = (key: string | null) => (key === null ? order.length : Math.max(0, order.indexOf(key)));
  return [...map.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([key, s]) => ({
      key,
      needs: s.needs,
      proposals: s.proposals,
      requestedSatang: round(s.requested),
      awards: s.awards,
      awardedSatang: round(s.awarded),
      gapSatang: round(s.requested) - round(s.awarded),
      awardRate: s.requested > 0 ? s.awarded / s.requested : null,
    }));
}

/** Each item once, or [null] for none: a record without a theme (province) counts under "not stated". */
const orNone = <T>(values: readonly T[]): Array<T | null> =>
  values.length === 0 ? [null] : [...new Set(values)];

/**
 * The policy report for an audience and filters: needs (problem statements, first-stage proposals, community needs)
 * by theme × region; funding gaps by region and by theme (final-stage proposals: requested against released awards,
 * money split evenly among a proposal's provinces or themes); trends by fiscal year (calls, proposals, awards, money
 * requested, awarded and paid, projects closed); results (projects, innovations published, adoptions, beneficiaries,
 * verified outcome values). A unit's staff see their unit's projects, innovations and adoptions and the needs and
 * proposals of their unit's provinces. Counts only: no person appears in it.
 */
export async function buildPolicyReport(
  db: DbOrTx,
  audience: ReportAudience,
  filters: PolicyReportFilters,
  now: Date,
  onStep: ReportStepListener = async () => {},
): Promise<PolicyReport> {
  // One query after the other: `db` may be a single connection (PGlite).
  await onStep(0, REPORT_STEPS[0]);
  const unit = audience.drivingUnitId ? await repo.findDrivingUnit(db, audience.drivingUnitId) : undefined;
  const unitProvinces = audience.drivingUnitId
    ? await repo.listUnitProvinces(db, audience.drivingUnitId)
    : null;
  const scope: repo.InsightScope = {
    fiscalYearFrom: filters.fiscalYearFrom ?? null,
    fiscalYearTo: filters.fiscalYearTo ?? null,
    programmeId: filters.programme ?? null,
    theme: filters.theme ?? null,
    drivingUnitId: audience.drivingUnitId,
    provinceCodes: unitProvinces,
  };
  const reference = await repo.listReference(db);
  const fiscalYears = await repo.listFiscalYears(db);
  const programme = scope.programmeId ? await repo.findProgramme(db, scope.programmeId) : undefined;
  const regionOf = new Map(reference.provinces.map((p) => [p.code, p.regionCode]));
  const regionsOf = (codes: readonly number[]) =>
    orNone(codes.map((c) => regionOf.get(c)).filter((r): r is string => r !== undefined));
  const themesOf = (codes: readonly (string | null)[]) =>
    scope.theme === null ? orNone(codes.filter((c): c is string => c !== null)) : [scope.theme];
  const themeOrder = reference.themes.map((t) => t.code);
  const regionOrder = reference.regions.map((r) => r.code);

  await onStep(1, REPORT_STEPS[1]);
  const statements = await repo.listProblemStatements(db, scope);
  const communityNeeds = await repo.listCommunityNeeds(db, scope);
  const proposalRows = await repo.listProposals(db, scope);
  const cells = new Map<string, NeedCell>();
  const cell = (theme: string | null, region: string | null) => {
    const key = JSON.stringify([theme, region]);
    let found = cells.get(key);
    if (!found) {
      found = { theme, region, problemStatements: 0, proposals: 0, communityNeeds: 0 };
      cells.set(key, found);
    }
    return found;
  };
  const byRegion = new Map<string | null, GapSlot>();
  const byTheme = new Map<string | null, GapSlot>();
  for (const s of statements) {
    const region = s.provinceCode === null ? null : (regionOf.get(s.provinceCode) ?? null);
    cell(s.theme, region).problemStatements += 1;
    slotOf(byRegion, region).needs += 1;
    slotOf(byTheme, s.theme).needs += 1;
  }
  for (const n of communityNeeds) {
    const region = regionOf.get(n.provinceCode) ?? null;
    cell(n.theme, region).communityNeeds += 1;
    slotOf(byRegion, region).needs += 1;
    slotOf(byTheme, n.theme).needs += 1;
  }
  const firstStage = proposalRows.filter((p) => p.stage !== 'full');
  for (const p of firstStage) {
    for (const theme of themesOf(p.themes)) {
      for (const region of regionsOf(p.provinceCodes)) {
        cell(theme, region).proposals += 1;
      }
    }
  }

  await onStep(2, REPORT_STEPS[2]);
  // final stages carry the money: single-stage and full proposals (a concept note asks for nothing yet)
  const finalStage = proposalRows.filter((p) => p.stage !== 'concept');
  for (const p of finalStage) {
    const awarded = p.isAwarded ? (p.awardedSatang ?? 0) : 0;
    const provinceList = p.provinceCodes.length === 0 ? [null] : p.provinceCodes;
    const regionShares = new Map<string | null, number>();
    for (const code of provinceList) {
      const region = code === null ? null : (regionOf.get(code) ?? null);
      regionShares.set(region, (regionShares.get(region) ?? 0) + 1 / provinceList.length);
    }
    for (const [region, share] of regionShares) {
      const slot = slotOf(byRegion, region);
      slot.proposals += 1;
      slot.requested += p.requestedSatang * share;
      slot.awards += p.isAwarded ? 1 : 0;
      slot.awarded += awarded * share;
    }
    const themeList = themesOf(p.themes);
    for (const theme of themeList) {
      const slot = slotOf(byTheme, theme);
      slot.proposals += 1;
      slot.requested += p.requestedSatang / themeList.length;
      slot.awards += p.isAwarded ? 1 : 0;
      slot.awarded += awarded / themeList.length;
    }
  }

  await onStep(3, REPORT_STEPS[3]);
  const callCounts = await repo.countCallsByYear(db, scope);
  const projectRows = await repo.listProjects(db, scope);
  const years = new Map<number, TrendRow>();
  const year = (fy: number) => {
    let row = years.get(fy);
    if (!row) {
      row = {
        fiscalYear: fy,
        calls: 0,
        proposals: 0,
        awards: 0,
        requestedSatang: 0,
        awardedSatang: 0,
        paidSatang: 0,
        projectsClosed: 0,
      };
      years.set(fy, row);
    }
    return row;
  };
  for (const c of callCounts) {
    year(c.fiscalYear).calls += c.count;
  }
  for (const p of firstStage) {
    year(p.fiscalYear).proposals += 1;
  }
  for (const p of finalStage) {
    const row = year(p.fiscalYear);
    row.requestedSatang += p.requestedSatang;
    if (p.isAwarded) {
      row.awards += 1;
      row.awardedSatang += p.awardedSatang ?? 0;
    }
  }
  for (const p of projectRows) {
    const row = year(p.fiscalYear);
    row.paidSatang += Number(p.paidSatang);
    row.projectsClosed += p.status === 'closed' ? 1 : 0;
  }

  await onStep(4, REPORT_STEPS[4]);
  const innovationsPublished = await repo.countPublishedInnovations(db, scope);
  const adoptionRows = await repo.listAdoptions(db, scope);
  const outcomeRows = await repo.listVerifiedOutcomes(db, scope);
  const verifiedValues = await repo.countVerifiedValues(db, scope);
  const outcomes: OutcomeRow[] = outcomeRows.map((o) => ({
    code: o.code,
    nameTh: o.nameTh,
    nameEn: o.nameEn,
    unitTh: o.unitTh,
    unitEn: o.unitEn,
    aggregation: o.aggregation,
    projects: o.projects,
    values: o.values,
    total: o.aggregation === 'sum' && o.total !== null ? Number(o.total) : null,
  }));

  const cellList = [...cells.values()].sort(
    (a, b) =>
      (a.theme === null ? 99 : themeOrder.indexOf(a.theme)) -
        (b.theme === null ? 99 : themeOrder.indexOf(b.theme)) ||
      (a.region === null ? 99 : regionOrder.indexOf(a.region)) -
        (b.region === null ? 99 : regionOrder.indexOf(b.region)),
  );
  return {
    filters: {
      fiscalYearFrom: scope.fiscalYearFrom,
      fiscalYearTo: scope.fiscalYearTo,
      programme: scope.programmeId,
      theme: scope.theme,
    },
    scope: {
      drivingUnit: unit ? { code: unit.id, nameTh: unit.nameTh, nameEn: unit.nameEn } : null,
      provinceCount: unitProvinces === null ? null : unitProvinces.length,
    },
    generatedAt: now.toISOString(),
    programme: programme ? { code: programme.id, nameTh: programme.nameTh, nameEn: programme.nameEn } : null,
    themes: reference.themes,
    regions: reference.regions,
    needs: {
      cells: cellList,
      totals: {
        problemStatements: statements.length,
        proposals: firstStage.length,
        communityNeeds: communityNeeds.length,
      },
    },
    fundingGaps: { byRegion: gapRows(byRegion, regionOrder), byTheme: gapRows(byTheme, themeOrder) },
    trends: [...years.values()].sort((a, b) => a.fiscalYear - b.fiscalYear),
    results: {
      projects: projectRows.length,
      projectsActive: projectRows.filter((p) => p.status === 'active').length,
      projectsClosed: projectRows.filter((p) => p.status === 'closed').length,
      innovationsPublished,
      adoptions: adoptionRows.length,
      adoptionsInUse: adoptionRows.filter((a) => a.status === 'adopted' || a.status === 'sustained').length,
      beneficiaries: adoptionRows.reduce(
        (sum, a) => sum + a.beneficiaries.reduce((s, b) => s + b.count, 0),
        0,
      ),
      verifiedValues,
      outcomes,
    },
    options: { fiscalYears, programmes: reference.programmes },
  };
}

/** The policy report on screen (officers: all; a unit's staff: their unit). */
export async function getPolicyReport(
  db: Database,
  actor: Actor,
  filters: PolicyReportFilters,
  now: Date,
): Promise<PolicyReport> {
  return buildPolicyReport(db, audienceOf(actor), filters, now);
}

const PolicyReportJobParamsSchema = z.object({
  format: z.enum(EXPORT_FORMATS),
  lang: z.enum(LANGUAGES),
  filters: PolicyReportFiltersSchema,
  /** The audience fixed when the job was asked for. */
  drivingUnitId: z.uuid().nullable(),
});

/** The job that builds the policy report and renders it as XLSX, CSV or PDF: one step per part, then the file. */
export const policyReportJob = jobs.defineJobHandler({
  kind: 'policy-report',
  params: PolicyReportJobParamsSchema,
  total: () => REPORT_STEPS.length + 1,
  async run({ db, params, step, now }) {
    const report = await buildPolicyReport(
      db,
      { drivingUnitId: params.drivingUnitId },
      params.filters,
      now,
      (index, stepKey) => step(index, stepKey),
    );
    await step(REPORT_STEPS.length, 'insights.jobs.steps.render');
    return renderPolicyReport(report, params.format, params.lang, now);
  },
});

/**
 * Queues the export of the policy report (XLSX, CSV or PDF, in Thai or English) as a job of the actor, with the
 * actor's audience fixed now (a unit's staff get their unit's report whoever runs it). The caller kicks the worker.
 */
export async function createPolicyReportExport(
  db: Database,
  actor: Actor,
  body: PolicyReportExportBody,
): Promise<{ jobId: string }> {
  const audience = audienceOf(actor);
  return jobs.createJob(db, actor, policyReportJob, {
    format: body.format,
    lang: body.lang,
    filters: body.filters,
    drivingUnitId: audience.drivingUnitId,
  });
}
