import { z } from 'zod';
import { THEME_CODES } from '@shared/reference/themes';
import { ADOPTER_TYPES, NEED_STATUSES } from './diffusion';
import { TextPieceSchema } from './search';

export { NEED_STATUSES, type NeedStatus } from './diffusion';

/** Who may post a need: any kind of adopter (organisation types, schools, temples, village committees…) or a person. */
export const NEED_REQUESTER_TYPES = [...ADOPTER_TYPES, 'individual'] as const;
export type NeedRequesterType = (typeof NEED_REQUESTER_TYPES)[number];

/** Statuses the public sees: published needs, and those an innovation has addressed since. */
export const PUBLIC_NEED_STATUSES = ['published', 'addressed'] as const;

/** Moderation and life of a need, as commands: pending → published | rejected; published → addressed | closed. */
export const NEED_ACTIONS = ['publish', 'reject', 'address', 'close'] as const;
export type NeedAction = (typeof NEED_ACTIONS)[number];

/**
 * Organisation types whose members may express interest in adopting an innovation: local governments first, and the
 * community bodies and public agencies (schools, hospitals) that take models up in their area.
 */
export const INTEREST_ORGANISATION_TYPES = [
  'local_government',
  'community_enterprise',
  'civil_society_group',
  'npo_foundation',
  'government_agency',
] as const;

export const NEED_LIMITS = {
  title: 200,
  description: 4000,
  name: 200,
  villageName: 200,
  note: 1000,
  peopleAffectedMax: 10_000_000,
  pageSizeMax: 100,
  matchesMax: 10,
} as const;

const trimmed = (max: number) => z.string().trim().max(max);
const version = z.int().min(1);
const provinceCode = z.int().min(10).max(99);
const districtCode = z.int().min(1000).max(9999);
const subdistrictCode = z.int().min(100000).max(999999);
const villageNo = z.int().min(1).max(99);
/** A Thai phone number as people type it: digits with spaces, dashes, brackets or a leading +. */
const phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^$|^\+?[0-9][0-9\s\-()]{7,28}$/, { message: 'Phone number' });

const areaFields = {
  provinceCode,
  districtCode: districtCode.nullable().default(null),
  subdistrictCode: subdistrictCode.nullable().default(null),
  villageNo: villageNo.nullable().default(null),
  villageName: trimmed(NEED_LIMITS.villageName).default(''),
};

const contentFields = {
  theme: z.enum(THEME_CODES),
  titleTh: trimmed(NEED_LIMITS.title).min(1),
  descriptionTh: trimmed(NEED_LIMITS.description).min(1),
  peopleAffected: z.int().min(0).max(NEED_LIMITS.peopleAffectedMax).default(0),
  ...areaFields,
};

/** The public form: what is needed, where, for how many, and who to contact (email or phone, at least one). */
export const CreateNeedBodySchema = z
  .object({
    ...contentFields,
    requesterName: trimmed(NEED_LIMITS.name).min(1),
    requesterOrganisation: trimmed(NEED_LIMITS.name).default(''),
    requesterType: z.enum(NEED_REQUESTER_TYPES),
    contactEmail: z.union([z.literal(''), z.email().max(254)]).default(''),
    contactPhone: phone.default(''),
    /** The requester agrees to be contacted about the need (required). */
    consent: z.literal(true),
  })
  .strict()
  .refine((body) => body.contactEmail !== '' || body.contactPhone !== '', {
    path: ['contactEmail'],
    message: 'Email or phone',
  });
export type CreateNeedBody = z.infer<typeof CreateNeedBodySchema>;

/** Staff fix a need's wording, theme or area (a stale version gets 409). */
export const UpdateNeedBodySchema = z
  .object({
    theme: contentFields.theme.optional(),
    titleTh: contentFields.titleTh.optional(),
    descriptionTh: contentFields.descriptionTh.optional(),
    peopleAffected: z.int().min(0).max(NEED_LIMITS.peopleAffectedMax).optional(),
    provinceCode: provinceCode.optional(),
    districtCode: districtCode.nullable().optional(),
    subdistrictCode: subdistrictCode.nullable().optional(),
    villageNo: villageNo.nullable().optional(),
    villageName: trimmed(NEED_LIMITS.villageName).optional(),
    version,
  })
  .strict();
export type UpdateNeedBody = z.infer<typeof UpdateNeedBodySchema>;

/** A moderation command: publish, reject (a note is required), mark addressed, or close. */
export const NeedActionBodySchema = z
  .object({
    action: z.enum(NEED_ACTIONS),
    note: trimmed(NEED_LIMITS.note).default(''),
    version,
  })
  .strict();
export type NeedActionBody = z.infer<typeof NeedActionBodySchema>;

export const NeedListQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    theme: z.enum(THEME_CODES).optional(),
    provinceCode: z.coerce.number().int().min(10).max(99).optional(),
    /** Staff only; the public always gets published and addressed needs. */
    status: z.enum(NEED_STATUSES).optional(),
    cursor: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(NEED_LIMITS.pageSizeMax).default(20),
  })
  .strict();
export type NeedListQuery = z.infer<typeof NeedListQuerySchema>;

/** A need as lists and the public see it: no requester name, no contact details. */
export const NeedSummarySchema = z.object({
  id: z.uuid(),
  theme: z.enum(THEME_CODES),
  titleTh: z.string(),
  title: z.array(TextPieceSchema),
  descriptionTh: z.string(),
  peopleAffected: z.int(),
  provinceCode: z.int(),
  districtCode: z.int().nullable(),
  subdistrictCode: z.int().nullable(),
  villageNo: z.int().nullable(),
  villageName: z.string(),
  requesterType: z.enum(NEED_REQUESTER_TYPES),
  status: z.enum(NEED_STATUSES),
  createdAt: z.iso.datetime(),
});
export type NeedSummary = z.infer<typeof NeedSummarySchema>;

export const NeedListSchema = z.object({
  data: z.array(NeedSummarySchema),
  page: z.object({ total: z.int(), nextCursor: z.int().nullable() }),
});
export type NeedList = z.infer<typeof NeedListSchema>;

/** Who posted a need and how to reach them: staff only. */
export const NeedPrivateSchema = z.object({
  requesterName: z.string(),
  requesterOrganisation: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string(),
  contactConsentedAt: z.iso.datetime().nullable(),
  moderationNote: z.string(),
  moderatedAt: z.iso.datetime().nullable(),
});
export type NeedPrivate = z.infer<typeof NeedPrivateSchema>;

/** An adoption opened for a need (from "we want to adopt this"), as the need's page lists it. */
export const NeedAdoptionSchema = z.object({
  id: z.uuid(),
  innovationId: z.uuid(),
  innovationTitleTh: z.string(),
  innovationTitleEn: z.string(),
  adopterName: z.string(),
  status: z.string(),
  statusOn: z.iso.date(),
});
export type NeedAdoption = z.infer<typeof NeedAdoptionSchema>;

export const NeedDetailSchema = NeedSummarySchema.extend({
  version: z.int(),
  /** Staff only (null for the public). */
  private: NeedPrivateSchema.nullable(),
  adoptions: z.array(NeedAdoptionSchema),
  abilities: z.object({ moderate: z.boolean(), actions: z.array(z.enum(NEED_ACTIONS)) }),
});
export type NeedDetail = z.infer<typeof NeedDetailSchema>;

/** What the public form answers: the need waits for staff; nothing personal comes back. */
export const CreatedNeedSchema = z.object({ id: z.uuid(), status: z.enum(NEED_STATUSES) });
export type CreatedNeed = z.infer<typeof CreatedNeedSchema>;

// ---- Matching -----------------------------------------------------------------------------------------------------

/** The factors a match is scored on, each with its points out of a maximum. */
export const MATCH_FACTORS = ['theme', 'area', 'poverty', 'success', 'srl', 'cost'] as const;
export type MatchFactor = (typeof MATCH_FACTORS)[number];

export const MatchReasonSchema = z.object({
  factor: z.enum(MATCH_FACTORS),
  points: z.number(),
  maxPoints: z.number(),
  /** Why, in Thai and in English. */
  reasonTh: z.string(),
  reasonEn: z.string(),
});
export type MatchReason = z.infer<typeof MatchReasonSchema>;

export const InnovationMatchSchema = z.object({
  innovationId: z.uuid(),
  titleTh: z.string(),
  titleEn: z.string(),
  summaryTh: z.string(),
  summaryEn: z.string(),
  themes: z.array(z.string()),
  srl: z.int().nullable(),
  adoptionCostSatang: z.int().nullable(),
  originProvinceCode: z.int().nullable(),
  /** 0–100. */
  score: z.number(),
  reasons: z.array(MatchReasonSchema),
});
export type InnovationMatch = z.infer<typeof InnovationMatchSchema>;

/** What was matched: a need or a problem statement, by theme and area. */
export const MatchTargetSchema = z.object({
  kind: z.enum(['need', 'problem_statement']),
  id: z.uuid(),
  titleTh: z.string(),
  titleEn: z.string(),
  theme: z.enum(THEME_CODES).nullable(),
  provinceCode: z.int().nullable(),
  districtCode: z.int().nullable(),
  subdistrictCode: z.int().nullable(),
  villageNo: z.int().nullable(),
  villageName: z.string(),
});
export type MatchTarget = z.infer<typeof MatchTargetSchema>;

export const MatchListSchema = z.object({
  target: MatchTargetSchema,
  matches: z.array(InnovationMatchSchema),
});
export type MatchList = z.infer<typeof MatchListSchema>;

// ---- Express interest -----------------------------------------------------------------------------------------------

/** "We want to adopt this": the site, the adopting organisation, a note, and the need or statement it answers. */
export const ExpressInterestBodySchema = z
  .object({
    organisationId: z.uuid(),
    ...areaFields,
    note: trimmed(NEED_LIMITS.note).default(''),
    needId: z.uuid().nullable().default(null),
    problemStatementId: z.uuid().nullable().default(null),
  })
  .strict();
export type ExpressInterestBody = z.infer<typeof ExpressInterestBodySchema>;

export const InterestResultSchema = z.object({ adoptionId: z.uuid() });
export type InterestResult = z.infer<typeof InterestResultSchema>;

/** The actor's organisations that may express interest, for the dialog (empty when none may). */
export const InterestOptionsSchema = z.object({
  organisations: z.array(
    z.object({
      id: z.uuid(),
      nameTh: z.string(),
      nameEn: z.string().nullable(),
      type: z.string(),
      provinceCode: z.int().nullable(),
    }),
  ),
  /** An open adoption of this innovation by one of them already exists (its id), else null. */
  existingAdoptionId: z.uuid().nullable(),
  isDiffusionReady: z.boolean(),
});
export type InterestOptions = z.infer<typeof InterestOptionsSchema>;
