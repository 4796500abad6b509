import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { TextPiece } from '@shared/contracts/search';
import type { DbOrTx } from '@server/db/client';
import { segmentWords } from './thai-text';

/**
 * Thai-aware text search over two columns of a table:
 * - `vector`: a `tsvector` (`simple` configuration) of the row's Thai-segmented words (`toSearchText`), matched with
 *   every word of the query, the last one as a prefix (and, for Thai typed without spaces, the whole query as one
 *   prefix too: the segmenter splits an unfinished word into pieces that the stored text does not have);
 * - `trigramText`: raw lower-cased text (titles, names) with a `gin_trgm_ops` index, matched by `pg_trgm` word
 *   similarity (`<%`) — the fallback that finds misspellings, partial words and Thai segmented differently in the
 *   query. Run the query inside `withTrigramThreshold` to use `TRIGRAM_THRESHOLD` rather than pg_trgm's 0.6.
 * A search is strict first; when it finds nothing the caller may retry with `loosenSearch`, which matches any word.
 * The rank puts rows matching every word first, then orders by title similarity and `ts_rank`.
 */
export interface TextSearchColumns {
  vector: AnyPgColumn | SQL;
  trigramText: AnyPgColumn | SQL;
}

export interface TextSearch {
  /** The query as typed, trimmed, spaces collapsed and lower-cased (compared by `pg_trgm`). */
  raw: string;
  /** Its words (Thai segmented), without tsquery operators. */
  words: string[];
  /** `to_tsquery('simple', …)` of all words, the last as a prefix. */
  allWords: string;
  /** `to_tsquery('simple', …)` of any word (prefixes for words of three letters or more), for ranking. */
  anyWord: string;
  /** `strict`: all words (or the trigram text) must match; `loose`: any word may (the retry when strict found none). */
  mode: 'strict' | 'loose';
}

/** Longest query kept (characters); the contracts cap what a request may send at the same length. */
export const QUERY_MAX = 200;
/** At most this many words of a query take part (a pasted paragraph must not make a huge tsquery). */
export const QUERY_WORDS_MAX = 12;
/**
 * `pg_trgm.word_similarity_threshold` for searches: 0.4 finds a title misspelt by a letter or two, in Thai too,
 * where pg_trgm's default 0.6 finds few (measured on the search-quality set).
 */
export const TRIGRAM_THRESHOLD = 0.4;
const PREFIX_MIN = 3;
const THAI = /[\u0E00-\u0E7F]/u;

/** A word fit for `to_tsquery`: letters, marks and digits, with `.`, `-` and `_` only between them (as in "pm2.5"). */
function cleanWord(word: string): string {
  return word.replace(/[^\p{L}\p{M}\p{N}._-]/gu, '').replace(/^[._-]+|[._-]+$/g, '');
}

/** Parses a search box's text; null when it holds no word (an empty search). */
export function parseTextSearch(query: string | null | undefined): TextSearch | null {
  const raw = (query ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase().slice(0, QUERY_MAX);
  const words = [...new Set(segmentWords(raw).map(cleanWord))]
    .filter((w) => w.length > 0)
    .slice(0, QUERY_WORDS_MAX);
  if (words.length === 0) {
    return null;
  }
  let allWords = words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
  const compact = cleanWord(raw);
  if (words.length > 1 && !raw.includes(' ') && THAI.test(raw) && compact === words.join('')) {
    allWords = `(${allWords}) | ${compact}:*`;
  }
  const anyWord = words.map((w) => (w.length >= PREFIX_MIN ? `${w}:*` : w)).join(' | ');
  return { raw, words, allWords, anyWord, mode: 'strict' };
}

/** The same search matching any of its words: the retry when the strict search found nothing. */
export function loosenSearch(search: TextSearch): TextSearch | null {
  return search.mode === 'strict' && search.words.length > 1 ? { ...search, mode: 'loose' } : null;
}

/**
 * Runs `fn` in a transaction whose `pg_trgm.word_similarity_threshold` is `TRIGRAM_THRESHOLD` (`set_config(…, true)`
 * lasts until the transaction ends, so pooled connections keep the default).
 */
export async function withTrigramThreshold<T>(db: DbOrTx, fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(TRIGRAM_THRESHOLD)}, true)`,
    );
    return fn(tx);
  });
}

/**
 * The two ways a row matches, each served by its own index: the words (`@@`, the vector's GIN) and the trigram text
 * (`<%`, its `gin_trgm_ops`). A large table should query them apart (e.g. UNION): OR-ed in one WHERE, PostgreSQL may
 * walk another index and compute the trigram similarity of every row.
 */
export function textSearchArms(search: TextSearch, columns: TextSearchColumns): { words: SQL; trigram: SQL } {
  const words = search.mode === 'strict' ? search.allWords : search.anyWord;
  return {
    words: sql`${columns.vector} @@ to_tsquery('simple', ${words})`,
    trigram: sql`${search.raw} <% ${columns.trigramText}`,
  };
}

/** Rows the search finds: every word matches (any word, loose), or the trigram text is similar enough to the query. */
export function textSearchWhere(search: TextSearch, columns: TextSearchColumns): SQL {
  const arms = textSearchArms(search, columns);
  return sql`(${arms.words} OR ${arms.trigram})`;
}

/** A relevance score (higher is better) for `ORDER BY … DESC`. */
export function textSearchRank(search: TextSearch, columns: TextSearchColumns): SQL<number> {
  const matched =
    search.mode === 'strict'
      ? sql`(CASE WHEN ${columns.vector} @@ to_tsquery('simple', ${search.allWords}) THEN 1 ELSE 0 END)`
      : sql`((${sql.join(
          search.words.map(
            (w) =>
              sql`(CASE WHEN ${columns.vector} @@ to_tsquery('simple', ${w.length >= PREFIX_MIN ? `${w}:*` : w}) THEN 1 ELSE 0 END)`,
          ),
          sql` + `,
        )})::real / ${search.words.length})`;
  return sql<number>`(
    ${matched}
    + word_similarity(${search.raw}, ${columns.trigramText})
    + ts_rank(${columns.vector}, to_tsquery('simple', ${search.anyWord}))
  )`;
}

/**
 * Splits `text` into pieces, marking where the query's words occur (case-insensitive; Thai matched as written).
 * Safe to render as text: nothing here is HTML.
 */
export function highlightText(text: string, search: TextSearch | null): TextPiece[] {
  if (!search || text.length === 0) {
    return text.length > 0 ? [{ text, match: false }] : [];
  }
  const lower = text.normalize('NFC').toLowerCase();
  const ranges: Array<[number, number]> = [];
  for (const word of new Set(search.words)) {
    let from = 0;
    for (;;) {
      const at = lower.indexOf(word, from);
      if (at < 0) {
        break;
      }
      ranges.push([at, at + word.length]);
      from = at + word.length;
    }
  }
  if (ranges.length === 0) {
    return [{ text, match: false }];
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) {
      last[1] = Math.max(last[1], range[1]);
    } else {
      merged.push([range[0], range[1]]);
    }
  }
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) {
      pieces.push({ text: text.slice(at, start), match: false });
    }
    pieces.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) {
    pieces.push({ text: text.slice(at), match: false });
  }
  return pieces;
}

/**
 * A window of about `length` characters of `text` around the first match of the query (the start when none), with
 * an ellipsis where it was cut, highlighted.
 */
export function highlightSnippet(text: string, search: TextSearch | null, length = 200): TextPiece[] {
  if (text.length <= length) {
    return highlightText(text, search);
  }
  const lower = text.toLowerCase();
  const first = search
    ? Math.min(...search.words.map((w) => lower.indexOf(w)).filter((i) => i >= 0), Number.MAX_SAFE_INTEGER)
    : Number.MAX_SAFE_INTEGER;
  const centre = first === Number.MAX_SAFE_INTEGER ? 0 : first;
  const start = Math.max(0, Math.min(centre - Math.floor(length / 3), text.length - length));
  const window = text.slice(start, start + length);
  const pieces = highlightText(window, search);
  if (start > 0) {
    pieces.unshift({ text: '… ', match: false });
  }
  if (start + length < text.length) {
    pieces.push({ text: ' …', match: false });
  }
  return pieces;
}
