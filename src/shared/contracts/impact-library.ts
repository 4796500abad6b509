import { z } from 'zod';
import { THEME_CODES } from '@shared/reference/themes';

/** Indicator types of the library. */
export const INDICATOR_TYPES = ['count', 'percent', 'money', 'score'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

/** Which way is better. */
export const INDICATOR_DIRECTIONS = ['increase', 'decrease', 'maintain'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

/** How a project's period values roll up, and how projects roll up in a portfolio. */
export const INDICATOR_AGGREGATIONS = ['sum', 'mean', 'latest'] as const;
export type IndicatorAggregation = (typeof INDICATOR_AGGREGATIONS)[number];

/** Dimensions an indicator's values may be broken down by. */
export const DISAGGREGATIONS = ['sex', 'age_group', 'vulnerable_group'] as const;
export type Disaggregation = (typeof DISAGGREGATIONS)[number];

/** Categories of each dimension. */
export const DISAGGREGATION_CATEGORIES = {
  sex: ['female', 'male', 'other'],
  age_group: ['under_15', '15_24', '25_59', '60_plus'],
  vulnerable_group: [
    'poor_household',
    'disability',
    'elderly_alone',
    'ethnic_minority',
    'stateless',
    'other',
  ],
} as const satisfies Record<Disaggregation, readonly string[]>;

export const IRIS_METRIC_ID = /^[A-Z]{2}\d{4}$/;
export const SDG_TARGET = /^(1[0-7]|[1-9])\.([0-9]{1,2}|[a-c])$/;

/** Sizes of the libraries' fields and pages. */
export const IMPACT_LIBRARY_LIMITS = {
  code: 40,
  name: 300,
  description: 4000,
  unit: 100,
  sdgTargets: 20,
  sourceTitle: 500,
  sourceUrl: 1000,
  /** 100 million baht in satang: far above any per-unit proxy value. */
  valueSatangMax: 10_000_000_000,
  priceYearMin: 1990,
  priceYearMax: 2100,
  pageSizeMax: 200,
} as const;

/** A library code: capital letters and digits in groups joined by `-`, `_` or `.` (e.g. `INC-01`, `FP-WAGE-DAY`). */
export const LIBRARY_CODE = /^[A-Z0-9]+(?:[-_.][A-Z0-9]+)*$/;

/** Currencies are ISO 4217 codes; the platform prices in THB. */
export const CURRENCY_CODE = /^[A-Z]{3}$/;

const unique = <T>(list: readonly T[]) => new Set(list).size === list.length;
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

const codeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .min(2)
  .max(IMPACT_LIBRARY_LIMITS.code)
  .regex(LIBRARY_CODE, { message: 'errors.impactLibrary.CODE_FORMAT' });

const themesSchema = z
  .array(z.enum(THEME_CODES))
  .max(THEME_CODES.length)
  .refine(unique, { message: 'errors.impactLibrary.DUPLICATE_ITEM' });

/** An IRIS+ metric id (two capital letters, four digits), or null. */
export const IrisMetricIdSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(IRIS_METRIC_ID, { message: 'errors.impactLibrary.IRIS_FORMAT' })
  .nullable();

/** SDG targets such as `1.4`, `8.5`, `12.a`; each once. */
export const SdgTargetsSchema = z
  .array(z.string().trim().regex(SDG_TARGET, { message: 'errors.impactLibrary.SDG_FORMAT' }))
  .max(IMPACT_LIBRARY_LIMITS.sdgTargets)
  .refine(unique, { message: 'errors.impactLibrary.DUPLICATE_ITEM' });

const indicatorFields = {
  nameTh: required(IMPACT_LIBRARY_LIMITS.name),
  nameEn: required(IMPACT_LIBRARY_LIMITS.name),
  descriptionTh: text(IMPACT_LIBRARY_LIMITS.description),
  descriptionEn: text(IMPACT_LIBRARY_LIMITS.description),
  unitTh: required(IMPACT_LIBRARY_LIMITS.unit),
  unitEn: required(IMPACT_LIBRARY_LIMITS.unit),
  type: z.enum(INDICATOR_TYPES),
  direction: z.enum(INDICATOR_DIRECTIONS),
  aggregation: z.enum(INDICATOR_AGGREGATIONS),
  disaggregations: z
    .array(z.enum(DISAGGREGATIONS))
    .max(DISAGGREGATIONS.length)
    .refine(unique, { message: 'errors.impactLibrary.DUPLICATE_ITEM' }),
  sdgTargets: SdgTargetsSchema,
  irisMetricId: IrisMetricIdSchema,
  themes: themesSchema,
};

/** A new library indicator (officers). The code is fixed once made: project indicators copy it. */
export const CreateImpactIndicatorBodySchema = z
  .object({
    code: codeSchema,
    ...indicatorFields,
    descriptionTh: indicatorFields.descriptionTh.default(''),
    descriptionEn: indicatorFields.descriptionEn.default(''),
    disaggregations: indicatorFields.disaggregations.default([]),
    sdgTargets: indicatorFields.sdgTargets.default([]),
    irisMetricId: indicatorFields.irisMetricId.default(null),
    themes: indicatorFields.themes.default([]),
  })
  .strict();
export type CreateImpactIndicatorBody = z.infer<typeof CreateImpactIndicatorBodySchema>;

/** Changes to a library indicator, with the version read (409 when stale); `isActive` deactivates/reactivates. */
export const UpdateImpactIndicatorBodySchema = z
  .object({
    version: z.int().min(1),
    ...z.object(indicatorFields).partial().shape,
    isActive: z.boolean().optional(),
  })
  .strict();
export type UpdateImpactIndicatorBody = z.infer<typeof UpdateImpactIndicatorBodySchema>;

const activeFilter = z.enum(['true', 'false', 'all']).default('true');
const sortSchema = z.enum(['code', '-code']).default('code');

export const ImpactIndicatorListQuerySchema = z
  .object({
    /** Words of the code, names, description or unit (Thai or English). */
    q: z.string().trim().max(200).optional(),
    type: z.enum(INDICATOR_TYPES).optional(),
    theme: z.enum(THEME_CODES).optional(),
    /** `true` (default): active only; `false`: deactivated only; `all`. */
    active: activeFilter,
    sort: sortSchema,
    limit: z.coerce.number().int().min(1).max(IMPACT_LIBRARY_LIMITS.pageSizeMax).default(50),
    cursor: z.coerce.number().int().min(0).optional(),
  })
  .strict();
export type ImpactIndicatorListQuery = z.infer<typeof ImpactIndicatorListQuerySchema>;

const rowMeta = {
  id: z.uuid(),
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  descriptionTh: z.string(),
  descriptionEn: z.string(),
  unitTh: z.string(),
  unitEn: z.string(),
  themes: z.array(z.enum(THEME_CODES)),
  isStarter: z.boolean(),
  isActive: z.boolean(),
  version: z.int(),
  updatedAt: z.string(),
  /** What the signed-in actor may do with the libraries (the same predicate the server checks). */
  abilities: z.object({ manage: z.boolean() }),
};

export const ImpactIndicatorSchema = z.object({
  ...rowMeta,
  type: z.enum(INDICATOR_TYPES),
  direction: z.enum(INDICATOR_DIRECTIONS),
  aggregation: z.enum(INDICATOR_AGGREGATIONS),
  disaggregations: z.array(z.enum(DISAGGREGATIONS)),
  sdgTargets: z.array(z.string()),
  irisMetricId: z.string().nullable(),
});
export type ImpactIndicator = z.infer<typeof ImpactIndicatorSchema>;

const pageSchema = z.object({ total: z.int(), nextCursor: z.int().nullable() });

export const ImpactIndicatorListSchema = z.object({
  data: z.array(ImpactIndicatorSchema),
  page: pageSchema,
  /** Whether the actor may add to and change the library. */
  abilities: z.object({ manage: z.boolean() }),
});
export type ImpactIndicatorList = z.infer<typeof ImpactIndicatorListSchema>;

const proxyFields = {
  nameTh: required(IMPACT_LIBRARY_LIMITS.name),
  nameEn: required(IMPACT_LIBRARY_LIMITS.name),
  descriptionTh: text(IMPACT_LIBRARY_LIMITS.description),
  descriptionEn: text(IMPACT_LIBRARY_LIMITS.description),
  /** The value of one unit in the currency's minor units (satang for THB). */
  valueSatang: z.int().min(1).max(IMPACT_LIBRARY_LIMITS.valueSatangMax),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(CURRENCY_CODE, { message: 'errors.impactLibrary.CURRENCY_FORMAT' }),
  unitTh: required(IMPACT_LIBRARY_LIMITS.unit),
  unitEn: required(IMPACT_LIBRARY_LIMITS.unit),
  /** The Common-Era year the value is priced in. */
  priceYear: z.int().min(IMPACT_LIBRARY_LIMITS.priceYearMin).max(IMPACT_LIBRARY_LIMITS.priceYearMax),
  sourceTitle: required(IMPACT_LIBRARY_LIMITS.sourceTitle),
  /** http(s) address of the source, or empty when it has none online. */
  sourceUrl: z.union([
    z.literal(''),
    z
      .url({ protocol: /^https?$/, message: 'errors.impactLibrary.URL_FORMAT' })
      .max(IMPACT_LIBRARY_LIMITS.sourceUrl),
  ]),
  themes: themesSchema,
};

/** A new financial proxy (officers). The code is fixed once made. */
export const CreateFinancialProxyBodySchema = z
  .object({
    code: codeSchema,
    ...proxyFields,
    descriptionTh: proxyFields.descriptionTh.default(''),
    descriptionEn: proxyFields.descriptionEn.default(''),
    currency: proxyFields.currency.default('THB'),
    sourceUrl: proxyFields.sourceUrl.default(''),
    themes: proxyFields.themes.default([]),
  })
  .strict();
export type CreateFinancialProxyBody = z.infer<typeof CreateFinancialProxyBodySchema>;

export const UpdateFinancialProxyBodySchema = z
  .object({
    version: z.int().min(1),
    ...z.object(proxyFields).partial().shape,
    isActive: z.boolean().optional(),
  })
  .strict();
export type UpdateFinancialProxyBody = z.infer<typeof UpdateFinancialProxyBodySchema>;

export const FinancialProxyListQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    theme: z.enum(THEME_CODES).optional(),
    active: activeFilter,
    sort: sortSchema,
    limit: z.coerce.number().int().min(1).max(IMPACT_LIBRARY_LIMITS.pageSizeMax).default(50),
    cursor: z.coerce.number().int().min(0).optional(),
  })
  .strict();
export type FinancialProxyListQuery = z.infer<typeof FinancialProxyListQuerySchema>;

export const FinancialProxySchema = z.object({
  ...rowMeta,
  valueSatang: z.int(),
  currency: z.string(),
  priceYear: z.int(),
  sourceTitle: z.string(),
  sourceUrl: z.string(),
});
export type FinancialProxy = z.infer<typeof FinancialProxySchema>;

export const FinancialProxyListSchema = z.object({
  data: z.array(FinancialProxySchema),
  page: pageSchema,
  abilities: z.object({ manage: z.boolean() }),
});
export type FinancialProxyList = z.infer<typeof FinancialProxyListSchema>;
