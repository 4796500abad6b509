import { describe, expect, it } from 'vitest';
import { NO_DATA_COLOR } from '@web/features/map/color-scale';
import {
  GAP_COLORS,
  GAP_EXTENT,
  addressOf,
  addressSuffix,
  colourOnScale,
  formatGap,
  paramsOfAddress,
  querySuffix,
} from './coverage-data';

describe('the coverage address', () => {
  it('reads the filters and the map options, dropping values the API would refuse', () => {
    const address = addressOf(
      new URLSearchParams(
        'need=test_poverty&needYear=2023&measure=projects&programme=sectoral&theme=health&fiscalYear=2569&colour=need&view=tiles',
      ),
    );
    expect(address).toEqual({
      query: {
        need: 'test_poverty',
        needYear: 2023,
        measure: 'projects',
        programme: 'sectoral',
        theme: 'health',
        fiscalYear: 2569,
      },
      colour: 'need',
      tiles: true,
    });
    expect(addressOf(new URLSearchParams('need=Bad!&fiscalYear=2025&theme=space&colour=pink&measure=x'))).toEqual({
      query: {},
      colour: 'gap',
      tiles: false,
    });
  });

  it('writes the defaults out of the address and round-trips the rest', () => {
    expect(paramsOfAddress({ query: { measure: 'grant_money' }, colour: 'gap', tiles: false }).toString()).toBe('');
    const params = paramsOfAddress({ query: { theme: 'health', fiscalYear: 2569 }, colour: 'coverage', tiles: true });
    expect(params.toString()).toBe('theme=health&fiscalYear=2569&colour=coverage&view=tiles');
    expect(addressOf(params).query).toEqual({ theme: 'health', fiscalYear: 2569 });
    expect(querySuffix({ theme: 'health' })).toBe('?theme=health');
    expect(querySuffix({})).toBe('');
    expect(addressSuffix({ query: { theme: 'health' }, colour: 'need', tiles: true })).toBe(
      '?theme=health&colour=need&view=tiles',
    );
    expect(addressSuffix({ query: {}, colour: 'gap', tiles: false })).toBe('');
  });
});

describe('the colours', () => {
  it('runs the gap scale from blue through pale to red, and grey without a value', () => {
    expect(colourOnScale(-1, GAP_EXTENT, GAP_COLORS)).toBe('#2166ac');
    expect(colourOnScale(0, GAP_EXTENT, GAP_COLORS)).toBe('#f7f7f7');
    expect(colourOnScale(1, GAP_EXTENT, GAP_COLORS)).toBe('#b2182b');
    expect(colourOnScale(null, GAP_EXTENT, GAP_COLORS)).toBe(NO_DATA_COLOR);
    expect(colourOnScale(5, null, GAP_COLORS)).toBe(NO_DATA_COLOR);
  });

  it('formats a gap with its sign', () => {
    expect(formatGap(0.6667, 'en')).toBe('+0.67');
    expect(formatGap(-0.5, 'en')).toBe('−0.50');
    expect(formatGap(0, 'en')).toBe('0.00');
  });
});
