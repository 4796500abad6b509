const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * Words of a text, Thai included: Thai has no spaces between words, so `Intl.Segmenter('th')` finds them. Lower-cased,
 * punctuation dropped.
 */
export function segmentWords(text: string): string[] {
  const words: string[] = [];
  for (const part of segmenter.segment(text.normalize('NFC').toLowerCase())) {
    if (part.isWordLike) {
      words.push(part.segment);
    }
  }
  return words;
}

/** The text kept for full-text search: its words separated by spaces (PostgreSQL's `simple` parser then splits them). */
export function toSearchText(...parts: Array<string | null | undefined>): string {
  return segmentWords(parts.filter(Boolean).join(' ')).join(' ');
}

/**
 * A `to_tsquery('simple', …)` expression matching all words of a query, the last one as a prefix (typing as you go).
 * Returns null when the query has no words.
 */
export function toPrefixQuery(query: string): string | null {
  const words = segmentWords(query)
    .map((w) => w.replace(/[^\p{L}\p{M}\p{N}]/gu, ''))
    .filter((w) => w.length > 0);
  if (words.length === 0) {
    return null;
  }
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
}
