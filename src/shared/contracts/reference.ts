import { z } from 'zod';
import { PROGRAMME_TYPES } from '../reference/programmes';
import { THEME_CODES } from '../reference/themes';
import { ORGANISATION_TYPE_CODES } from '../reference/organisation-types';

export const ThemeSchema = z.object({
  code: z.enum(THEME_CODES),
  number: z.number().int(),
  nameTh: z.string(),
  nameEn: z.string(),
});
export type Theme = z.infer<typeof ThemeSchema>;

export const SdgSchema = z.object({ number: z.number().int(), nameTh: z.string(), nameEn: z.string() });
export type Sdg = z.infer<typeof SdgSchema>;

export const OrganisationTypeSchema = z.object({
  code: z.enum(ORGANISATION_TYPE_CODES),
  nameTh: z.string(),
  nameEn: z.string(),
});
export type OrganisationType = z.infer<typeof OrganisationTypeSchema>;

export const FlagshipObjectiveSchema = z.object({
  number: z.number().int(),
  nameTh: z.string(),
  nameEn: z.string(),
});
export type FlagshipObjective = z.infer<typeof FlagshipObjectiveSchema>;

export const ProvinceGroupCodeParamsSchema = z.object({
  code: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9_]+$/),
});

export const ProvinceGroupSchema = z.object({
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  descriptionTh: z.string(),
  descriptionEn: z.string(),
  source: z.string().nullable(),
  members: z.array(
    z.object({
      provinceCode: z.number().int(),
      nameTh: z.string(),
      nameEn: z.string(),
      rank: z.number().int().nullable(),
    }),
  ),
});
export type ProvinceGroup = z.infer<typeof ProvinceGroupSchema>;

export const ProgrammeTypeSchema = z.enum(PROGRAMME_TYPES);

export const ProgrammeSchema = z.object({
  id: z.string(),
  slug: z.string(),
  type: ProgrammeTypeSchema,
  nameTh: z.string(),
  nameEn: z.string(),
  summaryTh: z.string(),
  summaryEn: z.string(),
  descriptionTh: z.string(),
  descriptionEn: z.string(),
  objectives: z.array(z.number().int()),
  /** The NIA team that owns the programme, when not a driving unit. */
  ownerTeam: z.string().nullable(),
  drivingUnitId: z.string().nullable(),
  /** Fiscal years in the Buddhist Era. */
  fiscalYears: z.array(z.number().int()),
  budgetSatang: z.number().nullable(),
  version: z.number().int(),
});
export type Programme = z.infer<typeof ProgrammeSchema>;

export const ProgrammeSlugParamsSchema = z.object({
  slug: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9-]+$/),
});

export const UpdateProvinceGroupBodySchema = z
  .object({
    nameTh: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().min(1).max(200),
    descriptionTh: z.string().max(2000),
    descriptionEn: z.string().max(2000),
    source: z.string().max(500).nullable(),
    members: z
      .array(
        z.object({
          provinceCode: z.number().int().min(10).max(99),
          rank: z.number().int().min(1).max(77).nullable(),
        }),
      )
      .max(77),
  })
  .strict();
export type UpdateProvinceGroupBody = z.infer<typeof UpdateProvinceGroupBodySchema>;
