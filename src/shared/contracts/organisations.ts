import { z } from 'zod';
import { ORGANISATION_TYPE_CODES } from '../reference/organisation-types';
import { THEME_CODES } from '../reference/themes';
import { COMMUNITY_ENTERPRISE_CODE, hasValidThaiIdChecksum, normaliseThaiId } from '../validation/thai-ids';
import { EmailSchema, PhoneSchema } from './identity';
import { OrganisationRefSchema } from './proposals';

export const MEMBER_ROLES = ['owner', 'editor', 'viewer'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const MemberRoleSchema = z.enum(MEMBER_ROLES);

const JuristicIdSchema = z
  .string()
  .transform(normaliseThaiId)
  .refine((v) => hasValidThaiIdChecksum(v), 'a 13-digit juristic-person number with a valid check digit');

const OrganisationFields = {
  nameTh: z.string().trim().min(1).max(300),
  nameEn: z.string().trim().max(300).nullable().optional(),
  type: z.enum(ORGANISATION_TYPE_CODES),
  juristicId: JuristicIdSchema.nullable().optional(),
  communityEnterpriseCode: z
    .string()
    .trim()
    .regex(COMMUNITY_ENTERPRISE_CODE, 'a code such as 4-34-01-05/1-0012')
    .nullable()
    .optional(),
  addressLine: z.string().trim().max(500).nullable().optional(),
  provinceCode: z.number().int().min(10).max(99).nullable().optional(),
  districtCode: z.number().int().min(1000).max(9999).nullable().optional(),
  subdistrictCode: z.number().int().min(100000).max(999999).nullable().optional(),
  postalCode: z
    .string()
    .regex(/^\d{5}$/, 'five digits')
    .nullable()
    .optional(),
  contactEmail: EmailSchema.nullable().optional(),
  contactPhone: PhoneSchema.nullable().optional(),
  website: z
    .url()
    .max(300)
    .refine((u) => /^https?:\/\//.test(u), 'http or https')
    .nullable()
    .optional(),
  description: z.string().max(5000).optional(),
  themes: z.array(z.enum(THEME_CODES)).max(9).optional(),
};

export const CreateOrganisationBodySchema = z.object(OrganisationFields).strict();
export type CreateOrganisationBody = z.infer<typeof CreateOrganisationBodySchema>;

export const UpdateOrganisationBodySchema = z
  .object({
    ...OrganisationFields,
    nameTh: OrganisationFields.nameTh.optional(),
    type: OrganisationFields.type.optional(),
    version: z.number().int().positive(),
  })
  .strict();
export type UpdateOrganisationBody = z.infer<typeof UpdateOrganisationBodySchema>;

export const OrganisationSchema = z.object({
  id: z.string(),
  nameTh: z.string(),
  nameEn: z.string().nullable(),
  type: z.enum(ORGANISATION_TYPE_CODES),
  juristicId: z.string().nullable(),
  communityEnterpriseCode: z.string().nullable(),
  addressLine: z.string().nullable(),
  provinceCode: z.number().int().nullable(),
  districtCode: z.number().int().nullable(),
  subdistrictCode: z.number().int().nullable(),
  postalCode: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  website: z.string().nullable(),
  description: z.string(),
  themes: z.array(z.string()),
  version: z.number().int(),
  myRole: MemberRoleSchema.nullable(),
  abilities: z.object({ edit: z.boolean(), manageMembers: z.boolean() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export const MemberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: MemberRoleSchema,
  joinedAt: z.string(),
});
export type Member = z.infer<typeof MemberSchema>;

export const InviteBodySchema = z.object({ email: EmailSchema, role: MemberRoleSchema }).strict();
export const InvitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: MemberRoleSchema,
  expiresAt: z.string(),
});
export const AcceptInvitationBodySchema = z.object({ token: z.string().min(20).max(200) }).strict();
export const ChangeMemberRoleBodySchema = z.object({ role: MemberRoleSchema }).strict();
export const TransferOwnershipBodySchema = z.object({ userId: z.uuid() }).strict();
export const MemberParamsSchema = z.object({ id: z.uuid(), userId: z.uuid() });

/** At most this many organisations answer one lookup. */
export const ORGANISATION_LOOKUP_LIMIT = 20;

/** `q`: part of a Thai or English name, 2–100 characters once trimmed. */
export const OrganisationLookupQuerySchema = z.object({ q: z.string().trim().min(2).max(100) }).strict();
export type OrganisationLookupQuery = z.infer<typeof OrganisationLookupQuerySchema>;

/** Minimal references (no contact data, no members), ordered by Thai name. */
export const OrganisationLookupResponseSchema = z.array(OrganisationRefSchema).max(ORGANISATION_LOOKUP_LIMIT);
