import { describe, expect, it } from 'vitest';
import { formatBahtInput, parseBahtInput, parseNumberInput } from './money';

describe('parseBahtInput', () => {
  it.each([
    ['1500000', 150_000_000],
    ['1,500,000', 150_000_000],
    ['2500.5', 250_050],
    ['2500.50', 250_050],
    ['0.01', 1],
    ['0', 0],
    ['฿ 300', 30_000],
    ['300 บาท', 30_000],
    ['๑๒๐', 12_000],
    ['12.', 1_200],
    [' 1 000 ', 100_000],
  ])('reads %j as %d satang', (text, satang) => {
    expect(parseBahtInput(text)).toBe(satang);
  });

  it('tells an empty field from a wrong one', () => {
    expect(parseBahtInput('')).toBeUndefined();
    expect(parseBahtInput('  ')).toBeUndefined();
    for (const wrong of ['-5', '1.234', 'abc', '1e5', '1.2.3', '.5x', '10000000000.01']) {
      expect(parseBahtInput(wrong), wrong).toBeNull();
    }
  });

  it('keeps integer satang exact where floating point would not', () => {
    expect(parseBahtInput('0.29')).toBe(29);
    expect(parseBahtInput('1.15')).toBe(115);
    expect(parseBahtInput('9999999999.99')).toBe(999_999_999_999);
  });
});

describe('formatBahtInput', () => {
  it('groups and always shows two decimals', () => {
    expect(formatBahtInput(150_000_000)).toBe('1,500,000.00');
    expect(formatBahtInput(250_050)).toBe('2,500.50');
    expect(formatBahtInput(1)).toBe('0.01');
    expect(formatBahtInput(0)).toBe('0.00');
    expect(formatBahtInput(null)).toBe('');
    expect(formatBahtInput(undefined)).toBe('');
  });

  it('round-trips through the parser', () => {
    for (const satang of [0, 1, 99, 100, 123_456_789, 999_999_999_999]) {
      expect(parseBahtInput(formatBahtInput(satang))).toBe(satang);
    }
  });
});

describe('parseNumberInput', () => {
  it('reads numbers, tells empty from wrong', () => {
    expect(parseNumberInput('1,234.5')).toBe(1234.5);
    expect(parseNumberInput('-3')).toBe(-3);
    expect(parseNumberInput('.5')).toBe(0.5);
    expect(parseNumberInput('')).toBeUndefined();
    expect(parseNumberInput('12a')).toBeNull();
    expect(parseNumberInput('-')).toBeNull();
  });
});
