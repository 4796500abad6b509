import { z } from 'zod';
import { FORM_LIMITS } from './forms';
import { CATALOGUE_SEARCH_MAX } from './innovation-catalogue-query';
import { THEME_CODES } from '@shared/reference/themes';

/** draft → published; a published entry can be taken down (unpublished) and published again. */
export const INNOVATION_STATUSES = ['draft', 'published', 'unpublished'] as const;
export type InnovationStatus = (typeof INNOVATION_STATUSES)[number];

/** Where a Social Readiness Level figure came from. */
export const SRL_SOURCES = ['project_start', 'project_report', 'close_out', 'officer'] as const;
export type SrlSource = (typeof SRL_SOURCES)[number];

export const INNOVATION_MEDIA_KINDS = ['photo', 'document'] as const;
export type InnovationMediaKind = (typeof INNOVATION_MEDIA_KINDS)[number];

export const INNOVATION_LIMITS = {
  title: 300,
  text: 8000,
  shortText: 1000,
  packageStepsMax: 30,
  packageCostsMax: 50,
  packagePartnersMax: 20,
  ownersMax: 10,
  photoMaxBytes: 10 * 1024 * 1024,
  documentMaxBytes: 20 * 1024 * 1024,
  mediaPerInnovation: 40,
  thumbnailWidth: 480,
  moneyMaxSatang: FORM_LIMITS.moneyMaxSatang,
  searchQueryMax: CATALOGUE_SEARCH_MAX,
  pageSizeMax: 100,
  suggestMax: 10,
} as const;

const shortText = (max: number = INNOVATION_LIMITS.shortText) => z.string().trim().max(max);
const satang = z.int().min(0).max(INNOVATION_LIMITS.moneyMaxSatang);

/** One step of adopting a diffusion-ready model. */
export const AdoptionStepSchema = z
  .object({
    titleTh: shortText(INNOVATION_LIMITS.title).min(1),
    titleEn: shortText(INNOVATION_LIMITS.title).default(''),
    detailTh: shortText().default(''),
    detailEn: shortText().default(''),
    /** Typical weeks the step takes. */
    weeks: z.int().min(0).max(520).nullable().default(null),
  })
  .strict();
export type AdoptionStep = z.infer<typeof AdoptionStepSchema>;

/** One cost line of adopting a model, in satang. */
export const AdoptionCostSchema = z
  .object({
    itemTh: shortText(INNOVATION_LIMITS.title).min(1),
    itemEn: shortText(INNOVATION_LIMITS.title).default(''),
    amountSatang: satang,
  })
  .strict();
export type AdoptionCost = z.infer<typeof AdoptionCostSchema>;

/** What a site needs to take up a diffusion-ready model: steps, costs, resources and the partners who help. */
export const AdoptionPackageSchema = z
  .object({
    steps: z.array(AdoptionStepSchema).max(INNOVATION_LIMITS.packageStepsMax).default([]),
    costs: z.array(AdoptionCostSchema).max(INNOVATION_LIMITS.packageCostsMax).default([]),
    resourcesTh: shortText(INNOVATION_LIMITS.text).default(''),
    resourcesEn: shortText(INNOVATION_LIMITS.text).default(''),
    /** Partners of the SI Network who help sites adopt (ids of `partners`). */
    partnerIds: z.array(z.uuid()).max(INNOVATION_LIMITS.packagePartnersMax).default([]),
  })
  .strict();
export type AdoptionPackage = z.infer<typeof AdoptionPackageSchema>;

// ---- Registry, curation and the entry's page (H-INNOV) ---------------------------------------------------------------

const text = (max: number = INNOVATION_LIMITS.text) => z.string().trim().max(max);
const THEME_ENUM = z.enum(THEME_CODES);

/**
 * The content of an entry that its editors (officers and the owner organisations' editors) write. No defaults: a
 * create leaves out what the database defaults, a PATCH what it does not change.
 */
export const InnovationContentSchema = z
  .object({
    titleTh: text(INNOVATION_LIMITS.title).min(1),
    titleEn: text(INNOVATION_LIMITS.title),
    summaryTh: text(INNOVATION_LIMITS.shortText * 2),
    summaryEn: text(INNOVATION_LIMITS.shortText * 2),
    problemTh: text(),
    problemEn: text(),
    solutionTh: text(),
    solutionEn: text(),
    howItWorksTh: text(),
    howItWorksEn: text(),
    targetUsersTh: text(INNOVATION_LIMITS.shortText),
    targetUsersEn: text(INNOVATION_LIMITS.shortText),
    themes: z.array(THEME_ENUM).max(THEME_CODES.length),
    sdgs: z.array(z.int().min(1).max(17)).max(17),
    programmeId: z.uuid().nullable(),
    drivingUnitId: z.uuid().nullable(),
    originProvinceCode: z.int().min(10).max(99).nullable(),
    originDistrictCode: z.int().min(1000).max(9999).nullable(),
    originSubdistrictCode: z.int().min(100000).max(999999).nullable(),
    originVillageName: text(200),
    adoptionCostSatang: satang.nullable(),
    adoptionRequirementsTh: text(),
    adoptionRequirementsEn: text(),
    contactName: text(200),
    contactEmail: z.union([z.literal(''), z.email().max(254)]),
    contactPhone: z
      .string()
      .trim()
      .regex(/^[0-9+\-() ]{0,30}$/),
  })
  .strict();
export type InnovationContent = z.infer<typeof InnovationContentSchema>;

/** Officers add an entry directly: its content, its owner organisations (the first leads) and its SRL now. */
export const CreateInnovationBodySchema = InnovationContentSchema.partial()
  .extend({
    titleTh: text(INNOVATION_LIMITS.title).min(1),
    ownerOrganisationIds: z.array(z.uuid()).max(INNOVATION_LIMITS.ownersMax).default([]),
    srl: z.int().min(1).max(9).nullable().default(null),
  })
  .strict();
export type CreateInnovationBody = z.input<typeof CreateInnovationBodySchema>;

/** A partial change of the content (and, for officers, the owners), from the version the editor started from. */
export const UpdateInnovationBodySchema = InnovationContentSchema.partial()
  .extend({
    ownerOrganisationIds: z.array(z.uuid()).max(INNOVATION_LIMITS.ownersMax).optional(),
    version: z.int().min(1),
  })
  .strict();
export type UpdateInnovationBody = z.input<typeof UpdateInnovationBodySchema>;

export const InnovationVersionBodySchema = z.object({ version: z.int().min(1) }).strict();
export type InnovationVersionBody = z.infer<typeof InnovationVersionBodySchema>;

export const FeatureInnovationBodySchema = z
  .object({ version: z.int().min(1), isFeatured: z.boolean() })
  .strict();
export type FeatureInnovationBody = z.infer<typeof FeatureInnovationBodySchema>;

/** Officers mark a proven model diffusion-ready with its adoption package, or take the mark away. */
export const DiffusionBodySchema = z
  .object({
    version: z.int().min(1),
    isDiffusionReady: z.boolean(),
    adoptionPackage: AdoptionPackageSchema.nullable(),
  })
  .strict();
export type DiffusionBody = z.input<typeof DiffusionBodySchema>;

/** An officer's Social Readiness Level assessment (dated; not in the future). */
export const SrlAssessmentBodySchema = z
  .object({
    version: z.int().min(1),
    srl: z.int().min(1).max(9),
    assessedOn: z.iso.date(),
    note: text(INNOVATION_LIMITS.shortText).default(''),
  })
  .strict();
export type SrlAssessmentBody = z.input<typeof SrlAssessmentBodySchema>;

export const CoverBodySchema = z.object({ version: z.int().min(1), mediaId: z.uuid().nullable() }).strict();
export type CoverBody = z.infer<typeof CoverBodySchema>;

export const MediaChangeBodySchema = z
  .object({
    captionTh: text(INNOVATION_LIMITS.title).optional(),
    captionEn: text(INNOVATION_LIMITS.title).optional(),
    position: z.int().min(0).max(INNOVATION_LIMITS.mediaPerInnovation).optional(),
  })
  .strict();
export type MediaChangeBody = z.infer<typeof MediaChangeBodySchema>;

export const InnovationMediaParamsSchema = z.object({ id: z.uuid(), mediaId: z.uuid() });

const NamedSchema = z.object({ id: z.uuid(), nameTh: z.string(), nameEn: z.string() });
const PlaceSchema = z.object({ code: z.int(), nameTh: z.string(), nameEn: z.string() });

export const InnovationMediaSchema = z.object({
  id: z.uuid(),
  kind: z.enum(INNOVATION_MEDIA_KINDS),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.int(),
  width: z.int().nullable(),
  height: z.int().nullable(),
  captionTh: z.string(),
  captionEn: z.string(),
  position: z.int(),
  url: z.string(),
  thumbnailUrl: z.string().nullable(),
});
export type InnovationMedia = z.infer<typeof InnovationMediaSchema>;

export const SrlHistoryEntrySchema = z.object({
  id: z.uuid(),
  srl: z.int(),
  assessedOn: z.string(),
  source: z.enum(SRL_SOURCES),
  note: z.string(),
});
export type SrlHistoryEntry = z.infer<typeof SrlHistoryEntrySchema>;

/** The adoption package as shown: partners named, the cost lines' sum worked out. */
export const AdoptionPackageViewSchema = z.object({
  steps: z.array(AdoptionStepSchema),
  costs: z.array(AdoptionCostSchema),
  totalSatang: z.int(),
  resourcesTh: z.string(),
  resourcesEn: z.string(),
  partners: z.array(NamedSchema),
});
export type AdoptionPackageView = z.infer<typeof AdoptionPackageViewSchema>;

/** An entry's page: everything public about it, and for its editors the draft and what they may do. */
export const InnovationDetailSchema = z.object({
  id: z.uuid(),
  status: z.enum(INNOVATION_STATUSES),
  titleTh: z.string(),
  titleEn: z.string(),
  summaryTh: z.string(),
  summaryEn: z.string(),
  problemTh: z.string(),
  problemEn: z.string(),
  solutionTh: z.string(),
  solutionEn: z.string(),
  howItWorksTh: z.string(),
  howItWorksEn: z.string(),
  targetUsersTh: z.string(),
  targetUsersEn: z.string(),
  themes: z.array(THEME_ENUM),
  sdgs: z.array(z.int()),
  srl: z.int().nullable(),
  srlHistory: z.array(SrlHistoryEntrySchema),
  programme: NamedSchema.extend({ slug: z.string() }).nullable(),
  drivingUnit: NamedSchema.nullable(),
  project: z.object({ id: z.uuid(), agreementNumber: z.string() }).nullable(),
  owners: z.array(NamedSchema),
  origin: z.object({
    province: PlaceSchema.nullable(),
    district: PlaceSchema.nullable(),
    subdistrict: PlaceSchema.nullable(),
    villageName: z.string(),
  }),
  lessonsLearned: z.string(),
  adoptionCostSatang: z.int().nullable(),
  adoptionRequirementsTh: z.string(),
  adoptionRequirementsEn: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string(),
  isDiffusionReady: z.boolean(),
  adoptionPackage: AdoptionPackageViewSchema.nullable(),
  isFeatured: z.boolean(),
  cover: InnovationMediaSchema.nullable(),
  photos: z.array(InnovationMediaSchema),
  documents: z.array(InnovationMediaSchema),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.int(),
  abilities: z.object({
    edit: z.boolean(),
    curate: z.boolean(),
    nominate: z.boolean(),
  }),
});
export type InnovationDetail = z.infer<typeof InnovationDetailSchema>;

/** What the editor offers to pick from: organisations (owners), programmes, driving units, SI Network partners. */
export const InnovationChoicesSchema = z.object({
  programmes: z.array(NamedSchema),
  drivingUnits: z.array(NamedSchema),
  partners: z.array(NamedSchema),
});
export type InnovationChoices = z.infer<typeof InnovationChoicesSchema>;

/** A published entry the actor may nominate to a contest (their organisations' entries; every one for officers). */
export const NominableInnovationSchema = z.object({
  id: z.uuid(),
  titleTh: z.string(),
  titleEn: z.string(),
  ownerNameTh: z.string().nullable(),
});
export type NominableInnovation = z.infer<typeof NominableInnovationSchema>;
