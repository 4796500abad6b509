import { z } from 'zod';
import { LANGUAGES } from '@shared/i18n/languages';
import { THEME_CODES } from '@shared/reference/themes';
import { INDICATOR_AGGREGATIONS, INDICATOR_DIRECTIONS } from './impact-library';
import { INDICATOR_VALUE_SOURCES, INDICATOR_VALUE_STATUSES, LogicNodeSchema } from './impact-project';
import { SroiConventionSchema } from './sroi';
import { PROJECT_STATUSES } from './projects';
import { SROI_ASSESSMENT_KINDS, SROI_ASSESSMENT_STATUSES } from './sroi-assessments';

// ---- The project's impact report ------------------------------------------------------------------------------------

export const ImpactReportQuerySchema = z.object({ lang: z.enum(LANGUAGES).optional() }).strict();
export type ImpactReportQuery = z.infer<typeof ImpactReportQuerySchema>;

export const ReportIndicatorValueSchema = z.object({
  id: z.uuid(),
  periodStart: z.string().nullable(),
  periodEnd: z.string(),
  value: z.number(),
  status: z.enum(INDICATOR_VALUE_STATUSES),
  source: z.enum(INDICATOR_VALUE_SOURCES),
});

/**
 * A project indicator with its values. `actual` rolls up every value that is not queried by the indicator's
 * aggregation (sum, mean, or the latest period); `verifiedActual` does the same with verified values only.
 */
export const ReportIndicatorSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  /** True when the indicator comes from the library (its code and unit are the library's). */
  isLibrary: z.boolean(),
  nameTh: z.string(),
  nameEn: z.string(),
  unitTh: z.string(),
  unitEn: z.string(),
  type: z.string(),
  direction: z.enum(INDICATOR_DIRECTIONS),
  aggregation: z.enum(INDICATOR_AGGREGATIONS),
  logicNodeId: z.string().nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  actual: z.number().nullable(),
  verifiedActual: z.number().nullable(),
  counts: z.object({ verified: z.number().int(), submitted: z.number().int(), queried: z.number().int() }),
  /** Verified values ÷ all values; null when there are none. */
  verifiedShare: z.number().nullable(),
  values: z.array(ReportIndicatorValueSchema),
});
export type ReportIndicator = z.infer<typeof ReportIndicatorSchema>;

/** One line of the SROI value map (impact map): money in satang, percentages as fractions. */
export const ValueMapRowSchema = z.object({
  outcomeId: z.string(),
  stakeholder: z.string(),
  description: z.string(),
  indicator: z.string(),
  quantity: z.number().nullable(),
  quantityByYear: z.array(z.number()).nullable(),
  proxyLabel: z.string(),
  proxySatang: z.number(),
  proxySource: z.string(),
  proxySourceUrl: z.string(),
  deadweight: z.number(),
  displacement: z.number(),
  attribution: z.number(),
  dropoff: z.number().nullable(),
  duration: z.number().nullable(),
  startYear: z.number(),
  /** G_o = Q × P in the first counted year. */
  grossValueSatang: z.number(),
  /** I_o: one year's impact after the deductions. */
  impactSatang: z.number(),
  presentValueSatang: z.number(),
});
export type ValueMapRow = z.infer<typeof ValueMapRowSchema>;

export const SENSITIVITY_PARAMETERS = [
  'deadweight',
  'displacement',
  'attribution',
  'dropoff',
  'proxy',
  'quantity',
  'inputs',
] as const;

/** A final SROI assessment as the report shows it; figures from its stored engine result. */
export const ReportAssessmentSchema = z.object({
  id: z.uuid(),
  kind: z.enum(SROI_ASSESSMENT_KINDS),
  versionNo: z.number().int(),
  status: z.enum(SROI_ASSESSMENT_STATUSES),
  title: z.string(),
  finalisedAt: z.string().nullable(),
  convention: SroiConventionSchema,
  discountRate: z.number(),
  currency: z.string(),
  stakeholders: z.array(z.object({ id: z.string(), name: z.string(), size: z.number().nullable() })),
  inputs: z.array(
    z.object({
      label: z.string(),
      stakeholder: z.string(),
      year: z.number().int(),
      nonCash: z.boolean(),
      valueSatang: z.number(),
      presentValueSatang: z.number(),
    }),
  ),
  valueMap: z.array(ValueMapRowSchema),
  presentValueSatang: z.number(),
  investmentPresentValueSatang: z.number(),
  netPresentValueSatang: z.number(),
  /** Gross SROI ratio PV ÷ PV of the investment. */
  ratio: z.number(),
  /** Net SROI ratio (PV − investment) ÷ investment = ratio − 1: never the headline. */
  netRatio: z.number(),
  /** The gross ratio written "X : 1" (uk) and "1 : X" (th). */
  ratioDisplay: z.object({ uk: z.string(), th: z.string() }),
  paybackMonths: z.number().nullable(),
  discountedPaybackMonths: z.number().nullable(),
  perYear: z.array(z.object({ year: z.number(), presentValueSatang: z.number() })),
  sensitivity: z.object({
    change: z.number(),
    rows: z.array(
      z.object({ parameter: z.enum(SENSITIVITY_PARAMETERS), change: z.number(), ratio: z.number() }),
    ),
    ratioRange: z.object({ low: z.number(), high: z.number() }),
  }),
  switchingValues: z.object({
    proxyMultiplier: z.number().nullable(),
    deadweight: z.number().nullable(),
    displacement: z.number().nullable(),
    attribution: z.number().nullable(),
    dropoff: z.number().nullable(),
  }),
  warnings: z.array(z.object({ code: z.string(), path: z.string(), message: z.string() })),
});
export type ReportAssessment = z.infer<typeof ReportAssessmentSchema>;

export const ImpactReportSchema = z.object({
  project: z.object({
    id: z.uuid(),
    agreementNumber: z.string(),
    titleTh: z.string(),
    titleEn: z.string(),
    organisationNameTh: z.string(),
    organisationNameEn: z.string(),
    programmeNameTh: z.string().nullable(),
    programmeNameEn: z.string().nullable(),
    drivingUnitNameTh: z.string().nullable(),
    drivingUnitNameEn: z.string().nullable(),
    fiscalYear: z.number().int(),
    status: z.string(),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    awardSatang: z.number(),
  }),
  logicModel: z.object({ nodes: z.array(LogicNodeSchema), updatedAt: z.string().nullable() }),
  indicators: z.array(ReportIndicatorSchema),
  sroi: z.object({
    /** The latest final version of each kind; null when there is none. */
    forecast: ReportAssessmentSchema.nullable(),
    evaluative: ReportAssessmentSchema.nullable(),
    /** Drafts not yet final (listed, their figures not reported). */
    drafts: z.array(
      z.object({ id: z.uuid(), kind: z.enum(SROI_ASSESSMENT_KINDS), versionNo: z.number().int() }),
    ),
  }),
  generatedAt: z.string(),
});
export type ImpactReport = z.infer<typeof ImpactReportSchema>;

// ---- Portfolio views ------------------------------------------------------------------------------------------------

export const PORTFOLIO_DIMENSIONS = ['programme', 'driving_unit', 'province', 'theme'] as const;
export type PortfolioDimension = (typeof PORTFOLIO_DIMENSIONS)[number];

export const PortfolioQuerySchema = z
  .object({
    by: z.enum(PORTFOLIO_DIMENSIONS).default('programme'),
    /** Fiscal year (Buddhist Era). */
    fiscalYear: z.coerce.number().int().min(2500).max(2700).optional(),
    programmeId: z.uuid().optional(),
    /** Officers only; a unit's staff always see their own unit. */
    drivingUnitId: z.uuid().optional(),
  })
  .strict();
export type PortfolioQuery = z.infer<typeof PortfolioQuerySchema>;

/** Σ PV ÷ Σ investment over the latest final assessment of each project (evaluative preferred, else forecast). */
export const PortfolioSroiSchema = z.object({
  aggregated: z.literal(true),
  assessmentCount: z.number().int(),
  evaluativeCount: z.number().int(),
  forecastCount: z.number().int(),
  presentValueSatang: z.number(),
  investmentSatang: z.number(),
  ratio: z.number().nullable(),
});
export type PortfolioSroi = z.infer<typeof PortfolioSroiSchema>;

/**
 * A library indicator summed over projects: only project indicators with the same library code AND the same unit are
 * added, by the indicator's aggregation (sum: the sum of each project's total; mean: the mean of the projects' means;
 * latest: the sum of each project's latest value). Verified values only.
 */
export const PortfolioIndicatorSchema = z.object({
  indicatorId: z.uuid(),
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  unitTh: z.string(),
  unitEn: z.string(),
  aggregation: z.enum(INDICATOR_AGGREGATIONS),
  projectCount: z.number().int(),
  value: z.number(),
});
export type PortfolioIndicator = z.infer<typeof PortfolioIndicatorSchema>;

export const PortfolioFiguresSchema = z.object({
  projectCount: z.number().int(),
  projectsWithIndicators: z.number().int(),
  valueCount: z.number().int(),
  verifiedCount: z.number().int(),
  verifiedShare: z.number().nullable(),
  sroi: PortfolioSroiSchema,
  indicators: z.array(PortfolioIndicatorSchema),
});
export type PortfolioFigures = z.infer<typeof PortfolioFiguresSchema>;

export const PortfolioGroupSchema = PortfolioFiguresSchema.extend({
  /** Programme or unit id, province code or theme code; null for projects without one. */
  key: z.string().nullable(),
  nameTh: z.string(),
  nameEn: z.string(),
});
export type PortfolioGroup = z.infer<typeof PortfolioGroupSchema>;

export const PortfolioSchema = z.object({
  by: z.enum(PORTFOLIO_DIMENSIONS),
  fiscalYear: z.number().int().nullable(),
  programmeId: z.string().nullable(),
  /** The unit the view is limited to (a unit's staff: always theirs). */
  drivingUnitId: z.string().nullable(),
  /** True for provinces and themes: a project in several counts in each group, so groups add up to more. */
  countsInSeveral: z.boolean(),
  groups: z.array(PortfolioGroupSchema),
  /** Every project once. */
  totals: PortfolioFiguresSchema,
  options: z.object({
    fiscalYears: z.array(z.number().int()),
    programmes: z.array(z.object({ id: z.string(), nameTh: z.string(), nameEn: z.string() })),
  }),
});
export type Portfolio = z.infer<typeof PortfolioSchema>;

// ---- A portfolio group's projects (drill-down) ----------------------------------------------------------------------

/** The key of the group of projects without a programme, unit, province or theme (a group whose `key` is null). */
export const PORTFOLIO_NO_KEY = 'none';
/** At most this many projects are listed per group; `total` always counts them all. */
export const PORTFOLIO_PROJECTS_LIMIT = 200;

const isGroupKey = (by: PortfolioDimension, key: string): boolean => {
  if (key === PORTFOLIO_NO_KEY) {
    return true;
  }
  switch (by) {
    case 'programme':
    case 'driving_unit':
      return z.uuid().safeParse(key).success;
    case 'province':
      return /^[1-9]\d{0,3}$/.test(key);
    case 'theme':
      return (THEME_CODES as readonly string[]).includes(key);
  }
};

/** One group of the portfolio (same filters as the portfolio) whose projects to list. */
export const PortfolioProjectsQuerySchema = z
  .object({
    by: z.enum(PORTFOLIO_DIMENSIONS),
    /** The group's key as the portfolio gives it, or `none` for the group without one. */
    key: z.string().min(1).max(64),
    fiscalYear: z.coerce.number().int().min(2500).max(2700).optional(),
    programmeId: z.uuid().optional(),
    /** Officers only; a unit's staff always see their own unit. */
    drivingUnitId: z.uuid().optional(),
  })
  .strict()
  .refine((q) => isGroupKey(q.by, q.key), { path: ['key'], message: 'Not a key of this dimension' });
export type PortfolioProjectsQuery = z.infer<typeof PortfolioProjectsQuerySchema>;

/** A project of a group, with the figures the group counts for it. */
export const PortfolioProjectSchema = z.object({
  id: z.uuid(),
  agreementNumber: z.string(),
  titleTh: z.string(),
  titleEn: z.string(),
  status: z.enum(PROJECT_STATUSES),
  hasIndicators: z.boolean(),
  valueCount: z.number().int(),
  verifiedCount: z.number().int(),
  verifiedShare: z.number().nullable(),
  /** The assessment counted in the group's SROI (latest final, evaluative preferred), or null. */
  sroi: z
    .object({
      assessmentId: z.uuid(),
      kind: z.enum(SROI_ASSESSMENT_KINDS),
      versionNo: z.number().int(),
      presentValueSatang: z.number(),
      investmentSatang: z.number(),
      /** Gross ratio PV ÷ investment (null when the investment is zero). */
      ratio: z.number().nullable(),
    })
    .nullable(),
});
export type PortfolioProject = z.infer<typeof PortfolioProjectSchema>;

export const PortfolioProjectsSchema = z.object({
  by: z.enum(PORTFOLIO_DIMENSIONS),
  key: z.string().nullable(),
  /** The unit the list is limited to (a unit's staff: always theirs). */
  drivingUnitId: z.string().nullable(),
  /** Every project of the group (equals the group's projectCount). */
  total: z.number().int(),
  /** The first PORTFOLIO_PROJECTS_LIMIT of them, by agreement number. */
  projects: z.array(PortfolioProjectSchema),
});
export type PortfolioProjects = z.infer<typeof PortfolioProjectsSchema>;
