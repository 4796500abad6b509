import type { UnitMeasure } from '@shared/contracts/driving-units';
import type { Language } from '@shared/i18n/index';
import { PROVINCES } from '@shared/reference/provinces';
import { REGIONS } from '@shared/reference/regions';
import { formatNumber, localName } from '@web/lib/format';

/** Measures counted in hours (the rest are counts). */
const HOUR_MEASURES: ReadonlySet<UnitMeasure> = new Set(['mentoring_hours']);

/** A measure's value as the language shows it, with "h"/"ชม." for hours (none when `hoursUnit` is empty). */
export function formatMeasure(
  measure: UnitMeasure,
  value: number,
  lang: Language,
  hoursUnit: string,
): string {
  const number = formatNumber(value, lang, { maximumFractionDigits: HOUR_MEASURES.has(measure) ? 2 : 0 });
  return HOUR_MEASURES.has(measure) && hoursUnit !== '' ? `${number} ${hoursUnit}` : number;
}

/** The share of the target reached, in whole percent (null without a positive target). */
export function percentOf(actual: number, target: number | null): number | null {
  if (target === null || target <= 0) {
    return null;
  }
  return Math.round((actual / target) * 100);
}

/** The region's name, or '' for none. */
export function regionName(code: string | null, lang: Language): string {
  const region = REGIONS.find((r) => r.code === code);
  return region ? localName(region, lang) : '';
}

/** The province's name by code. */
export function provinceName(code: number, lang: Language): string {
  const province = PROVINCES.find((p) => p.code === code);
  return province ? localName(province, lang) : String(code);
}

/** Fiscal years (BE) to choose from: the next year, the current one and five before. */
export function fiscalYearChoices(current: number): number[] {
  return Array.from({ length: 7 }, (_, i) => current + 1 - i);
}

/** A fiscal year (BE) from a route's query text, or undefined when absent or not a plausible year. */
export function parseFiscalYear(raw: string | null): number | undefined {
  if (!raw || !/^\d{4}$/.test(raw)) {
    return undefined;
  }
  const year = Number(raw);
  return year >= 2500 && year <= 2700 ? year : undefined;
}

/** The host name of a web address, to label a link (the address itself when it does not parse). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
