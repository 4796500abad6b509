import type { Province } from '@shared/contracts/geo';
import type { AreaIndicatorValue } from '@shared/contracts/indicators';

/** One province as the maps draw it. */
export interface MapItem {
  code: number;
  /** Name in the current language. */
  name: string;
  value: number | null;
  /** The number alone ("23.36"), or null without a value. */
  numberText: string | null;
  /** The value with its unit, or the "no data" text. */
  valueText: string;
  /** Rank in the target group, or null when the province is not in it. */
  targetRank: number | null;
  /** "Rank n in the target province group", or null. */
  targetText: string | null;
  fill: string;
}

/** The indicator's default on the map. */
export const DEFAULT_INDICATOR = 'poverty_headcount_ratio';

/** Values keyed by province code (the first value wins if a province appears twice). */
export function valuesByProvince(values: readonly AreaIndicatorValue[]): Map<number, AreaIndicatorValue> {
  const map = new Map<number, AreaIndicatorValue>();
  for (const value of values) {
    if (!map.has(value.provinceCode)) {
      map.set(value.provinceCode, value);
    }
  }
  return map;
}

/** Orders map items neediest first: by value (descending, or ascending for ranks), then by name. */
export function byNeed(higherIsNeedier: boolean, collator: Intl.Collator) {
  return (a: MapItem, b: MapItem): number => {
    if (a.value !== null && b.value !== null && a.value !== b.value) {
      return higherIsNeedier ? b.value - a.value : a.value - b.value;
    }
    if ((a.value === null) !== (b.value === null)) {
      return a.value === null ? 1 : -1;
    }
    return collator.compare(a.name, b.name);
  };
}

export type ProvinceIndex = Map<number, Province>;
