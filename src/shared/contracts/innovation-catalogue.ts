import { z } from 'zod';
import { THEME_CODES } from '@shared/reference/themes';
import { REGION_CODES } from '@shared/reference/regions';
import { INNOVATION_LIMITS, INNOVATION_STATUSES } from './innovations';
import { CATALOGUE_SORTS } from './innovation-catalogue-query';
import { TextPieceSchema } from './search';

export { CATALOGUE_SORTS, type CatalogueSort } from './innovation-catalogue-query';

const srlLevel = z.coerce.number().int().min(1).max(9);

/**
 * The catalogue's query: a Thai-aware search with filters. `scope=manage` (curators) lists every status, drafts
 * included, and takes a `status` filter; the public scope lists published entries only.
 */
export const CatalogueQuerySchema = z
  .object({
    q: z.string().trim().max(INNOVATION_LIMITS.searchQueryMax).optional(),
    theme: z.enum(THEME_CODES).optional(),
    sdg: z.coerce.number().int().min(1).max(17).optional(),
    province: z.coerce.number().int().min(10).max(99).optional(),
    region: z.enum(REGION_CODES).optional(),
    srlMin: srlLevel.optional(),
    srlMax: srlLevel.optional(),
    programme: z.uuid().optional(),
    diffusionReady: z.enum(['true', 'false']).optional(),
    featured: z.enum(['true', 'false']).optional(),
    scope: z.enum(['public', 'manage']).default('public'),
    status: z.enum(INNOVATION_STATUSES).optional(),
    sort: z.enum(CATALOGUE_SORTS).default('relevance'),
    limit: z.coerce.number().int().min(1).max(INNOVATION_LIMITS.pageSizeMax).default(24),
    cursor: z.coerce.number().int().min(0).max(100_000).optional(),
  })
  .strict();
export type CatalogueQuery = z.infer<typeof CatalogueQuerySchema>;

const PlaceSchema = z.object({ code: z.int(), nameTh: z.string(), nameEn: z.string() });

/** One entry of the catalogue list, its title and summary highlighted where the query's words occur. */
export const CatalogueItemSchema = z.object({
  id: z.uuid(),
  status: z.enum(INNOVATION_STATUSES),
  titleTh: z.string(),
  titleEn: z.string(),
  highlight: z.object({
    titleTh: z.array(TextPieceSchema),
    titleEn: z.array(TextPieceSchema),
    summaryTh: z.array(TextPieceSchema),
    summaryEn: z.array(TextPieceSchema),
  }),
  themes: z.array(z.enum(THEME_CODES)),
  sdgs: z.array(z.int()),
  srl: z.int().nullable(),
  originProvince: PlaceSchema.nullable(),
  isDiffusionReady: z.boolean(),
  isFeatured: z.boolean(),
  adoptionCostSatang: z.int().nullable(),
  coverThumbnailUrl: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type CatalogueItem = z.infer<typeof CatalogueItemSchema>;

export const CatalogueListSchema = z.object({
  data: z.array(CatalogueItemSchema),
  page: z.object({
    total: z.int(),
    nextCursor: z.int().nullable(),
    /** A broad search matched more than `total` entries: only the first `total` (featured, newest) are ranked. */
    totalCapped: z.boolean(),
  }),
});
export type CatalogueList = z.infer<typeof CatalogueListSchema>;

export const SuggestQuerySchema = z
  .object({
    q: z.string().trim().max(INNOVATION_LIMITS.searchQueryMax).default(''),
    limit: z.coerce.number().int().min(1).max(INNOVATION_LIMITS.suggestMax).default(8),
  })
  .strict();
export type SuggestQuery = z.infer<typeof SuggestQuerySchema>;

/** A title offered as the user types: both languages, the Thai one highlighted. */
export const SuggestionSchema = z.object({
  id: z.uuid(),
  titleTh: z.string(),
  titleEn: z.string(),
  highlight: z.array(TextPieceSchema),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const SuggestionListSchema = z.object({ data: z.array(SuggestionSchema) });
export type SuggestionList = z.infer<typeof SuggestionListSchema>;
