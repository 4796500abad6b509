export const LANGUAGES = ['th', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'th';

export function isLanguage(value: unknown): value is Language {
  return value === 'th' || value === 'en';
}

/**
 * Picks the language of a request: an explicit `lang` cookie wins, then the first supported language of the
 * Accept-Language header (by q-value), else Thai.
 */
export function negotiateLanguage(
  cookieLang: string | undefined,
  acceptLanguage: string | undefined,
): Language {
  if (isLanguage(cookieLang)) {
    return cookieLang;
  }
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(',')
      .map((part, index) => {
        const [tag = '', ...params] = part.trim().split(';');
        const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        const weight = q ? Number(q.slice(2)) : 1;
        return { base: tag.toLowerCase().split('-')[0], weight: Number.isFinite(weight) ? weight : 0, index };
      })
      .filter((entry) => entry.weight > 0)
      .sort((a, b) => b.weight - a.weight || a.index - b.index);
    for (const entry of ranked) {
      if (isLanguage(entry.base)) {
        return entry.base;
      }
    }
  }
  return DEFAULT_LANGUAGE;
}
