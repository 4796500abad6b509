import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { TextPiece } from '@shared/contracts/search';
import { segmentWords } from './thai-text';

/**
 * Thai-aware text search over two columns of a table:
 * - `vector`: a `tsvector` (`simple` configuration) of the row's Thai-segmented words (`toSearchText`), matched with
 *   every word of the query, the last one as a prefix;
 * - `trigramText`: raw lower-cased text (titles, names) with a `gin_trgm_ops` index, matched by `pg_trgm` word
 *   similarity — the fallback that finds misspellings, partial words and Thai segmented differently in the query.
 * The rank puts rows matching every word first, then orders by `ts_rank` and trigram similarity.
 */
export interface TextSearchColumns {
  vector: AnyPgColumn | SQL;
  trigramText: AnyPgColumn | SQL;
}

export interface TextSearch {
  /** The query as typed, trimmed and lower-cased (compared by `pg_trgm`). */
  raw: string;
  /** Its words (Thai segmented). */
  words: string[];
  /** `to_tsquery('simple', …)` of all words, the last as a prefix. */
  allWords: string;
  /** `to_tsquery('simple', …)` of any word (prefixes), for ranking partial matches. */
  anyWord: string;
}

const QUERY_MAX = 200;

/** Parses a search box's text; null when it holds no word (an empty search). */
export function parseTextSearch(query: string | null | undefined): TextSearch | null {
  const raw = (query ?? '').normalize('NFC').trim().toLowerCase().slice(0, QUERY_MAX);
  const words = segmentWords(raw)
    .map((w) => w.replace(/[^\p{L}\p{M}\p{N}]/gu, ''))
    .filter((w) => w.length > 0);
  if (words.length === 0) {
    return null;
  }
  const allWords = words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
  const anyWord = words.map((w) => `${w}:*`).join(' | ');
  return { raw, words, allWords, anyWord };
}

/** Rows the search finds: every word matches, or the trigram text is similar enough to the query. */
export function textSearchWhere(search: TextSearch, columns: TextSearchColumns): SQL {
  return sql`(${columns.vector} @@ to_tsquery('simple', ${search.allWords}) OR ${search.raw} <% ${columns.trigramText})`;
}

/** A relevance score (higher is better) for `ORDER BY … DESC`. */
export function textSearchRank(search: TextSearch, columns: TextSearchColumns): SQL<number> {
  return sql<number>`(
    (CASE WHEN ${columns.vector} @@ to_tsquery('simple', ${search.allWords}) THEN 1 ELSE 0 END)
    + ts_rank(${columns.vector}, to_tsquery('simple', ${search.anyWord}))
    + word_similarity(${search.raw}, ${columns.trigramText})
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
