import { z } from 'zod';
import { REGION_CODES } from '../reference/regions';

export const RegionCodeSchema = z.enum(REGION_CODES);

export const RegionSchema = z.object({
  code: RegionCodeSchema,
  nameTh: z.string(),
  nameEn: z.string(),
  provinceCount: z.number().int(),
});
export type Region = z.infer<typeof RegionSchema>;

export const ProvinceCodeParamsSchema = z.object({
  code: z.coerce.number().int().min(10).max(99),
});
export const DistrictCodeParamsSchema = z.object({
  code: z.coerce.number().int().min(1000).max(9999),
});

export const ProvinceListQuerySchema = z
  .object({
    region: RegionCodeSchema.optional(),
  })
  .strict();
export type ProvinceListQuery = z.infer<typeof ProvinceListQuerySchema>;

export const ProvinceSchema = z.object({
  code: z.number().int(),
  iso: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  regionCode: RegionCodeSchema,
  districtCount: z.number().int(),
  subdistrictCount: z.number().int(),
  hasBoundary: z.boolean(),
  /** Rank in the poor-province target group, or null when the province is not in it. */
  targetRank: z.number().int().nullable(),
});
export type Province = z.infer<typeof ProvinceSchema>;

export const ProvinceDetailSchema = ProvinceSchema.extend({
  region: z.object({ code: RegionCodeSchema, nameTh: z.string(), nameEn: z.string() }),
});
export type ProvinceDetail = z.infer<typeof ProvinceDetailSchema>;

export const DistrictSchema = z.object({
  code: z.number().int(),
  provinceCode: z.number().int(),
  nameTh: z.string(),
  nameEn: z.string(),
  postalCode: z.string().nullable(),
  subdistrictCount: z.number().int(),
});
export type District = z.infer<typeof DistrictSchema>;

export const SubdistrictSchema = z.object({
  code: z.number().int(),
  districtCode: z.number().int(),
  nameTh: z.string(),
  nameEn: z.string(),
  postalCode: z.string().nullable(),
});
export type Subdistrict = z.infer<typeof SubdistrictSchema>;

export const GeometrySchema = z.object({
  type: z.enum(['Polygon', 'MultiPolygon']),
  coordinates: z.array(z.array(z.unknown())),
});

export const BoundaryFeatureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.number().int(),
      properties: z.object({ code: z.number().int(), nameTh: z.string(), nameEn: z.string() }),
      geometry: GeometrySchema,
    }),
  ),
});
export type BoundaryFeatureCollection = z.infer<typeof BoundaryFeatureCollectionSchema>;
