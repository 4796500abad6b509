import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { innovationMedia, innovations } from '@server/db/schema/index';
import { loosenSearch, withTrigramThreshold, type TextSearch } from '@server/lib/text-search';
import type { CatalogueSort } from '@shared/contracts/innovation-catalogue';
import type { InnovationStatus } from '@shared/contracts/innovations';
import { innovationSearchSql } from './innovations.search';

/** What the catalogue list filters on, already resolved by the service (a region is its provinces). */
export interface CatalogueFilter {
  /** null: every status (curators). */
  statuses: readonly InnovationStatus[] | null;
  search: TextSearch | null;
  theme?: string;
  sdg?: number;
  province?: number;
  provinces?: readonly number[];
  srlMin?: number;
  srlMax?: number;
  programmeId?: string;
  diffusionReady?: boolean;
  featured?: boolean;
}

export interface CatalogueRow {
  id: string;
  status: string;
  titleTh: string;
  titleEn: string;
  summaryTh: string;
  summaryEn: string;
  themes: string[];
  sdgs: number[];
  srl: number | null;
  originProvinceCode: number | null;
  isDiffusionReady: boolean;
  isFeatured: boolean;
  adoptionCostSatang: number | null;
  coverMediaId: string | null;
  coverHasThumbnail: boolean;
  publishedAt: Date | null;
}

function whereOf(filter: CatalogueFilter): SQL {
  const conditions: SQL[] = [];
  if (filter.statuses) {
    conditions.push(inArray(innovations.status, [...filter.statuses]));
  }
  if (filter.theme) {
    conditions.push(sql`${innovations.themes} @> ARRAY[${filter.theme}]::text[]`);
  }
  if (filter.sdg !== undefined) {
    conditions.push(sql`${innovations.sdgs} @> ARRAY[${filter.sdg}]::smallint[]`);
  }
  if (filter.province !== undefined) {
    conditions.push(
      sql`(${innovations.originProvinceCode} = ${filter.province} OR ${innovations.provinceCodes} @> ARRAY[${filter.province}]::smallint[])`,
    );
  }
  if (filter.provinces) {
    const list = sql.join(
      filter.provinces.map((code) => sql`${code}`),
      sql`, `,
    );
    conditions.push(
      filter.provinces.length === 0
        ? sql`false`
        : sql`(${innovations.originProvinceCode} IN (${list}) OR ${innovations.provinceCodes} && ARRAY[${list}]::smallint[])`,
    );
  }
  if (filter.srlMin !== undefined) {
    conditions.push(sql`${innovations.srl} >= ${filter.srlMin}`);
  }
  if (filter.srlMax !== undefined) {
    conditions.push(sql`${innovations.srl} <= ${filter.srlMax}`);
  }
  if (filter.programmeId) {
    conditions.push(eq(innovations.programmeId, filter.programmeId));
  }
  if (filter.diffusionReady !== undefined) {
    conditions.push(eq(innovations.isDiffusionReady, filter.diffusionReady));
  }
  if (filter.featured !== undefined) {
    conditions.push(eq(innovations.isFeatured, filter.featured));
  }
  return and(...conditions) ?? sql`true`;
}

/** The catalogue's own order, which `innovations_catalogue_idx` serves: featured first, then newest. */
const featuredNewest = () => [
  desc(innovations.isFeatured),
  sql`${innovations.publishedAt} DESC NULLS LAST`,
  desc(innovations.id),
];
const newest = () => [sql`${innovations.publishedAt} DESC NULLS LAST`, desc(innovations.id)];

function orderOf(filter: CatalogueFilter, sort: CatalogueSort): SQL[] {
  switch (sort) {
    case 'relevance':
      return filter.search
        ? [sql`${innovationSearchSql(filter.search).rank} DESC`, ...featuredNewest()]
        : featuredNewest();
    case 'newest':
      return newest();
    case 'title':
      return [asc(innovations.titleTh), asc(innovations.id)];
    default: {
      const exhaustive: never = sort;
      return exhaustive;
    }
  }
}

const listColumns = {
  id: innovations.id,
  status: innovations.status,
  titleTh: innovations.titleTh,
  titleEn: innovations.titleEn,
  summaryTh: innovations.summaryTh,
  summaryEn: innovations.summaryEn,
  themes: innovations.themes,
  sdgs: innovations.sdgs,
  srl: innovations.srl,
  originProvinceCode: innovations.originProvinceCode,
  isDiffusionReady: innovations.isDiffusionReady,
  isFeatured: innovations.isFeatured,
  adoptionCostSatang: innovations.adoptionCostSatang,
  coverMediaId: innovations.coverMediaId,
  coverHasThumbnail: sql<boolean>`(${innovationMedia.thumbnailKey} IS NOT NULL)`,
  publishedAt: innovations.publishedAt,
};

/**
 * A search ranks at most this many matching entries (the featured and newest of them when more match): ranking reads
 * every candidate's words, so a broad query ("ชุมชน") over a large catalogue must not rank them all (ten pages of
 * the best of them are plenty). The total of such a search is reported as this cap, `totalCapped` set.
 */
export const SEARCH_RANK_MAX = 240;
/** Autocomplete ranks fewer: it answers as the user types. */
const SUGGEST_RANK_MAX = 100;

function fromCatalogue(db: DbOrTx) {
  return db
    .select(listColumns)
    .from(innovations)
    .leftJoin(
      innovationMedia,
      and(eq(innovationMedia.id, innovations.coverMediaId), eq(innovationMedia.innovationId, innovations.id)),
    );
}

export interface CataloguePage {
  rows: CatalogueRow[];
  total: number;
  totalCapped: boolean;
}

async function browsePage(
  db: DbOrTx,
  filter: CatalogueFilter,
  sort: CatalogueSort,
  limit: number,
  offset: number,
): Promise<CataloguePage> {
  const where = whereOf(filter);
  const rows = await fromCatalogue(db)
    .where(where)
    .orderBy(...orderOf(filter, sort))
    .limit(limit)
    .offset(offset);
  if (offset === 0 && rows.length < limit) {
    return { rows, total: rows.length, totalCapped: false };
  }
  return { rows, total: await countBrowse(db, filter, where), totalCapped: false };
}

/** Totals up to this many are counted on every request; a larger one is kept for BROWSE_COUNT_MS per filter. */
const BROWSE_COUNT_EXACT = 5_000;
const BROWSE_COUNT_MS = 15_000;
const browseCounts = new Map<string, { total: number; at: number }>();

async function countBrowse(db: DbOrTx, filter: CatalogueFilter, where: SQL): Promise<number> {
  const capped = await countOf(
    db,
    sql`SELECT 1 FROM ${innovations} WHERE ${where} LIMIT ${BROWSE_COUNT_EXACT + 1}`,
  );
  if (capped <= BROWSE_COUNT_EXACT) {
    return capped;
  }
  const key = JSON.stringify(filter);
  const cached = browseCounts.get(key);
  const now = Date.now();
  if (cached && now - cached.at < BROWSE_COUNT_MS) {
    return cached.total;
  }
  const [total] = await db.select({ n: count() }).from(innovations).where(where);
  browseCounts.delete(key);
  browseCounts.set(key, { total: total?.n ?? 0, at: now });
  if (browseCounts.size > 200) {
    const oldest = browseCounts.keys().next();
    if (!oldest.done) {
      browseCounts.delete(oldest.value);
    }
  }
  return total?.n ?? 0;
}

/**
 * A page of a search: the matching entries (at most SEARCH_RANK_MAX of them, taken in the catalogue's own indexed
 * order) ranked by relevance — or, sorted by newest or title, in that order.
 */
/**
 * A search whose words match fewer entries than this also takes the titles similar to the query (trigrams:
 * misspellings, partial words). The trigram arm is the costly one on a large catalogue (every candidate's similarity is
 * worked out), so a query whose words already find plenty goes without it.
 */
export const TRIGRAM_FALLBACK_BELOW = 24;

/** The ids matching one arm of the search, at most `max` + 1 of them, the featured and newest first. */
function armOf(filter: CatalogueFilter, match: SQL, max: number): SQL {
  return sql`(SELECT ${innovations.id} FROM ${innovations} WHERE ${whereOf(filter)} AND ${match}
      ORDER BY ${innovations.isFeatured} DESC, ${innovations.publishedAt} DESC NULLS LAST, ${innovations.id} DESC
      LIMIT ${max + 1})`;
}

/** The similar titles, from the trigram index (a bitmap scan) planned apart, at most `max` + 1. */
function similarTitlesOf(filter: CatalogueFilter, trigram: SQL, max: number): SQL {
  // Asked for in the catalogue's order with a limit, PostgreSQL would walk that order and work out the similarity of
  // every entry on the way; materialised, it takes the few the index offers.
  return sql`(WITH near_titles AS MATERIALIZED (SELECT ${innovations.id} AS id FROM ${innovations}
      WHERE ${whereOf(filter)} AND ${trigram}) SELECT id FROM near_titles LIMIT ${max + 1})`;
}

/**
 * A page of the entries whose ids `candidates` gives, ranked (or sorted), with how many candidates there are (a
 * window count: one query for both).
 */
async function rankedPage(
  db: DbOrTx,
  candidates: SQL,
  filter: CatalogueFilter,
  search: TextSearch,
  sort: CatalogueSort,
  limit: number,
  offset: number,
): Promise<{ rows: CatalogueRow[]; found: number }> {
  const rows = await db
    .select({ ...listColumns, found: sql<number>`count(*) OVER ()` })
    .from(innovations)
    .leftJoin(
      innovationMedia,
      and(eq(innovationMedia.id, innovations.coverMediaId), eq(innovationMedia.innovationId, innovations.id)),
    )
    .where(sql`${innovations.id} IN (${candidates})`)
    .orderBy(...orderOf({ ...filter, search }, sort))
    .limit(Math.max(1, Math.min(limit, SEARCH_RANK_MAX - offset)))
    .offset(offset);
  const found = rows.length > 0 ? Number(rows[0]?.found) : offset === 0 ? 0 : -1;
  return { rows: rows.map(({ found: _found, ...row }) => row), found };
}

/**
 * A page of a search. Candidates: up to SEARCH_RANK_MAX + 1 entries matching the words (the featured and newest
 * first, so a broad query does not rank the whole catalogue); when they are fewer than TRIGRAM_FALLBACK_BELOW, united
 * with the entries whose title is similar to the query (in a transaction with the search's trigram threshold). They
 * are ranked by relevance (or sorted by newest or title); a broad search reports SEARCH_RANK_MAX, `totalCapped` set.
 */
async function searchPage(
  db: DbOrTx,
  filter: CatalogueFilter,
  search: TextSearch,
  sort: CatalogueSort,
  limit: number,
  offset: number,
): Promise<CataloguePage> {
  const page = (rows: CatalogueRow[], found: number): CataloguePage => ({
    rows: offset >= SEARCH_RANK_MAX ? [] : rows,
    total: Math.min(found, SEARCH_RANK_MAX),
    totalCapped: found > SEARCH_RANK_MAX,
  });
  const { arms } = innovationSearchSql(search);
  const words = armOf(filter, arms.words, SEARCH_RANK_MAX);
  const byWords = await rankedPage(db, words, filter, search, sort, limit, offset);
  const wordsFound = byWords.found >= 0 ? byWords.found : await countOf(db, words);
  if (wordsFound >= TRIGRAM_FALLBACK_BELOW) {
    return page(byWords.rows, wordsFound);
  }
  return withTrigramThreshold(db, async (tx) => {
    const ids = sql`${words} UNION ${similarTitlesOf(filter, arms.trigram, SEARCH_RANK_MAX)}`;
    const both = await rankedPage(tx, ids, filter, search, sort, limit, offset);
    return page(both.rows, both.found >= 0 ? both.found : await countOf(tx, ids));
  });
}

async function countOf(db: DbOrTx, ids: SQL): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(sql`(${ids}) AS candidates`);
  return Number(row?.n ?? 0);
}

/**
 * A page of the catalogue and how many entries the filter finds in all. A search that finds nothing with all its
 * words is retried matching any of them (`loosenSearch`), so a misspelt word among correct ones still finds.
 */
export async function listCatalogue(
  db: DbOrTx,
  filter: CatalogueFilter,
  sort: CatalogueSort,
  limit: number,
  offset: number,
): Promise<CataloguePage & { search: TextSearch | null }> {
  const search = filter.search;
  if (!search) {
    return { ...(await browsePage(db, filter, sort, limit, offset)), search };
  }
  const strict = await searchPage(db, filter, search, sort, limit, offset);
  const loose = strict.total === 0 ? loosenSearch(search) : null;
  if (!loose) {
    return { ...strict, search };
  }
  return { ...(await searchPage(db, filter, loose, sort, limit, offset)), search: loose };
}

/**
 * The best-matching titles for autocomplete: ranked among the first SUGGEST_RANK_MAX entries matching the words, and
 * the similar titles when those are fewer than asked for; retried with any word when all words find none.
 */
export async function suggestTitles(
  db: DbOrTx,
  search: TextSearch,
  statuses: readonly InnovationStatus[] | null,
  limit: number,
): Promise<Array<{ id: string; titleTh: string; titleEn: string }>> {
  const filter: CatalogueFilter = { statuses, search };
  const titles = (tx: DbOrTx, s: TextSearch, ids: SQL) =>
    tx
      .select({ id: innovations.id, titleTh: innovations.titleTh, titleEn: innovations.titleEn })
      .from(innovations)
      .where(sql`${innovations.id} IN (${ids})`)
      .orderBy(sql`${innovationSearchSql(s).rank} DESC`, ...featuredNewest())
      .limit(limit);
  const select = async (s: TextSearch) => {
    const { arms } = innovationSearchSql(s);
    const words = armOf(filter, arms.words, SUGGEST_RANK_MAX);
    const rows = await titles(db, s, words);
    if (rows.length >= limit) {
      return rows;
    }
    return withTrigramThreshold(db, (tx) =>
      titles(tx, s, sql`${words} UNION ${similarTitlesOf(filter, arms.trigram, SUGGEST_RANK_MAX)}`),
    );
  };
  const rows = await select(search);
  const loose = rows.length === 0 ? loosenSearch(search) : null;
  return loose ? select(loose) : rows;
}
