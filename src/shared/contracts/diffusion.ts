import { z } from 'zod';
import { ORGANISATION_TYPE_CODES } from '@shared/reference/organisation-types';
import { FORM_LIMITS } from '@shared/contracts/forms';
import { THEME_CODES } from '@shared/reference/themes';

/**
 * An adoption's status: interested → planning → implementing → adopted → sustained; any status before sustained may
 * end in discontinued (with a reason).
 */
export const ADOPTION_STATUSES = [
  'interested',
  'planning',
  'implementing',
  'adopted',
  'sustained',
  'discontinued',
] as const;
export type AdoptionStatus = (typeof ADOPTION_STATUSES)[number];

/** Groups of people an adoption serves, counted separately. */
export const BENEFICIARY_GROUPS = [
  'general',
  'poor_households',
  'elderly',
  'children_youth',
  'women',
  'people_with_disabilities',
  'farmers',
  'ethnic_groups',
  'other',
] as const;
export type BeneficiaryGroup = (typeof BENEFICIARY_GROUPS)[number];

export const BeneficiaryCountSchema = z
  .object({
    group: z.enum(BENEFICIARY_GROUPS),
    count: z.int().min(0).max(10_000_000),
  })
  .strict();
export type BeneficiaryCount = z.infer<typeof BeneficiaryCountSchema>;

/** A need's moderation and life: pending → published | rejected; published → addressed | closed. */
export const NEED_STATUSES = ['pending', 'published', 'rejected', 'addressed', 'closed'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/**
 * Who adopts: every organisation type of the reference list, and the kinds of adopter that are not registered
 * organisation types but often take up a social innovation (a school, a temple, a hospital, a village committee…).
 */
export const ADOPTER_EXTRA_TYPES = [
  'school',
  'temple',
  'hospital',
  'health_promoting_hospital',
  'village_committee',
  'cooperative',
  'community_group',
] as const;
export const ADOPTER_TYPES = [...ORGANISATION_TYPE_CODES, ...ADOPTER_EXTRA_TYPES] as const;
export type AdopterType = (typeof ADOPTER_TYPES)[number];

export function isAdopterType(value: string): value is AdopterType {
  return (ADOPTER_TYPES as readonly string[]).includes(value);
}

// ---- Limits and field shapes ---------------------------------------------------------------------------------------

export const DIFFUSION_LIMITS = {
  name: 300,
  text: 4000,
  note: 1000,
  story: 4000,
  villageNoMax: 99,
  beneficiaryGroupsMax: BENEFICIARY_GROUPS.length,
  moneyMaxSatang: FORM_LIMITS.moneyMaxSatang,
  photoMaxBytes: 10 * 1024 * 1024,
  thumbnailWidth: 480,
  listMax: 2000,
} as const;

const isoDate = z.iso.date();
const version = z.int().min(1);
const provinceCode = z.int().min(10).max(99);
const optionalName = z.string().trim().max(DIFFUSION_LIMITS.name);
const text = z.string().trim().max(DIFFUSION_LIMITS.text);
const beneficiaries = z
  .array(BeneficiaryCountSchema)
  .max(DIFFUSION_LIMITS.beneficiaryGroupsMax)
  .refine((list) => new Set(list.map((b) => b.group)).size === list.length, { message: 'Each group once' });

/** Where an adoption is: province, and district / subdistrict / village when known. */
const siteFields = {
  provinceCode,
  districtCode: z.int().min(1000).max(9999).nullable().default(null),
  subdistrictCode: z.int().min(100000).max(999999).nullable().default(null),
  villageNo: z.int().min(1).max(DIFFUSION_LIMITS.villageNoMax).nullable().default(null),
  villageName: optionalName.default(''),
};

const adoptionFields = {
  ...siteFields,
  adopterOrganisationId: z.uuid().nullable().default(null),
  adopterName: z.string().trim().min(1).max(DIFFUSION_LIMITS.name),
  adopterType: z.enum(ADOPTER_TYPES),
  diffusionPartnerId: z.uuid().nullable().default(null),
  diffusionPartnerName: optionalName.default(''),
  sourceAdoptionId: z.uuid().nullable().default(null),
  adaptationsTh: text.default(''),
  adaptationsEn: text.default(''),
  beneficiaries: beneficiaries.default([]),
  localFundingSatang: z.int().min(0).max(DIFFUSION_LIMITS.moneyMaxSatang).default(0),
  localFundingSource: optionalName.default(''),
};

/** Record an adoption (officers, unit staff for their provinces, an adopter organisation's members for it). */
export const CreateAdoptionBodySchema = z
  .object({
    innovationId: z.uuid(),
    ...adoptionFields,
    /** The recorded need or problem statement this adoption answers, if any. */
    needId: z.uuid().nullable().default(null),
    problemStatementId: z.uuid().nullable().default(null),
    /** When the adopter first showed interest; today when omitted. */
    interestedOn: isoDate.nullable().default(null),
    note: z.string().trim().max(DIFFUSION_LIMITS.note).default(''),
  })
  .strict();
export type CreateAdoptionBody = z.infer<typeof CreateAdoptionBodySchema>;

export const UpdateAdoptionBodySchema = z.object({ ...adoptionFields, version }).strict();
export type UpdateAdoptionBody = z.infer<typeof UpdateAdoptionBodySchema>;

/** Move an adoption along its timeline. */
export const StatusChangeBodySchema = z
  .object({
    toStatus: z.enum(ADOPTION_STATUSES),
    occurredOn: isoDate,
    reason: z.string().trim().max(DIFFUSION_LIMITS.note).default(''),
    note: z.string().trim().max(DIFFUSION_LIMITS.note).default(''),
    version,
  })
  .strict();
export type StatusChangeBody = z.infer<typeof StatusChangeBodySchema>;

/** A written update; one with a photo is posted as multipart (`body`, `file`). */
export const PostUpdateBodySchema = z
  .object({ body: z.string().trim().min(1).max(DIFFUSION_LIMITS.story) })
  .strict();
export type PostUpdateBody = z.infer<typeof PostUpdateBodySchema>;

export const DiffusionQuerySchema = z
  .object({
    theme: z.enum(THEME_CODES).optional(),
    provinceCode: z.coerce.number().int().min(10).max(99).optional(),
    status: z.enum(ADOPTION_STATUSES).optional(),
  })
  .strict();
export type DiffusionQuery = z.infer<typeof DiffusionQuerySchema>;

export const UpdateVillageBodySchema = z
  .object({
    nameTh: z.string().trim().min(1).max(DIFFUSION_LIMITS.name),
    nameEn: optionalName.default(''),
    descriptionTh: text.default(''),
    descriptionEn: text.default(''),
  })
  .strict();
export type UpdateVillageBody = z.infer<typeof UpdateVillageBodySchema>;

// ---- Responses -----------------------------------------------------------------------------------------------------

export const InnovationRefSchema = z.object({ id: z.uuid(), titleTh: z.string(), titleEn: z.string() });
export type InnovationRef = z.infer<typeof InnovationRefSchema>;

export const VillageRefSchema = z.object({
  id: z.uuid(),
  villageNo: z.int(),
  nameTh: z.string(),
  nameEn: z.string(),
});
export type VillageRef = z.infer<typeof VillageRefSchema>;

export const AdoptionEventSchema = z.object({
  id: z.uuid(),
  fromStatus: z.enum(ADOPTION_STATUSES).nullable(),
  toStatus: z.enum(ADOPTION_STATUSES),
  occurredOn: z.string(),
  note: z.string(),
});
export type AdoptionEvent = z.infer<typeof AdoptionEventSchema>;

export const AdoptionUpdateSchema = z.object({
  id: z.uuid(),
  adoptionId: z.uuid(),
  body: z.string(),
  /** Photo URLs (full size and thumbnail), null without a photo. */
  photoUrl: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
  /** The author's name, for people who can manage the adoption only (null for everyone else). */
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type AdoptionUpdate = z.infer<typeof AdoptionUpdateSchema>;

/** An adoption as lists, maps and the who-from-whom tree show it. */
export const AdoptionSummarySchema = z.object({
  id: z.uuid(),
  innovation: InnovationRefSchema,
  provinceCode: z.int(),
  districtCode: z.int().nullable(),
  subdistrictCode: z.int().nullable(),
  village: VillageRefSchema.nullable(),
  adopterName: z.string(),
  adopterType: z.string(),
  status: z.enum(ADOPTION_STATUSES),
  statusOn: z.string(),
  interestedOn: z.string(),
  adoptedOn: z.string().nullable(),
  sourceAdoptionId: z.uuid().nullable(),
  beneficiaryTotal: z.int(),
  localFundingSatang: z.int(),
});
export type AdoptionSummary = z.infer<typeof AdoptionSummarySchema>;

export const AdoptionDetailSchema = AdoptionSummarySchema.extend({
  adopterOrganisationId: z.uuid().nullable(),
  diffusionPartner: z.object({ id: z.uuid().nullable(), nameTh: z.string(), nameEn: z.string() }).nullable(),
  source: z
    .object({
      id: z.uuid(),
      adopterName: z.string(),
      provinceCode: z.int(),
      status: z.enum(ADOPTION_STATUSES),
    })
    .nullable(),
  needId: z.uuid().nullable(),
  problemStatementId: z.uuid().nullable(),
  discontinuedReason: z.string(),
  adaptationsTh: z.string(),
  adaptationsEn: z.string(),
  beneficiaries: z.array(BeneficiaryCountSchema),
  localFundingSource: z.string(),
  events: z.array(AdoptionEventSchema),
  updates: z.array(AdoptionUpdateSchema),
  /** Status changes allowed now (empty when final or when the reader may not change it). */
  nextStatuses: z.array(z.enum(ADOPTION_STATUSES)),
  canManage: z.boolean(),
  version: z.int(),
});
export type AdoptionDetail = z.infer<typeof AdoptionDetailSchema>;

export const DiffusionMetricsSchema = z.object({
  /** Adoption records, any status. */
  sites: z.int(),
  /** Sites at adopted or sustained now. */
  adoptedSites: z.int(),
  /** Distinct provinces of the adoption records. */
  provincesReached: z.int(),
  /** Share (0–1) of adoption records inside the poor-province target group; null without adoptions. */
  targetGroupShare: z.number().nullable(),
  /** Median whole days from interested to adopted over the sites that adopted; null when none has. */
  medianDaysToAdopt: z.number().nullable(),
  /** sustained ÷ (adopted + sustained + discontinued after adopting); null when the denominator is 0. */
  sustainedRate: z.number().nullable(),
  byStatus: z.record(z.enum(ADOPTION_STATUSES), z.int()),
  /** People served, by group, summed over sites that reached adopted (even if later discontinued). */
  beneficiaries: z.array(BeneficiaryCountSchema),
  beneficiaryTotal: z.int(),
  /** Local funding committed at all sites, in satang. */
  localFundingSatang: z.int(),
});
export type DiffusionMetrics = z.infer<typeof DiffusionMetricsSchema>;

/** A node of the who-adopted-from-whom tree: the origin at the root, each site under the site it learnt from. */
export interface LineageNode {
  adoptionId: string;
  adopterName: string;
  provinceCode: number;
  status: AdoptionStatus;
  children: LineageNode[];
}
/** Recursive, so named: the OpenAPI document refers to it as the component `LineageNode`. */
export const LineageNodeSchema: z.ZodType<LineageNode> = z
  .lazy(() =>
    z.object({
      adoptionId: z.uuid(),
      adopterName: z.string(),
      provinceCode: z.int(),
      status: z.enum(ADOPTION_STATUSES),
      children: z.array(LineageNodeSchema),
    }),
  )
  .meta({ id: 'LineageNode' });

export const OriginSchema = z.object({
  provinceCode: z.int().nullable(),
  districtCode: z.int().nullable(),
  subdistrictCode: z.int().nullable(),
  villageName: z.string(),
});
export type Origin = z.infer<typeof OriginSchema>;

/** The diffusion section of an innovation's page. */
export const InnovationDiffusionSchema = z.object({
  innovation: InnovationRefSchema.extend({ isDiffusionReady: z.boolean() }),
  origin: OriginSchema,
  metrics: DiffusionMetricsSchema,
  adoptions: z.array(AdoptionSummarySchema),
  /** Sites learnt from the origin (and, beneath them, from each other). */
  lineage: z.array(LineageNodeSchema),
  /** Whether the reader may record an adoption of this innovation. */
  canRecord: z.boolean(),
});
export type InnovationDiffusion = z.infer<typeof InnovationDiffusionSchema>;

/** The diffusion overview: every adoption of published innovations (staff: all), with origins for the map. */
export const DiffusionOverviewSchema = z.object({
  metrics: DiffusionMetricsSchema,
  adoptions: z.array(AdoptionSummarySchema),
  origins: z.array(InnovationRefSchema.extend({ originProvinceCode: z.int().nullable() })),
});
export type DiffusionOverview = z.infer<typeof DiffusionOverviewSchema>;

export const VillageProfileSchema = z.object({
  id: z.uuid(),
  villageNo: z.int(),
  nameTh: z.string(),
  nameEn: z.string(),
  descriptionTh: z.string(),
  descriptionEn: z.string(),
  provinceCode: z.int(),
  districtCode: z.int(),
  subdistrictCode: z.int(),
  areaNames: z.object({ provinceTh: z.string(), districtTh: z.string(), subdistrictTh: z.string() }),
  /** Innovations that come from this village (by origin name and subdistrict). */
  originOf: z.array(InnovationRefSchema),
  adoptions: z.array(AdoptionSummarySchema),
  metrics: DiffusionMetricsSchema,
  updates: z.array(AdoptionUpdateSchema),
  canEdit: z.boolean(),
});
export type VillageProfile = z.infer<typeof VillageProfileSchema>;
