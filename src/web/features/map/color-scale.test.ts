import { describe, expect, it } from 'vitest';
import { SEQUENTIAL_COLORS, colorForValue, extentOf, spannedExtent, textColorOn } from './color-scale';

describe('colour scale', () => {
  it('maps the extent to the ends of the palette', () => {
    const extent = { min: 10, max: 30 };
    expect(colorForValue(10, extent, true)).toBe(SEQUENTIAL_COLORS[0]);
    expect(colorForValue(30, extent, true)).toBe(SEQUENTIAL_COLORS[5]);
  });

  it('reverses when lower values are needier (ranks)', () => {
    const extent = { min: 1, max: 10 };
    expect(colorForValue(1, extent, false)).toBe(SEQUENTIAL_COLORS[5]);
    expect(colorForValue(10, extent, false)).toBe(SEQUENTIAL_COLORS[0]);
  });

  it('clamps values outside the extent', () => {
    expect(colorForValue(-5, { min: 0, max: 1 }, true)).toBe(SEQUENTIAL_COLORS[0]);
  });

  it('ignores non-finite values and widens a one-value extent only on request', () => {
    expect(extentOf([5, Number.NaN, 3])).toEqual({ min: 3, max: 5 });
    expect(extentOf([])).toBeNull();
    expect(spannedExtent({ min: 5, max: 5 })).toEqual({ min: 4, max: 6 });
    expect(spannedExtent({ min: 1, max: 5 })).toEqual({ min: 1, max: 5 });
  });

  it('puts a lone value in the middle of the scale', () => {
    expect(colorForValue(5, { min: 5, max: 5 }, true)).toBe(colorForValue(0.5, { min: 0, max: 1 }, true));
  });

  it('picks readable text colours', () => {
    expect(textColorOn('#fef0d9')).toBe('#14202b');
    expect(textColorOn('#b30000')).toBe('#ffffff');
  });
});
