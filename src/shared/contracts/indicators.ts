import { z } from 'zod';

export const IndicatorCodeSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9_]+$/, 'lower-case letters, digits and underscores');

export const AreaIndicatorSchema = z.object({
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  descriptionTh: z.string(),
  descriptionEn: z.string(),
  higherIsNeedier: z.boolean(),
  years: z.array(z.number().int()),
  /** The year with figures for the most provinces (the latest such year on a tie): the best year to map. */
  defaultYear: z.number().int().nullable(),
  provinceCount: z.number().int(),
});
export type AreaIndicator = z.infer<typeof AreaIndicatorSchema>;

export const IndicatorParamsSchema = z.object({ code: IndicatorCodeSchema });

export const IndicatorValuesQuerySchema = z
  .object({
    /** Common-Era year; the latest year with data when omitted. */
    year: z.coerce.number().int().min(1900).max(2200).optional(),
  })
  .strict();

export const AreaIndicatorValueSchema = z.object({
  provinceCode: z.number().int(),
  value: z.number(),
  unit: z.string(),
  sourceUrl: z.string(),
  note: z.string(),
});
export type AreaIndicatorValue = z.infer<typeof AreaIndicatorValueSchema>;

export const IndicatorValuesSchema = z.object({
  indicator: AreaIndicatorSchema,
  year: z.number().int().nullable(),
  values: z.array(AreaIndicatorValueSchema),
});
export type IndicatorValues = z.infer<typeof IndicatorValuesSchema>;

export const ProvinceIndicatorValueSchema = z.object({
  indicatorCode: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  year: z.number().int(),
  value: z.number(),
  unit: z.string(),
  sourceUrl: z.string(),
  note: z.string(),
});
export type ProvinceIndicatorValue = z.infer<typeof ProvinceIndicatorValueSchema>;

/** Columns of the area-indicator CSV format read by `npm run indicators:import`. */
export const INDICATOR_CSV_COLUMNS = [
  'indicator',
  'year',
  'province_code',
  'value',
  'unit',
  'source_url',
  'note',
] as const;
