import type { Database } from '@server/db/client';
import { AppError } from '@server/lib/errors';
import { authorize, type Actor } from '@server/lib/authz';
import { getProjectAccess } from '@server/modules/projects/projects.service';
import type { IndicatorAggregation, IndicatorDirection } from '@shared/contracts/impact-library';
import type { IndicatorValueSource, IndicatorValueStatus } from '@shared/contracts/impact-project';
import type { ImpactReport, ReportAssessment, ReportIndicator } from '@shared/contracts/impact-report';
import type { SroiAssessmentKind, SroiAssessmentStatus } from '@shared/contracts/sroi-assessments';
import { impactPolicy } from './impact.policy';
import * as repo from './impact-reports.repo';

const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * Rolls period values up by an indicator's aggregation: `sum` adds them, `mean` averages them, `latest` takes the
 * value of the latest period (values come ordered by period). Null when there are none.
 */
export function rollUp(values: readonly number[], aggregation: string): number | null {
  if (values.length === 0) {
    return null;
  }
  switch (aggregation) {
    case 'mean':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'latest':
      return values.at(-1) ?? null;
    default:
      return values.reduce((a, b) => a + b, 0);
  }
}

const satang = (value: number) => Math.round(value);

/** A stored assessment as the report shows it; null when it has no result (it cannot be final without one). */
export function toReportAssessment(row: repo.AssessmentRow): ReportAssessment | null {
  const result = row.result;
  if (!result) {
    return null;
  }
  const model = row.model;
  const stakeholderName = new Map(model.stakeholders.map((s) => [s.id, s.name]));
  const nameOf = (id: string | null) => (id === null ? '' : (stakeholderName.get(id) ?? ''));
  const perOutcome = new Map(result.perOutcome.map((o) => [o.id, o]));
  return {
    id: row.id,
    kind: row.kind as SroiAssessmentKind,
    versionNo: row.versionNo,
    status: row.status as SroiAssessmentStatus,
    title: row.title,
    finalisedAt: row.finalisedAt ? iso(row.finalisedAt) : null,
    convention: result.convention,
    discountRate: result.discountRate,
    currency: result.currency ?? model.currency,
    stakeholders: model.stakeholders.map((s) => ({ id: s.id, name: s.name, size: s.size })),
    inputs: model.inputs.map((input, i) => ({
      label: input.label,
      stakeholder: nameOf(input.stakeholderId),
      year: input.year,
      nonCash: input.nonCash,
      valueSatang: input.valueSatang,
      presentValueSatang: satang(result.perInput[i]?.presentValue ?? input.valueSatang),
    })),
    valueMap: model.outcomes.map((o) => {
      const computed = perOutcome.get(o.id);
      return {
        outcomeId: o.id,
        stakeholder: nameOf(o.stakeholderId),
        description: o.description,
        indicator: o.indicator,
        quantity: o.quantity,
        quantityByYear: o.quantityByYear,
        proxyLabel: o.proxyLabel,
        proxySatang: o.proxySatang,
        proxySource: o.proxySource,
        proxySourceUrl: o.proxySourceUrl,
        deadweight: o.deadweight,
        displacement: o.displacement,
        attribution: o.attribution,
        dropoff: o.dropoff,
        duration: o.duration,
        startYear: o.startYear,
        grossValueSatang: satang(computed?.grossValue ?? 0),
        impactSatang: satang(computed?.impact ?? 0),
        presentValueSatang: satang(computed?.presentValue ?? 0),
      };
    }),
    presentValueSatang: satang(result.presentValue),
    investmentPresentValueSatang: satang(result.investmentPresentValue),
    netPresentValueSatang: satang(result.netPresentValue),
    ratio: result.ratio,
    netRatio: result.netRatio,
    ratioDisplay: result.ratioDisplay,
    paybackMonths: result.paybackMonths,
    discountedPaybackMonths: result.discountedPaybackMonths,
    perYear: result.perYear.map((y) => ({ year: y.year, presentValueSatang: satang(y.presentValue) })),
    sensitivity: {
      change: result.sensitivity.change,
      rows: result.sensitivity.rows.map((r) => ({
        parameter: r.parameter,
        change: r.change,
        ratio: r.ratio,
      })),
      ratioRange: result.sensitivity.ratioRange,
    },
    switchingValues: {
      proxyMultiplier: result.switchingValues.proxyMultiplier,
      deadweight: result.switchingValues.deadweight,
      displacement: result.switchingValues.displacement,
      attribution: result.switchingValues.attribution,
      dropoff: result.switchingValues.dropoff,
    },
    warnings: result.warnings.map((w) => ({ code: w.code, path: w.path, message: w.message })),
  };
}

function toReportIndicator(
  row: Awaited<ReturnType<typeof repo.listProjectIndicators>>[number],
  values: Awaited<ReturnType<typeof repo.listProjectValues>>,
): ReportIndicator {
  const own = values.filter((v) => v.projectIndicatorId === row.id);
  const counted = own.filter((v) => v.status !== 'queried').map((v) => v.value);
  const verified = own.filter((v) => v.status === 'verified').map((v) => v.value);
  const count = (status: string) => own.filter((v) => v.status === status).length;
  return {
    id: row.id,
    code: row.code,
    isLibrary: row.indicatorId !== null,
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    unitTh: row.unitTh,
    unitEn: row.unitEn,
    type: row.type,
    direction: row.direction as IndicatorDirection,
    aggregation: row.aggregation as IndicatorAggregation,
    logicNodeId: row.logicNodeId,
    baseline: row.baseline,
    target: row.target,
    actual: rollUp(counted, row.aggregation),
    verifiedActual: rollUp(verified, row.aggregation),
    counts: { verified: count('verified'), submitted: count('submitted'), queried: count('queried') },
    verifiedShare: own.length === 0 ? null : verified.length / own.length,
    values: own.map((v) => ({
      id: v.id,
      periodStart: v.periodStart,
      periodEnd: v.periodEnd,
      value: v.value,
      status: v.status as IndicatorValueStatus,
      source: v.source as IndicatorValueSource,
    })),
  };
}

/**
 * The impact report of a project, for anyone who may read the project: its logic model, its indicators with baseline,
 * target and actuals (and how many are verified), and the latest FINAL SROI assessment of each kind (forecast,
 * evaluative) with its value map, ratios, payback and sensitivity. Drafts are listed only. NOT_FOUND when the actor
 * may not read the project.
 */
export async function getImpactReport(
  db: Database,
  actor: Actor,
  projectId: string,
  now: Date,
): Promise<ImpactReport> {
  const { access } = await getProjectAccess(db, actor, projectId);
  authorize(actor, impactPolicy.read, access);
  // One query after the other: `db` may be a single connection (PGlite).
  const project = await repo.findReportProject(db, projectId);
  if (!project) {
    throw new AppError('NOT_FOUND');
  }
  const logic = await repo.findLogicModel(db, projectId);
  const indicators = await repo.listProjectIndicators(db, projectId);
  const values = await repo.listProjectValues(db, projectId);
  const assessments = await repo.listAssessments(db, projectId);
  const latestFinal = (kind: SroiAssessmentKind) => {
    const row = assessments.find((a) => a.kind === kind && a.status === 'final');
    return row ? toReportAssessment(row) : null;
  };
  return {
    project: {
      ...project,
      organisationNameEn: project.organisationNameEn ?? '',
      awardSatang: project.awardSatang,
    },
    logicModel: { nodes: logic?.nodes ?? [], updatedAt: logic ? iso(logic.updatedAt) : null },
    indicators: indicators.map((row) => toReportIndicator(row, values)),
    sroi: {
      forecast: latestFinal('forecast'),
      evaluative: latestFinal('evaluative'),
      drafts: assessments
        .filter((a) => a.status === 'draft')
        .map((a) => ({ id: a.id, kind: a.kind as SroiAssessmentKind, versionNo: a.versionNo })),
    },
    generatedAt: iso(now),
  };
}
