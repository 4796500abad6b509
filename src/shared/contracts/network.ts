import { z } from 'zod';
import { FORM_LIMITS } from './forms';

/** What kind of body a partner is. */
export const PARTNER_SECTORS = [
  'government',
  'private',
  'academic',
  'international',
  'civil_society',
  'community',
  'local_government',
] as const;
export type PartnerSector = (typeof PARTNER_SECTORS)[number];

/** What a partner does in the SI Network (a partner may have several roles). */
export const PARTNER_ROLES = [
  'co_funder',
  'diffusion_partner',
  'academic_partner',
  'mentor_provider',
  'international_agency',
  'local_government',
] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

export const CONTRIBUTION_KINDS = ['cash', 'in_kind'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

/** What a partner link points at: a programme, a funded project or a driving unit. */
export const LINK_TARGETS = ['programme', 'project', 'driving_unit'] as const;
export type LinkTarget = (typeof LINK_TARGETS)[number];

export const NETWORK_LIMITS = {
  name: 300,
  text: 4000,
  rolesMax: PARTNER_ROLES.length,
  documentMaxBytes: 20 * 1024 * 1024,
  documentsPerMou: 20,
  moneyMaxSatang: FORM_LIMITS.moneyMaxSatang,
  fiscalYearMin: 2540,
  fiscalYearMax: 2700,
  pageSizeMax: 100,
} as const;

const isoDate = z.iso.date();
const version = z.int().min(1);
const name = z.string().trim().min(1).max(NETWORK_LIMITS.name);
const optionalName = z.string().trim().max(NETWORK_LIMITS.name);
const text = z.string().trim().max(NETWORK_LIMITS.text);
const roles = z
  .array(z.enum(PARTNER_ROLES))
  .min(1)
  .max(NETWORK_LIMITS.rolesMax)
  .refine((list) => new Set(list).size === list.length, { message: 'Each role once' });
const website = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .nullable();
const fiscalYear = z.coerce
  .number()
  .int()
  .min(NETWORK_LIMITS.fiscalYearMin)
  .max(NETWORK_LIMITS.fiscalYearMax);

// ---- Partners -----------------------------------------------------------------------------------------------------

const partnerFields = {
  nameTh: name,
  nameEn: optionalName.default(''),
  sector: z.enum(PARTNER_SECTORS),
  roles,
  descriptionTh: text.default(''),
  descriptionEn: text.default(''),
  provinceCode: z.int().min(10).max(99).nullable().default(null),
  website: website.default(null),
  contactEmail: z.email().max(254).nullable().default(null),
  organisationId: z.uuid().nullable().default(null),
};

export const CreatePartnerBodySchema = z.object(partnerFields).strict();
export type CreatePartnerBody = z.infer<typeof CreatePartnerBodySchema>;

/** A partial update; `version` is the one read (a stale one gets 409). */
export const UpdatePartnerBodySchema = z
  .object({
    version,
    nameTh: name.optional(),
    nameEn: optionalName.optional(),
    sector: z.enum(PARTNER_SECTORS).optional(),
    roles: roles.optional(),
    descriptionTh: text.optional(),
    descriptionEn: text.optional(),
    provinceCode: z.int().min(10).max(99).nullable().optional(),
    website: website.optional(),
    contactEmail: z.email().max(254).nullable().optional(),
    organisationId: z.uuid().nullable().optional(),
  })
  .strict();
export type UpdatePartnerBody = z.infer<typeof UpdatePartnerBodySchema>;

export const PartnerListQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    role: z.enum(PARTNER_ROLES).optional(),
    sector: z.enum(PARTNER_SECTORS).optional(),
    limit: z.coerce.number().int().min(1).max(NETWORK_LIMITS.pageSizeMax).default(24),
    cursor: z.coerce.number().int().min(0).optional(),
  })
  .strict();
export type PartnerListQuery = z.infer<typeof PartnerListQuerySchema>;

export const PartnerSummarySchema = z.object({
  id: z.uuid(),
  nameTh: z.string(),
  nameEn: z.string(),
  sector: z.enum(PARTNER_SECTORS),
  roles: z.array(z.enum(PARTNER_ROLES)),
  provinceCode: z.int().nullable(),
  descriptionTh: z.string(),
  descriptionEn: z.string(),
  mouCount: z.int(),
  /** An MOU in force today (Bangkok). */
  hasActiveMou: z.boolean(),
  linkCount: z.int(),
});
export type PartnerSummary = z.infer<typeof PartnerSummarySchema>;

export const PartnerListSchema = z.object({
  data: z.array(PartnerSummarySchema),
  page: z.object({ total: z.int(), nextCursor: z.int().nullable() }),
});
export type PartnerList = z.infer<typeof PartnerListSchema>;

// ---- MOUs ---------------------------------------------------------------------------------------------------------

export const MouBodySchema = z
  .object({
    titleTh: name,
    titleEn: optionalName.default(''),
    scopeTh: text.default(''),
    scopeEn: text.default(''),
    signedOn: isoDate,
    startsOn: isoDate,
    endsOn: isoDate.nullable().default(null),
    drivingUnitId: z.uuid().nullable().default(null),
  })
  .strict();
export type MouBody = z.infer<typeof MouBodySchema>;

export const UpdateMouBodySchema = z
  .object({
    version,
    titleTh: name.optional(),
    titleEn: optionalName.optional(),
    scopeTh: text.optional(),
    scopeEn: text.optional(),
    signedOn: isoDate.optional(),
    startsOn: isoDate.optional(),
    endsOn: isoDate.nullable().optional(),
    drivingUnitId: z.uuid().nullable().optional(),
  })
  .strict();
export type UpdateMouBody = z.infer<typeof UpdateMouBodySchema>;

export const MouDocumentSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.int(),
  createdAt: z.string(),
});
export type MouDocument = z.infer<typeof MouDocumentSchema>;

export const MouSchema = z.object({
  id: z.uuid(),
  partnerId: z.uuid(),
  titleTh: z.string(),
  titleEn: z.string(),
  scopeTh: z.string(),
  scopeEn: z.string(),
  signedOn: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  drivingUnit: z.object({ id: z.uuid(), nameTh: z.string(), nameEn: z.string() }).nullable(),
  /** in_force | upcoming | expired, on today's Bangkok date. */
  state: z.enum(['upcoming', 'in_force', 'expired']),
  /** The signed copies and annexes: listed for staff only (null for everyone else). */
  documents: z.array(MouDocumentSchema).nullable(),
  version: z.int(),
});
export type Mou = z.infer<typeof MouSchema>;

// ---- Contributions ------------------------------------------------------------------------------------------------

export const ContributionBodySchema = z
  .object({
    kind: z.enum(CONTRIBUTION_KINDS),
    amountSatang: z.int().min(1).max(NETWORK_LIMITS.moneyMaxSatang),
    descriptionTh: text.default(''),
    fiscalYear: z.int().min(NETWORK_LIMITS.fiscalYearMin).max(NETWORK_LIMITS.fiscalYearMax),
    receivedOn: isoDate.nullable().default(null),
    mouId: z.uuid().nullable().default(null),
    programmeId: z.uuid().nullable().default(null),
    projectId: z.uuid().nullable().default(null),
  })
  .strict();
export type ContributionBody = z.infer<typeof ContributionBodySchema>;

export const ContributionSchema = z.object({
  id: z.uuid(),
  kind: z.enum(CONTRIBUTION_KINDS),
  amountSatang: z.int(),
  descriptionTh: z.string(),
  fiscalYear: z.int(),
  receivedOn: z.string().nullable(),
  mouId: z.uuid().nullable(),
  programme: z.object({ id: z.uuid(), nameTh: z.string(), nameEn: z.string() }).nullable(),
  project: z.object({ id: z.uuid(), titleTh: z.string(), titleEn: z.string() }).nullable(),
});
export type Contribution = z.infer<typeof ContributionSchema>;

export const ContributionTotalsSchema = z.object({
  cashSatang: z.int(),
  inKindSatang: z.int(),
  totalSatang: z.int(),
  byFiscalYear: z.array(
    z.object({ fiscalYear: z.int(), cashSatang: z.int(), inKindSatang: z.int(), totalSatang: z.int() }),
  ),
});
export type ContributionTotals = z.infer<typeof ContributionTotalsSchema>;

// ---- Links --------------------------------------------------------------------------------------------------------

/** A partner's part in exactly one of: a programme, a project, a driving unit's work. */
export const LinkBodySchema = z
  .object({
    target: z.enum(LINK_TARGETS),
    targetId: z.uuid(),
    role: z.enum(PARTNER_ROLES),
  })
  .strict();
export type LinkBody = z.infer<typeof LinkBodySchema>;

export const PartnerLinkSchema = z.object({
  id: z.uuid(),
  target: z.enum(LINK_TARGETS),
  targetId: z.uuid(),
  nameTh: z.string(),
  nameEn: z.string(),
  /** The programme's slug, for its public page. */
  slug: z.string().nullable(),
  role: z.enum(PARTNER_ROLES),
});
export type PartnerLink = z.infer<typeof PartnerLinkSchema>;

export const PartnerDetailSchema = PartnerSummarySchema.extend({
  website: z.string().nullable(),
  contactEmail: z.string().nullable(),
  organisationId: z.uuid().nullable(),
  version: z.int(),
  mous: z.array(MouSchema),
  contributions: z.array(ContributionSchema),
  totals: ContributionTotalsSchema,
  links: z.array(PartnerLinkSchema),
  abilities: z.object({ manage: z.boolean() }),
});
export type PartnerDetail = z.infer<typeof PartnerDetailSchema>;

export const FiscalYearQuerySchema = z.object({ fiscalYear: fiscalYear.optional() }).strict();

// ---- Graph --------------------------------------------------------------------------------------------------------

export const GRAPH_NODE_KINDS = ['agency', 'driving_unit', 'partner', 'programme', 'project'] as const;
export type GraphNodeKind = (typeof GRAPH_NODE_KINDS)[number];

export const GraphQuerySchema = z.object({ role: z.enum(PARTNER_ROLES).optional() }).strict();
export type GraphQuery = z.infer<typeof GraphQuerySchema>;

export const GraphNodeSchema = z.object({
  /** `<kind>:<uuid>`, or `agency` for the agency itself. */
  id: z.string(),
  kind: z.enum(GRAPH_NODE_KINDS),
  nameTh: z.string(),
  nameEn: z.string(),
  /** A partner's roles; empty for other nodes. */
  roles: z.array(z.enum(PARTNER_ROLES)),
});
export type GraphNode = z.infer<typeof GraphNodeSchema>;

export const GraphEdgeSchema = z.object({
  source: z.string(),
  target: z.string(),
  kind: z.enum(['link', 'mou', 'structure']),
  role: z.enum(PARTNER_ROLES).nullable(),
});
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;

export const NetworkGraphSchema = z.object({
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema),
});
export type NetworkGraph = z.infer<typeof NetworkGraphSchema>;

/** The choices officers link partners to. */
export const LinkTargetOptionSchema = z.object({
  target: z.enum(LINK_TARGETS),
  id: z.uuid(),
  nameTh: z.string(),
  nameEn: z.string(),
});
export type LinkTargetOption = z.infer<typeof LinkTargetOptionSchema>;
