import { z } from 'zod';
import { IndicatorCodeSchema } from './indicators';
import { RegionCodeSchema } from './geo';
import { THEME_CODES, type ThemeCode } from '../reference/themes';

/**
 * What the coverage score of the gap index ranks: grant money, grant money per poor person (where a poor-person
 * count exists), projects, beneficiaries or adoptions.
 */
export const COVERAGE_MEASURES = [
  'grant_money',
  'money_per_poor',
  'projects',
  'beneficiaries',
  'adoptions',
] as const;
export type CoverageMeasure = (typeof COVERAGE_MEASURES)[number];

/** The area indicator whose latest figure per province is the poor-person count of "money per poor person". */
export const POOR_COUNT_INDICATOR = 'targeted_poor_count';

export const CoverageQuerySchema = z
  .object({
    /** Area-indicator code of the need figure; the most complete recent poverty indicator when omitted. */
    need: IndicatorCodeSchema.optional(),
    /** Year of the need figure (Common Era, as the indicators are kept); the year with most provinces by default. */
    needYear: z.coerce.number().int().min(1900).max(2200).optional(),
    measure: z.enum(COVERAGE_MEASURES).default('grant_money'),
    /** Programme slug. */
    programme: z.string().min(1).max(100).optional(),
    theme: z.enum(THEME_CODES).optional(),
    /** Fiscal year, Buddhist Era (FY2569 = Oct 2025 – Sep 2026). */
    fiscalYear: z.coerce.number().int().min(2500).max(2700).optional(),
  })
  .strict();
/** The query as a client writes it (every field optional; numbers as numbers). */
export interface CoverageQuery {
  need?: string;
  needYear?: number;
  measure?: CoverageMeasure;
  programme?: string;
  theme?: ThemeCode;
  fiscalYear?: number;
}
export type CoverageFilters = z.output<typeof CoverageQuerySchema>;

export const CoverageNeedSchema = z.object({
  indicator: z.object({
    code: z.string(),
    nameTh: z.string(),
    nameEn: z.string(),
    unit: z.string(),
    descriptionTh: z.string(),
    descriptionEn: z.string(),
    higherIsNeedier: z.boolean(),
    /** Years with figures, latest first (Common Era). */
    years: z.array(z.number().int()),
  }),
  /** The year of the figures shown (Common Era). */
  year: z.number().int(),
  /** Distinct source pages of the figures shown. */
  sources: z.array(z.string()),
  provinceCount: z.number().int(),
  /** Whether the indicator was chosen by default (no `need` in the query). */
  isDefault: z.boolean(),
});
export type CoverageNeed = z.infer<typeof CoverageNeedSchema>;

export const FigureSchema = z.object({
  value: z.number(),
  unit: z.string(),
  year: z.number().int(),
  sourceUrl: z.string(),
});
export type Figure = z.infer<typeof FigureSchema>;

/** One province's need, coverage and gap. */
export const CoverageProvinceSchema = z.object({
  code: z.number().int(),
  nameTh: z.string(),
  nameEn: z.string(),
  regionCode: RegionCodeSchema,
  /** Rank in the poor-province target group, or null outside it. */
  targetRank: z.number().int().nullable(),
  need: FigureSchema.nullable(),
  /** The latest poor-person count of the province (targeted poor, TPMAP), when there is one. */
  poorCount: FigureSchema.nullable(),
  /** The province's share of grant money: each award split evenly over its project's provinces. */
  grantSatang: z.number().int(),
  /** grantSatang ÷ poor-person count, rounded to whole satang; null without a count. */
  grantPerPoorSatang: z.number().int().nullable(),
  projects: z.number().int(),
  beneficiaries: z.number().int(),
  adoptions: z.number().int(),
  needScore: z.number().nullable(),
  coverageScore: z.number().nullable(),
  gap: z.number().nullable(),
  underServed: z.boolean(),
});
export type CoverageProvince = z.infer<typeof CoverageProvinceSchema>;

export const CoverageTotalsSchema = z.object({
  grantSatang: z.number().int(),
  /** Grant money of projects with no province. */
  unassignedSatang: z.number().int(),
  projects: z.number().int(),
  beneficiaries: z.number().int(),
  adoptions: z.number().int(),
  provincesReached: z.number().int(),
  underServed: z.number().int(),
});
export type CoverageTotals = z.infer<typeof CoverageTotalsSchema>;

export const CoverageSchema = z.object({
  filters: z.object({
    programme: z.string().nullable(),
    theme: z.enum(THEME_CODES).nullable(),
    fiscalYear: z.number().int().nullable(),
    measure: z.enum(COVERAGE_MEASURES),
  }),
  /** The need indicator and year shown; null when no area indicator has any figure. */
  need: CoverageNeedSchema.nullable(),
  threshold: z.number(),
  totals: CoverageTotalsSchema,
  /** All 77 provinces, by code. */
  provinces: z.array(CoverageProvinceSchema),
  /** Codes of the under-served provinces, ranked: the target group first, then by gap. */
  underServed: z.array(z.number().int()),
  /** Fiscal years (BE) that have funded projects, latest first: the choices of the fiscal-year filter. */
  fiscalYears: z.array(z.number().int()),
});
export type Coverage = z.infer<typeof CoverageSchema>;

export const CoverageDistrictSchema = z.object({
  code: z.number().int(),
  nameTh: z.string(),
  nameEn: z.string(),
  projects: z.number().int(),
  adoptions: z.number().int(),
  beneficiaries: z.number().int(),
});
export type CoverageDistrict = z.infer<typeof CoverageDistrictSchema>;

export const CoverageProjectSchema = z.object({
  id: z.uuid(),
  agreementNumber: z.string(),
  titleTh: z.string(),
  titleEn: z.string(),
  fiscalYear: z.number().int(),
  /** The province's share of the award. */
  shareSatang: z.number().int(),
  provinceCount: z.number().int(),
  /** The project's catalogue entry, when published. */
  innovationId: z.uuid().nullable(),
});
export type CoverageProject = z.infer<typeof CoverageProjectSchema>;

/** A published innovation taken up in the province (adoptions that reached adoption). */
export const CoverageInnovationSchema = z.object({
  id: z.uuid(),
  titleTh: z.string(),
  titleEn: z.string(),
  /** Sites adopted or sustained now. */
  adoptions: z.number().int(),
  beneficiaries: z.number().int(),
});
export type CoverageInnovation = z.infer<typeof CoverageInnovationSchema>;

export const ProvinceCoverageSchema = z.object({
  filters: CoverageSchema.shape.filters,
  need: CoverageNeedSchema.nullable(),
  threshold: z.number(),
  province: CoverageProvinceSchema,
  /** How many provinces have a gap (the ranking's size) and this province's place among the under-served. */
  rankedProvinces: z.number().int(),
  underServedRank: z.number().int().nullable(),
  /** Districts with projects or adoptions (most first); empty when there is no district-level data. */
  districts: z.array(CoverageDistrictSchema),
  /** Adoptions counted in the province whose district is not recorded. */
  adoptionsWithoutDistrict: z.number().int(),
  /** Projects counted in the province with no district (no catalogue entry from the province). */
  projectsWithoutDistrict: z.number().int(),
  projects: z.array(CoverageProjectSchema),
  /** Published innovations adopted in the province, most adoptions first. */
  innovations: z.array(CoverageInnovationSchema),
});
export type ProvinceCoverage = z.infer<typeof ProvinceCoverageSchema>;
