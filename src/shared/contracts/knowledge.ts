import { z } from 'zod';
import { THEME_CODES } from '@shared/reference/themes';

export const KNOWLEDGE_KINDS = [
  'toolkit',
  'training_material',
  'case_study',
  'report',
  'video',
  'other',
] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];

/** Who a resource is written for. */
export const KNOWLEDGE_AUDIENCES = [
  'community',
  'social_enterprise',
  'youth',
  'local_government',
  'academic',
  'driving_unit',
  'general_public',
] as const;
export type KnowledgeAudience = (typeof KNOWLEDGE_AUDIENCES)[number];

export const KNOWLEDGE_LANGUAGES = ['th', 'en', 'both'] as const;
export const KNOWLEDGE_STATUSES = ['draft', 'published'] as const;
export type KnowledgeStatus = (typeof KNOWLEDGE_STATUSES)[number];

export const KNOWLEDGE_LIMITS = {
  title: 300,
  summary: 4000,
  fileMaxBytes: 30 * 1024 * 1024,
  pageSizeMax: 100,
} as const;

const unique = <T>(list: readonly T[]) => new Set(list).size === list.length;
const themes = z
  .array(z.enum(THEME_CODES))
  .max(THEME_CODES.length)
  .refine(unique, { message: 'Each theme once' });
const audiences = z
  .array(z.enum(KNOWLEDGE_AUDIENCES))
  .max(KNOWLEDGE_AUDIENCES.length)
  .refine(unique, { message: 'Each audience once' });
const externalUrl = z
  .url({ protocol: /^https?$/ })
  .max(1000)
  .nullable();

export const CreateResourceBodySchema = z
  .object({
    kind: z.enum(KNOWLEDGE_KINDS),
    titleTh: z.string().trim().min(1).max(KNOWLEDGE_LIMITS.title),
    titleEn: z.string().trim().max(KNOWLEDGE_LIMITS.title).default(''),
    summaryTh: z.string().trim().max(KNOWLEDGE_LIMITS.summary).default(''),
    summaryEn: z.string().trim().max(KNOWLEDGE_LIMITS.summary).default(''),
    themes: themes.default([]),
    audiences: audiences.default([]),
    language: z.enum(KNOWLEDGE_LANGUAGES).default('th'),
    externalUrl: externalUrl.default(null),
    /** Officers choose any unit or none; a unit's staff always publish as their unit. */
    drivingUnitId: z.uuid().nullable().default(null),
  })
  .strict();
export type CreateResourceBody = z.infer<typeof CreateResourceBodySchema>;

export const UpdateResourceBodySchema = z
  .object({
    version: z.int().min(1),
    kind: z.enum(KNOWLEDGE_KINDS).optional(),
    titleTh: z.string().trim().min(1).max(KNOWLEDGE_LIMITS.title).optional(),
    titleEn: z.string().trim().max(KNOWLEDGE_LIMITS.title).optional(),
    summaryTh: z.string().trim().max(KNOWLEDGE_LIMITS.summary).optional(),
    summaryEn: z.string().trim().max(KNOWLEDGE_LIMITS.summary).optional(),
    themes: themes.optional(),
    audiences: audiences.optional(),
    language: z.enum(KNOWLEDGE_LANGUAGES).optional(),
    externalUrl: externalUrl.optional(),
    drivingUnitId: z.uuid().nullable().optional(),
  })
  .strict();
export type UpdateResourceBody = z.infer<typeof UpdateResourceBodySchema>;

export const ResourceVersionBodySchema = z.object({ version: z.int().min(1) }).strict();
export type ResourceVersionBody = z.infer<typeof ResourceVersionBodySchema>;

export const ResourceListQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    kind: z.enum(KNOWLEDGE_KINDS).optional(),
    theme: z.enum(THEME_CODES).optional(),
    audience: z.enum(KNOWLEDGE_AUDIENCES).optional(),
    /** `mine`: the drafts and published resources the actor manages (staff). */
    scope: z.enum(['public', 'manage']).default('public'),
    limit: z.coerce.number().int().min(1).max(KNOWLEDGE_LIMITS.pageSizeMax).default(24),
    cursor: z.coerce.number().int().min(0).optional(),
  })
  .strict();
export type ResourceListQuery = z.infer<typeof ResourceListQuerySchema>;

export const ResourceSchema = z.object({
  id: z.uuid(),
  kind: z.enum(KNOWLEDGE_KINDS),
  titleTh: z.string(),
  titleEn: z.string(),
  summaryTh: z.string(),
  summaryEn: z.string(),
  themes: z.array(z.enum(THEME_CODES)),
  audiences: z.array(z.enum(KNOWLEDGE_AUDIENCES)),
  language: z.enum(KNOWLEDGE_LANGUAGES),
  drivingUnit: z.object({ id: z.uuid(), nameTh: z.string(), nameEn: z.string() }).nullable(),
  file: z.object({ fileName: z.string(), contentType: z.string(), sizeBytes: z.int() }).nullable(),
  externalUrl: z.string().nullable(),
  status: z.enum(KNOWLEDGE_STATUSES),
  publishedAt: z.string().nullable(),
  downloadCount: z.int(),
  version: z.int(),
  abilities: z.object({ manage: z.boolean() }),
});
export type Resource = z.infer<typeof ResourceSchema>;

export const ResourceListSchema = z.object({
  data: z.array(ResourceSchema),
  page: z.object({ total: z.int(), nextCursor: z.int().nullable() }),
});
export type ResourceList = z.infer<typeof ResourceListSchema>;
