import type { Database } from '@server/db/client';
import { AppError, invalidField } from '@server/lib/errors';
import type { Actor } from '@server/lib/authz';
import { highlightSnippet, highlightText, parseTextSearch } from '@server/lib/text-search';
import type {
  CatalogueItem,
  CatalogueList,
  CatalogueQuery,
  SuggestionList,
  SuggestQuery,
} from '@shared/contracts/innovation-catalogue';
import type { InnovationStatus } from '@shared/contracts/innovations';
import { PROVINCES } from '@shared/reference/provinces';
import type { ThemeCode } from '@shared/reference/themes';
import * as repo from './innovations.catalogue.repo';
import { isCurator } from './innovations.policy';

const PUBLISHED: readonly InnovationStatus[] = ['published'];
const SNIPPET_LENGTH = 180;
const provinceByCode = new Map(PROVINCES.map((p) => [p.code, p]));

function flag(value: 'true' | 'false' | undefined): boolean | undefined {
  return value === undefined ? undefined : value === 'true';
}

/** The statuses a list may show: published for everyone; any (or the one asked for) for curators managing it. */
function statusesFor(actor: Actor | null, query: Pick<CatalogueQuery, 'scope' | 'status'>) {
  if (query.scope === 'public') {
    if (query.status !== undefined && query.status !== 'published') {
      throw invalidField('query.status', 'errors.catalogue.STATUS_NEEDS_MANAGE');
    }
    return PUBLISHED;
  }
  if (!actor) {
    throw new AppError('UNAUTHENTICATED');
  }
  if (!isCurator(actor)) {
    throw new AppError('FORBIDDEN');
  }
  return query.status ? [query.status] : null;
}

function toItem(row: repo.CatalogueRow, search: ReturnType<typeof parseTextSearch>): CatalogueItem {
  const province = row.originProvinceCode === null ? undefined : provinceByCode.get(row.originProvinceCode);
  return {
    id: row.id,
    status: row.status as InnovationStatus,
    titleTh: row.titleTh,
    titleEn: row.titleEn,
    highlight: {
      titleTh: highlightText(row.titleTh, search),
      titleEn: highlightText(row.titleEn, search),
      summaryTh: highlightSnippet(row.summaryTh, search, SNIPPET_LENGTH),
      summaryEn: highlightSnippet(row.summaryEn, search, SNIPPET_LENGTH),
    },
    themes: row.themes as ThemeCode[],
    sdgs: row.sdgs,
    srl: row.srl,
    originProvince: province
      ? { code: province.code, nameTh: province.nameTh, nameEn: province.nameEn }
      : null,
    isDiffusionReady: row.isDiffusionReady,
    isFeatured: row.isFeatured,
    adoptionCostSatang: row.adoptionCostSatang,
    coverThumbnailUrl:
      row.coverMediaId && row.coverHasThumbnail
        ? `/api/innovations/${row.id}/media/${row.coverMediaId}/thumbnail`
        : null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

/**
 * The innovation catalogue: published entries for everyone, every status for curators (`scope=manage`, with a
 * `status` filter). A Thai-aware search (words in any order and language, the last one a prefix; misspelt and
 * partial titles through trigram similarity) ranked by relevance, with filters by theme, SDG, province, region,
 * SRL range, programme, diffusion-readiness and featured; titles and summary snippets highlighted.
 */
export async function listCatalogue(
  db: Database,
  actor: Actor | null,
  query: CatalogueQuery,
): Promise<CatalogueList> {
  const statuses = statusesFor(actor, query);
  if (query.srlMin !== undefined && query.srlMax !== undefined && query.srlMin > query.srlMax) {
    throw invalidField('query.srlMax', 'errors.catalogue.SRL_RANGE');
  }
  const search = parseTextSearch(query.q);
  const offset = query.cursor ?? 0;
  const { rows, total, totalCapped } = await repo.listCatalogue(
    db,
    {
      statuses,
      search,
      theme: query.theme,
      sdg: query.sdg,
      province: query.province,
      provinces: query.region
        ? PROVINCES.filter((p) => p.region === query.region).map((p) => p.code)
        : undefined,
      srlMin: query.srlMin,
      srlMax: query.srlMax,
      programmeId: query.programme,
      diffusionReady: flag(query.diffusionReady),
      featured: flag(query.featured),
    },
    query.sort,
    query.limit,
    offset,
  );
  return {
    data: rows.map((row) => toItem(row, search)),
    page: { total, nextCursor: offset + rows.length < total ? offset + rows.length : null, totalCapped },
  };
}

/** Titles for the search box's autocomplete (published entries; curators managing the catalogue see every status). */
export async function suggestInnovations(
  db: Database,
  actor: Actor | null,
  query: SuggestQuery & { scope?: 'public' | 'manage' },
): Promise<SuggestionList> {
  const statuses = statusesFor(actor, { scope: query.scope ?? 'public', status: undefined });
  const search = parseTextSearch(query.q);
  if (!search) {
    return { data: [] };
  }
  const rows = await repo.suggestTitles(db, search, statuses, query.limit);
  return {
    data: rows.map((row) => ({ ...row, highlight: highlightText(row.titleTh, search) })),
  };
}
