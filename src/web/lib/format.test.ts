import { describe, expect, it } from 'vitest';
import {
  compareText,
  formatBaht,
  formatDate,
  formatNumber,
  formatYear,
  interpolate,
  localName,
  localText,
  sourceLinks,
  toBuddhistYear,
} from './format';

describe('formatYear', () => {
  it('shows the Buddhist Era in Thai and the Common Era in English', () => {
    expect(formatYear(2023, 'th')).toBe('2566');
    expect(formatYear(2023, 'en')).toBe('2023');
    expect(toBuddhistYear(2025)).toBe(2568);
  });
});

describe('compareText', () => {
  it('orders names as the language does, like localeCompare', () => {
    const thai = ['ยะลา', 'กระบี่', 'นราธิวาส', 'ตาก', 'แม่ฮ่องสอน'];
    expect([...thai].sort((a, b) => compareText(a, b, 'th'))).toEqual(
      [...thai].sort((a, b) => a.localeCompare(b, 'th')),
    );
    expect(['b', 'A', 'a', 'B'].sort((a, b) => compareText(a, b, 'en'))).toEqual(['a', 'A', 'b', 'B']);
  });
});

describe('formatBaht', () => {
  it('formats whole baht from integer satang', () => {
    expect(formatBaht(150_000_000, 'th')).toBe('1,500,000 บาท');
    expect(formatBaht(150_000_000, 'en')).toBe('฿1,500,000');
  });

  it('shows two decimals only when there are satang', () => {
    expect(formatBaht(150_050, 'th')).toBe('1,500.50 บาท');
    expect(formatBaht(150_050, 'en')).toBe('฿1,500.50');
    expect(formatBaht(1, 'en')).toBe('฿0.01');
    expect(formatBaht(0, 'th')).toBe('0 บาท');
  });

  it('keeps the sign of negative amounts', () => {
    expect(formatBaht(-250_000, 'en')).toBe('-฿2,500');
  });
});

describe('formatDate', () => {
  it('uses the Buddhist calendar in Thai and the Gregorian calendar in English', () => {
    const date = new Date('2025-06-15T05:00:00Z');
    expect(formatDate(date, 'th', 'long')).toBe('15 มิถุนายน 2568');
    expect(formatDate(date, 'en', 'long')).toBe('15 June 2025');
  });

  it('shows the Bangkok date across midnight UTC (UTC+7)', () => {
    // 18:30 UTC on 30 September is 01:30 on 1 October in Bangkok: the first day of fiscal year 2569.
    expect(formatDate('2025-09-30T18:30:00Z', 'th', 'long')).toBe('1 ตุลาคม 2568');
    expect(formatDate('2025-09-30T18:30:00Z', 'en', 'long')).toBe('1 October 2025');
    // 16:59 UTC is still 23:59 the same day in Bangkok.
    expect(formatDate('2025-09-30T16:59:00Z', 'en', 'long')).toBe('30 September 2025');
    // New Year's Eve in UTC is already New Year's Day in Bangkok, and the BE year changes with it.
    expect(formatDate('2025-12-31T17:00:00Z', 'th', 'long')).toBe('1 มกราคม 2569');
  });

  it('formats date-times in Bangkok time on a 24-hour clock', () => {
    expect(formatDate('2025-09-30T18:30:00Z', 'en', 'dateTime')).toBe('1 Oct 2025, 01:30');
    expect(formatDate('2025-09-30T18:30:05Z', 'en', 'dateTimeSeconds')).toBe('1 Oct 2025, 01:30:05');
  });

  it('shows Thai date-times in the Buddhist Era, in Bangkok time', () => {
    expect(formatDate('2025-12-31T17:05:00Z', 'th', 'dateTime')).toMatch(/^1 ม\.ค\. 2569 00:05/);
  });

  it('returns an empty string for an invalid date', () => {
    expect(formatDate('not a date', 'th')).toBe('');
  });
});

describe('formatNumber', () => {
  it('groups thousands with Western digits in both languages', () => {
    expect(formatNumber(1234567.891, 'th')).toBe('1,234,567.89');
    expect(formatNumber(1234567.891, 'en')).toBe('1,234,567.89');
  });
});

describe('names and text', () => {
  const province = { nameTh: 'แม่ฮ่องสอน', nameEn: 'Mae Hong Son' };

  it('picks the name in the language', () => {
    expect(localName(province, 'th')).toBe('แม่ฮ่องสอน');
    expect(localName(province, 'en')).toBe('Mae Hong Son');
    expect(localName({ nameTh: 'ปาย', nameEn: '' }, 'en')).toBe('ปาย');
  });

  it('picks a localised field', () => {
    expect(localText({ summaryTh: 'สรุป', summaryEn: 'Summary' }, 'summary', 'en')).toBe('Summary');
  });

  it('interpolates placeholders and leaves unknown ones', () => {
    expect(interpolate('{{a}} and {{b}}', { a: 1 })).toBe('1 and {{b}}');
  });
});

describe('sourceLinks', () => {
  it('extracts every http(s) link with its host', () => {
    expect(
      sourceLinks(
        'https://komchadluek.net/news/economic/590115 ; value: https://exclusive.postjung.com/1664337',
      ),
    ).toEqual([
      { url: 'https://komchadluek.net/news/economic/590115', label: 'komchadluek.net' },
      { url: 'https://exclusive.postjung.com/1664337', label: 'exclusive.postjung.com' },
    ]);
  });

  it('drops other schemes and empty input', () => {
    expect(sourceLinks('javascript:alert(1)')).toEqual([]);
    expect(sourceLinks('')).toEqual([]);
    expect(sourceLinks(null)).toEqual([]);
  });
});
