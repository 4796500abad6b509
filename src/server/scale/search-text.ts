import { segmentWords } from '@server/lib/thai-text';

/**
 * `toSearchText` (lib/thai-text) for millions of rows: the same words, segmented once per distinct whitespace-
 * separated chunk. Word boundaries never cross whitespace, so segmenting chunk by chunk gives exactly the text the
 * application stores (a unit test holds the two equal); the generated text repeats its chunks (ideas, places,
 * phrases) so much that a cache makes the segmentation nearly free.
 */
const cache = new Map<string, string>();
const CACHE_MAX = 400_000;

function segmentChunk(chunk: string): string {
  let words = cache.get(chunk);
  if (words === undefined) {
    words = segmentWords(chunk).join(' ');
    if (cache.size >= CACHE_MAX) {
      cache.clear();
    }
    cache.set(chunk, words);
  }
  return words;
}

export function searchTextOf(...parts: Array<string | null | undefined>): string {
  const out: string[] = [];
  for (const part of parts) {
    if (!part) {
      continue;
    }
    for (const chunk of part.split(/\s+/u)) {
      if (chunk) {
        const words = segmentChunk(chunk);
        if (words) {
          out.push(words);
        }
      }
    }
  }
  return out.join(' ');
}
