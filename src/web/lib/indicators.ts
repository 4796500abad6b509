import type { Language } from '@shared/i18n/index';
import { formatNumber } from './format';
import type { I18n, MessageKey } from './i18n';

const UNITS_WITH_TEMPLATE = ['percent', 'persons', 'rank', 'baht_per_person_per_month'] as const;
type KnownUnit = (typeof UNITS_WITH_TEMPLATE)[number];

function isKnownUnit(unit: string): unit is KnownUnit {
  return (UNITS_WITH_TEMPLATE as readonly string[]).includes(unit);
}

/** An indicator's number without its unit: whole numbers for counts and ranks, at most two decimals otherwise. */
export function formatIndicatorNumber(value: number, unit: string, lang: Language): string {
  const whole = unit === 'persons' || unit === 'rank';
  return formatNumber(value, lang, whole ? { maximumFractionDigits: 0 } : {});
}

/** An indicator value with its unit, e.g. "ร้อยละ 23.36" / "23.36%", "อันดับ 3" / "Rank 3". */
export function formatIndicatorValue(t: I18n['t'], lang: Language, value: number, unit: string): string {
  const formatted = formatIndicatorNumber(value, unit, lang);
  if (isKnownUnit(unit)) {
    return t(`indicators.valueWithUnit.${unit}`, { value: formatted });
  }
  return t('indicators.valueWithUnit.other', { value: formatted, unit });
}

/** The unit's name ("ร้อยละ", "Persons"), or the unit code itself when the catalogue has none. */
export function unitLabel(t: I18n['t'], unit: string): string {
  return isKnownUnit(unit) ? t(`indicators.unit.${unit}` as MessageKey) : unit;
}
