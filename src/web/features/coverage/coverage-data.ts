import {
  COVERAGE_MEASURES,
  CoverageQuerySchema,
  type CoverageMeasure,
  type CoverageProvince,
  type CoverageQuery,
} from '@shared/contracts/coverage';
import { measureValue } from '@shared/coverage/measures';
import { THEME_CODES } from '@shared/reference/themes';
import { NO_DATA_COLOR, SEQUENTIAL_COLORS, type Extent } from '@web/features/map/color-scale';

/** What the map is coloured by. */
export const COLOUR_MODES = ['gap', 'need', 'coverage'] as const;
export type ColourMode = (typeof COLOUR_MODES)[number];

/** The page's state held in the address: the API filters plus how the map is drawn. */
export interface CoverageAddress {
  query: CoverageQuery;
  colour: ColourMode;
  /** Tile grid even when boundaries exist. */
  tiles: boolean;
}

/** The keys of the API query the address carries, in the order they are written. */
export const QUERY_KEYS = ['need', 'needYear', 'measure', 'programme', 'theme', 'fiscalYear'] as const;

/**
 * Diverging colours of the gap index from −1 (covered more than the need: blue) through 0 (pale) to 1 (covered less:
 * red) — ColorBrewer "RdBu", readable by the common colour-vision deficiencies.
 */
export const GAP_COLORS = ['#2166ac', '#67a9cf', '#d1e5f0', '#f7f7f7', '#fddbc7', '#ef8a62', '#b2182b'] as const;

/** Sequential colours of coverage: pale for little, dark blue for much (ColorBrewer "Blues"). */
export const COVERAGE_COLORS = ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;

export const GAP_EXTENT: Extent = { min: -1, max: 1 };

const shape = CoverageQuerySchema.shape;

/** Reads the address: a value the API would refuse (an old bookmark, a hand-edited address) is dropped. */
export function addressOf(params: URLSearchParams): CoverageAddress {
  const query: CoverageQuery = {};
  const take = <K extends (typeof QUERY_KEYS)[number]>(key: K) => {
    const raw = params.get(key);
    if (raw === null || raw.trim() === '') {
      return;
    }
    const parsed = shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined) {
      (query as Record<string, unknown>)[key] = parsed.data;
    }
  };
  QUERY_KEYS.forEach(take);
  if (query.measure === 'grant_money') {
    delete query.measure;
  }
  const rawColour = params.get('colour');
  const colour = (COLOUR_MODES as readonly string[]).includes(rawColour ?? '') ? (rawColour as ColourMode) : 'gap';
  return { query, colour, tiles: params.get('view') === 'tiles' };
}

/** The address of a state: defaults (grant money, gap colouring, boundary view) left out. */
export function paramsOfAddress(address: CoverageAddress): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of QUERY_KEYS) {
    const value = address.query[key];
    if (value !== undefined && value !== '' && !(key === 'measure' && value === 'grant_money')) {
      params.set(key, String(value));
    }
  }
  if (address.colour !== 'gap') {
    params.set('colour', address.colour);
  }
  if (address.tiles) {
    params.set('view', 'tiles');
  }
  return params;
}

/** `?…` of the API filters only, or '' when there are none. */
export function querySuffix(query: CoverageQuery): string {
  const text = paramsOfAddress({ query, colour: 'gap', tiles: false }).toString();
  return text ? `?${text}` : '';
}

/** `?…` of the whole state (filters and map options), for links to a province and back, or ''. */
export function addressSuffix(address: CoverageAddress): string {
  const text = paramsOfAddress(address).toString();
  return text ? `?${text}` : '';
}

export function isMeasure(value: string): value is CoverageMeasure {
  return (COVERAGE_MEASURES as readonly string[]).includes(value);
}

export function isTheme(value: string): value is (typeof THEME_CODES)[number] {
  return (THEME_CODES as readonly string[]).includes(value);
}

/** The value a province is coloured by in a mode. */
export function colourValue(row: CoverageProvince, mode: ColourMode, measure: CoverageMeasure): number | null {
  switch (mode) {
    case 'gap':
      return row.gap;
    case 'need':
      return row.need?.value ?? null;
    case 'coverage':
      return measureValue(row, measure);
  }
}

function parseHex(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The colour of a value on a scale of colours from the extent's min to its max (linear between stops). */
export function colourOnScale(value: number | null, extent: Extent | null, colors: readonly string[]): string {
  if (value === null || extent === null || colors.length === 0) {
    return NO_DATA_COLOR;
  }
  if (colors.length === 1) {
    return colors[0] ?? NO_DATA_COLOR;
  }
  const span = extent.max - extent.min;
  const t = span > 0 ? Math.min(1, Math.max(0, (value - extent.min) / span)) : 0.5;
  const position = t * (colors.length - 1);
  const index = Math.min(colors.length - 2, Math.floor(position));
  const from = parseHex(colors[index] ?? SEQUENTIAL_COLORS[0]);
  const to = parseHex(colors[index + 1] ?? SEQUENTIAL_COLORS[0]);
  const f = position - index;
  const mix = (a: number, b: number) =>
    Math.round(a + (b - a) * f)
      .toString(16)
      .padStart(2, '0');
  return `#${mix(from[0], to[0])}${mix(from[1], to[1])}${mix(from[2], to[2])}`;
}

/** A gap with its sign, two decimals: "+0.67", "−0.50", "0.00". */
export function formatGap(gap: number, locale: string): string {
  const text = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    Math.abs(gap),
  );
  if (Math.abs(gap) < 0.005) {
    return text;
  }
  return gap > 0 ? `+${text}` : `−${text}`;
}
