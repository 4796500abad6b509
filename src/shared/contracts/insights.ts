import { z } from 'zod';
import { LANGUAGES } from '@shared/i18n/languages';
import { THEME_CODES } from '@shared/reference/themes';

/**
 * Policy insight reports (Flagship objective 2: analyse needs to recommend policy): needs by theme × region, funding
 * gaps, trends by fiscal year and results, for officers (all) and driving-unit staff (their unit), exported as jobs.
 */

const fiscalYear = z.coerce.number().int().min(2500).max(2700);

const filterFields = {
  /** First fiscal year (Buddhist Era) included. */
  fiscalYearFrom: fiscalYear.optional(),
  /** Last fiscal year (Buddhist Era) included. */
  fiscalYearTo: fiscalYear.optional(),
  /** A programme's id. */
  programme: z.uuid().optional(),
  theme: z.enum(THEME_CODES).optional(),
};

const yearsInOrder = (f: { fiscalYearFrom?: number | undefined; fiscalYearTo?: number | undefined }) =>
  f.fiscalYearFrom === undefined || f.fiscalYearTo === undefined || f.fiscalYearFrom <= f.fiscalYearTo;
const yearsMessage = { path: ['fiscalYearTo'], message: 'errors.insights.YEARS_ORDER' };

export const PolicyReportQuerySchema = z.object(filterFields).strict().refine(yearsInOrder, yearsMessage);
export type PolicyReportQuery = z.infer<typeof PolicyReportQuerySchema>;

export const PolicyReportFiltersSchema = z.object(filterFields).strict().refine(yearsInOrder, yearsMessage);
export type PolicyReportFilters = z.infer<typeof PolicyReportFiltersSchema>;

export const EXPORT_FORMATS = ['xlsx', 'csv', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const PolicyReportExportBodySchema = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    lang: z.enum(LANGUAGES),
    filters: PolicyReportFiltersSchema.default({}),
  })
  .strict();
export type PolicyReportExportBody = z.infer<typeof PolicyReportExportBodySchema>;

const NamedSchema = z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string() });
export type Named = z.infer<typeof NamedSchema>;

/** Needs in one theme × region cell; null keys: not stated. Counted in each of its themes and regions. */
export const NeedCellSchema = z.object({
  theme: z.string().nullable(),
  region: z.string().nullable(),
  problemStatements: z.int(),
  proposals: z.int(),
  communityNeeds: z.int(),
});
export type NeedCell = z.infer<typeof NeedCellSchema>;

/**
 * Need against money in one region or theme. Money of a proposal with several provinces (themes) is split evenly
 * among them; counts count it in each.
 */
export const FundingGapRowSchema = z.object({
  key: z.string().nullable(),
  /** Problem statements and community needs. */
  needs: z.int(),
  /** Final-stage proposals (single-stage and full proposals). */
  proposals: z.int(),
  requestedSatang: z.number(),
  awards: z.int(),
  awardedSatang: z.number(),
  /** Requested − awarded. */
  gapSatang: z.number(),
  /** Awarded ÷ requested; null when nothing was requested. */
  awardRate: z.number().nullable(),
});
export type FundingGapRow = z.infer<typeof FundingGapRowSchema>;

export const TrendRowSchema = z.object({
  fiscalYear: z.int(),
  calls: z.int(),
  proposals: z.int(),
  awards: z.int(),
  requestedSatang: z.number(),
  awardedSatang: z.number(),
  paidSatang: z.number(),
  projectsClosed: z.int(),
});
export type TrendRow = z.infer<typeof TrendRowSchema>;

/** Verified values of one library indicator (in one unit) over the projects in scope. */
export const OutcomeRowSchema = z.object({
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  unitTh: z.string(),
  unitEn: z.string(),
  aggregation: z.string(),
  projects: z.int(),
  values: z.int(),
  /** The sum of the verified values, for indicators that add up (aggregation `sum`); else null. */
  total: z.number().nullable(),
});
export type OutcomeRow = z.infer<typeof OutcomeRowSchema>;

export const PolicyResultsSchema = z.object({
  projects: z.int(),
  projectsActive: z.int(),
  projectsClosed: z.int(),
  innovationsPublished: z.int(),
  adoptions: z.int(),
  /** Adopted or sustained. */
  adoptionsInUse: z.int(),
  /** Beneficiaries recorded on the adoptions, all groups. */
  beneficiaries: z.int(),
  verifiedValues: z.int(),
  outcomes: z.array(OutcomeRowSchema),
});
export type PolicyResults = z.infer<typeof PolicyResultsSchema>;

/** The counted results, in the order the report shows them. */
export const POLICY_RESULT_KEYS = [
  'projects',
  'projectsActive',
  'projectsClosed',
  'innovationsPublished',
  'adoptions',
  'adoptionsInUse',
  'beneficiaries',
  'verifiedValues',
] as const satisfies ReadonlyArray<keyof PolicyResults>;

export const PolicyReportSchema = z.object({
  filters: z.object({
    fiscalYearFrom: z.int().nullable(),
    fiscalYearTo: z.int().nullable(),
    programme: z.string().nullable(),
    theme: z.string().nullable(),
  }),
  /** The driving unit a unit's staff member is kept to; null for officers (every unit). */
  scope: z.object({ drivingUnit: NamedSchema.nullable(), provinceCount: z.int().nullable() }),
  generatedAt: z.string(),
  programme: NamedSchema.nullable(),
  themes: z.array(NamedSchema),
  regions: z.array(NamedSchema),
  needs: z.object({
    cells: z.array(NeedCellSchema),
    totals: z.object({ problemStatements: z.int(), proposals: z.int(), communityNeeds: z.int() }),
  }),
  fundingGaps: z.object({ byRegion: z.array(FundingGapRowSchema), byTheme: z.array(FundingGapRowSchema) }),
  trends: z.array(TrendRowSchema),
  results: PolicyResultsSchema,
  options: z.object({
    fiscalYears: z.array(z.int()),
    programmes: z.array(z.object({ id: z.string(), nameTh: z.string(), nameEn: z.string() })),
  }),
});
export type PolicyReport = z.infer<typeof PolicyReportSchema>;

/** The key of the "not stated" theme or region in exports and on the page. */
export const NOT_STATED = 'none';
