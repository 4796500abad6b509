import {
  CATALOGUE_SEARCH_MAX,
  CATALOGUE_SORTS,
  type CatalogueAddressKey,
  type CatalogueSort,
} from '@shared/contracts/innovation-catalogue-query';
import { REGION_CODES, type RegionCode } from '@shared/reference/regions';
import { THEME_CODES, type ThemeCode } from '@shared/reference/themes';
import type { FieldParser } from '@web/lib/url-filters';
import type { CatalogueParams } from './catalogue-api';

export { CATALOGUE_ADDRESS_KEYS as CATALOGUE_FILTER_KEYS } from '@shared/contracts/innovation-catalogue-query';
export type CatalogueFilterKey = CatalogueAddressKey;
export type CatalogueFilters = Pick<CatalogueParams, CatalogueFilterKey>;

type Result<T> = { success: true; data: T } | { success: false };

const FAILED = { success: false } as const;

/** The same UUIDs as zod's `z.uuid()` accepts. */
const UUID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

function field<T>(parse: (value: unknown) => Result<T>, fallback?: T): FieldParser {
  return {
    safeParse: (value) => (value === undefined ? { success: true, data: fallback } : parse(value)),
  };
}

/** An integer in [min, max], from a number or its text, as `z.coerce.number().int().min().max()`. */
function integer(min: number, max: number) {
  return field((value): Result<number> => {
    const n = Number(value);
    return Number.isInteger(n) && n >= min && n <= max ? { success: true, data: n } : FAILED;
  });
}

function oneOf<T extends string>(values: readonly T[], fallback?: T) {
  return field(
    (value): Result<T> =>
      (values as readonly unknown[]).includes(value) ? { success: true, data: value as T } : FAILED,
    fallback,
  );
}

/**
 * Parsers of the address's catalogue filters that accept exactly what the catalogue's query schema
 * (CatalogueQuerySchema, which the server applies) accepts, without loading zod on the page's first paint.
 */
export const CATALOGUE_FILTER_FIELDS: { [K in CatalogueFilterKey]: FieldParser } = {
  q: field((value): Result<string> => {
    if (typeof value !== 'string') {
      return FAILED;
    }
    const text = value.trim();
    return text.length <= CATALOGUE_SEARCH_MAX ? { success: true, data: text } : FAILED;
  }),
  theme: oneOf<ThemeCode>(THEME_CODES),
  sdg: integer(1, 17),
  province: integer(10, 99),
  region: oneOf<RegionCode>(REGION_CODES),
  srlMin: integer(1, 9),
  srlMax: integer(1, 9),
  programme: field((value): Result<string> =>
    typeof value === 'string' && UUID.test(value) ? { success: true, data: value } : FAILED,
  ),
  diffusionReady: oneOf(['true', 'false'] as const),
  sort: oneOf<CatalogueSort>(CATALOGUE_SORTS, 'relevance'),
  cursor: integer(0, 100_000),
};
