import type { Language } from '@shared/i18n/index';
import { formatNumber } from '@web/lib/format';

/** A fiscal year (BE) as the language shows it: Buddhist Era in Thai, Common Era in English. */
export function fiscalYearText(fiscalYear: number, lang: Language): string {
  return String(lang === 'th' ? fiscalYear : fiscalYear - 543);
}

/** An aggregated SROI in the reader's convention: Thai "1 : X", English "X : 1". */
export function ratioText(ratio: number, lang: Language): string {
  const x = formatNumber(ratio, lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return lang === 'th' ? `1 : ${x}` : `${x} : 1`;
}

/** `part` of `whole` in whole percent, or null when the whole is zero. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}

/** Satang as whole baht in millions, for chart axes ("1.5"). */
export function millionsOfBaht(satang: number, lang: Language): string {
  return formatNumber(satang / 100 / 1_000_000, lang, { maximumFractionDigits: 2 });
}
