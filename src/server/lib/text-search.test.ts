import { describe, expect, it } from 'vitest';
import type { TextPiece } from '@shared/contracts/search';
import {
  QUERY_MAX,
  QUERY_WORDS_MAX,
  highlightSnippet,
  highlightText,
  loosenSearch,
  parseTextSearch,
} from './text-search';
import { segmentWords, toSearchText } from './thai-text';

const joined = (pieces: TextPiece[]) => pieces.map((p) => p.text).join('');
const marked = (pieces: TextPiece[]) => pieces.filter((p) => p.match).map((p) => p.text);

describe('parseTextSearch', () => {
  it('segments Thai typed without spaces and makes the last word a prefix', () => {
    const search = parseTextSearch('  ธนาคารน้ำใต้ดิน ');
    expect(search?.words).toEqual(segmentWords('ธนาคารน้ำใต้ดิน'));
    expect(search?.raw).toBe('ธนาคารน้ำใต้ดิน');
    expect(search?.allWords.startsWith(`(${search?.words.slice(0, -1).join(' & ')}`)).toBe(true);
    expect(search?.mode).toBe('strict');
  });

  it('also tries Thai typed without spaces as one unfinished word', () => {
    const search = parseTextSearch('บาติ');
    expect(search?.allWords).toContain('บาติ:*');
    const split = parseTextSearch('โซล่าเซลล์');
    expect(split?.words.length).toBeGreaterThan(1);
    expect(split?.allWords.endsWith('| โซล่าเซลล์:*')).toBe(true);
  });

  it('does not add the one-word form when the query has spaces or is not Thai', () => {
    expect(parseTextSearch('ธนาคาร ขยะ')?.allWords).toBe('ธนาคาร & ขยะ:*');
    expect(parseTextSearch('Waste Bank')?.allWords).toBe('waste & bank:*');
  });

  it('lower-cases, collapses spaces and drops repeated words', () => {
    const search = parseTextSearch('Bank\t\n bank   BANK');
    expect(search?.raw).toBe('bank bank bank');
    expect(search?.words).toEqual(['bank']);
    expect(search?.allWords).toBe('bank:*');
  });

  it('keeps dotted words such as PM2.5 whole', () => {
    expect(parseTextSearch('PM2.5')?.words).toEqual(['pm2.5']);
  });

  it('matches any word (prefixes from three letters) when loosened', () => {
    const search = parseTextSearch('groundwater bnak xy');
    expect(search?.anyWord).toBe('groundwater:* | bnak:* | xy');
    const loose = search ? loosenSearch(search) : null;
    expect(loose?.mode).toBe('loose');
    expect(loose && loosenSearch(loose)).toBeNull();
    const single = parseTextSearch('indigo');
    expect(single && loosenSearch(single)).toBeNull();
  });

  it.each([
    ['', null],
    ['   ', null],
    ['...!!!', null],
    ['😀🌾🎉', null],
    ["& | ! : ( ) ' * < > \\", null],
  ])('has no words in %j', (input, expected) => {
    expect(parseTextSearch(input)).toBe(expected);
  });

  it('strips tsquery operators from the words, so no input breaks to_tsquery', () => {
    const search = parseTextSearch("ขยะ:* & !ธนาคาร | (a') <-> b\\");
    expect(search?.words).toEqual(['ขยะ', 'ธนาคาร', 'a', 'b']);
    for (const word of search?.words ?? []) {
      expect(word).toMatch(/^[\p{L}\p{M}\p{N}._-]+$/u);
    }
    expect(search?.allWords).not.toMatch(/[!()'\\<>]/);
  });

  it('cuts a very long query (10k characters) to a bounded search', () => {
    const long = 'ธนาคารขยะชุมชน '.repeat(700);
    expect(long.length).toBeGreaterThan(10_000);
    const search = parseTextSearch(long);
    expect(search?.raw.length).toBeLessThanOrEqual(QUERY_MAX);
    expect(search?.words.length).toBeLessThanOrEqual(QUERY_WORDS_MAX);
    const many = parseTextSearch(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '));
    expect(many?.words).toHaveLength(QUERY_WORDS_MAX);
  });

  it('handles null and undefined', () => {
    expect(parseTextSearch(null)).toBeNull();
    expect(parseTextSearch(undefined)).toBeNull();
  });
});

describe('highlightText', () => {
  it('marks every occurrence of the query words, keeping the text whole', () => {
    const text = 'ธนาคารขยะรีไซเคิลชุมชน ธนาคารขยะ';
    const pieces = highlightText(text, parseTextSearch('ธนาคารขยะ'));
    expect(joined(pieces)).toBe(text);
    expect(marked(pieces)).toEqual(['ธนาคารขยะ', 'ธนาคารขยะ']);
  });

  it('is case-insensitive and keeps the original case', () => {
    const pieces = highlightText('Community Waste Bank', parseTextSearch('waste BANK'));
    expect(marked(pieces)).toEqual(['Waste', 'Bank']);
  });

  it('merges overlapping matches', () => {
    const pieces = highlightText('bankbanker', parseTextSearch('bank banker'));
    expect(marked(pieces)).toEqual(['bankbanker']);
  });

  it('returns the text unmarked without a search or a match, and nothing for empty text', () => {
    expect(highlightText('น้ำ', null)).toEqual([{ text: 'น้ำ', match: false }]);
    expect(highlightText('น้ำ', parseTextSearch('ไฟ'))).toEqual([{ text: 'น้ำ', match: false }]);
    expect(highlightText('', parseTextSearch('ไฟ'))).toEqual([]);
  });

  it('keeps markup-like text as text (the web renders pieces, never HTML)', () => {
    const text = '<script>alert(1)</script> water';
    const pieces = highlightText(text, parseTextSearch('water'));
    expect(joined(pieces)).toBe(text);
    expect(marked(pieces)).toEqual(['water']);
  });

  it('copes with emoji around a match', () => {
    const text = '🌾 ข้าวหอมมะลิ 🌾';
    const pieces = highlightText(text, parseTextSearch('ข้าวหอมมะลิ'));
    expect(joined(pieces)).toBe(text);
    expect(marked(pieces).join('')).toBe('ข้าวหอมมะลิ');
  });
});

describe('highlightSnippet', () => {
  const long = `${'ก'.repeat(400)} ปูม้า ${'ข'.repeat(400)}`;

  it('cuts a window around the first match with ellipses', () => {
    const pieces = highlightSnippet(long, parseTextSearch('ปูม้า'), 100);
    expect(pieces[0]?.text).toBe('… ');
    expect(pieces[pieces.length - 1]?.text).toBe(' …');
    expect(marked(pieces)).toEqual(['ปูม้า']);
    expect(joined(pieces).length).toBeLessThanOrEqual(104);
  });

  it('starts at the beginning without a match', () => {
    const pieces = highlightSnippet(long, parseTextSearch('ไม่มี'), 50);
    expect(pieces[0]?.text.startsWith('ก')).toBe(true);
    expect(pieces[pieces.length - 1]?.text).toBe(' …');
  });

  it('returns short text whole', () => {
    expect(joined(highlightSnippet('สั้น', null, 50))).toBe('สั้น');
  });
});

describe('toSearchText', () => {
  it('keeps the words of every part, Thai segmented, punctuation dropped', () => {
    expect(toSearchText('ธนาคารขยะ, ชุมชน!', null, 'Waste Bank')).toBe(
      [...segmentWords('ธนาคารขยะ'), 'ชุมชน', 'waste', 'bank'].join(' '),
    );
  });
});
