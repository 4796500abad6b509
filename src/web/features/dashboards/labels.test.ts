import { describe, expect, it } from 'vitest';
import { fiscalYearText, millionsOfBaht, percentOf, ratioText } from './labels';

describe('dashboard labels', () => {
  it('shows the fiscal year in the Buddhist Era in Thai and the Common Era in English', () => {
    expect(fiscalYearText(2569, 'th')).toBe('2569');
    expect(fiscalYearText(2569, 'en')).toBe('2026');
  });

  it('writes the ratio in each language’s convention', () => {
    expect(ratioText(3.456, 'th')).toBe('1 : 3.46');
    expect(ratioText(3.456, 'en')).toBe('3.46 : 1');
  });

  it('gives a percentage only of a positive whole', () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(1, 0)).toBeNull();
  });

  it('shows satang as millions of baht', () => {
    expect(millionsOfBaht(150_000_000, 'en')).toBe('1.5');
  });
});
