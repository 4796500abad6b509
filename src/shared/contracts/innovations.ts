import { z } from 'zod';
import { FORM_LIMITS } from './forms';

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
  searchQueryMax: 200,
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
