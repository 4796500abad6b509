/**
 * The sequential colour scale of the province maps: light for the least needy, dark for the neediest
 * (ColorBrewer "OrRd", readable in greyscale and by the common colour-vision deficiencies).
 */
export const SEQUENTIAL_COLORS = ['#fef0d9', '#fdd49e', '#fdbb84', '#fc8d59', '#e34a33', '#b30000'] as const;

/** Provinces without a value. */
export const NO_DATA_COLOR = '#d9dde2';

/** Outline of the target-group provinces. */
export const TARGET_OUTLINE_COLOR = '#14202b';

export interface Extent {
  min: number;
  max: number;
}

/** The smallest and largest of the values (equal when there is one distinct value). */
export function extentOf(values: readonly number[]): Extent | null {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) {
    return null;
  }
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  return { min, max };
}

/** An extent with a span, for scales that need one: a one-value extent is widened by 1 either side. */
export function spannedExtent(extent: Extent): Extent {
  return extent.min === extent.max ? { min: extent.min - 1, max: extent.max + 1 } : extent;
}

/** The colours from low to high values: reversed when lower values mean greater need (ranks). */
export function colorsFor(higherIsNeedier: boolean): string[] {
  return higherIsNeedier ? [...SEQUENTIAL_COLORS] : [...SEQUENTIAL_COLORS].reverse();
}

function parseHex(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex(rgb: [number, number, number]): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** The colour of a value on the scale (linear interpolation between the palette's stops). */
export function colorForValue(value: number, extent: Extent, higherIsNeedier: boolean): string {
  const colors = colorsFor(higherIsNeedier);
  const span = extent.max - extent.min;
  const t = span > 0 ? Math.min(1, Math.max(0, (value - extent.min) / span)) : 0.5;
  const position = t * (colors.length - 1);
  const index = Math.min(colors.length - 2, Math.floor(position));
  const from = parseHex(colors[index] ?? SEQUENTIAL_COLORS[0]);
  const to = parseHex(colors[index + 1] ?? SEQUENTIAL_COLORS[0]);
  const f = position - index;
  return toHex([
    from[0] + (to[0] - from[0]) * f,
    from[1] + (to[1] - from[1]) * f,
    from[2] + (to[2] - from[2]) * f,
  ]);
}

/** Dark or white text, whichever contrasts more with the background colour (WCAG relative luminance). */
export function textColorOn(background: string): '#14202b' | '#ffffff' {
  const [r, g, b] = parseHex(background).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const contrastWhite = 1.05 / (luminance + 0.05);
  const contrastDark = (luminance + 0.05) / 0.0557;
  return contrastWhite > contrastDark ? '#ffffff' : '#14202b';
}
