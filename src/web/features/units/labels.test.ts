import { describe, expect, it } from 'vitest';
import { fiscalYearChoices, formatMeasure, hostOf, parseFiscalYear, percentOf } from './labels';

describe('unit labels', () => {
  it('gives the share of a target in whole percent, none without a positive target', () => {
    expect(percentOf(3, 12)).toBe(25);
    expect(percentOf(5.5, 300)).toBe(2);
    expect(percentOf(30, 24)).toBe(125);
    expect(percentOf(4, null)).toBeNull();
    expect(percentOf(4, 0)).toBeNull();
  });

  it('shows hours with their unit and decimals, counts as whole numbers', () => {
    expect(formatMeasure('mentoring_hours', 1234.5, 'th', 'ชม.')).toBe('1,234.5 ชม.');
    expect(formatMeasure('mentoring_hours', 7.25, 'en', '')).toBe('7.25');
    expect(formatMeasure('participants_trained', 1350, 'en', 'h')).toBe('1,350');
  });

  it('reads a fiscal year from the address only when it is a plausible BE year', () => {
    expect(parseFiscalYear('2570')).toBe(2570);
    expect(parseFiscalYear('2027')).toBeUndefined();
    expect(parseFiscalYear('25x0')).toBeUndefined();
    expect(parseFiscalYear(null)).toBeUndefined();
    expect(fiscalYearChoices(2570)).toEqual([2571, 2570, 2569, 2568, 2567, 2566, 2565]);
  });

  it('labels a website by its host', () => {
    expect(hostOf('https://www.pn.psu.ac.th/si')).toBe('www.pn.psu.ac.th');
    expect(hostOf('not a url')).toBe('not a url');
  });
});
