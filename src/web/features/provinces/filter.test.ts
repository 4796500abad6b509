import { describe, expect, it } from 'vitest';
import { matchesProvince } from './filter';

const chiangMai = { code: 50, nameTh: 'เชียงใหม่', nameEn: 'Chiang Mai' };

describe('matchesProvince', () => {
  it.each([
    ['', true],
    ['เชียง', true],
    ['ใหม่', true],
    ['chiang', true],
    ['CHIANGMAI', true],
    ['  chiang  mai ', true],
    ['50', true],
    ['5', false],
    ['ลำปาง', false],
    ['rai', false],
  ])('%j → %s', (query, expected) => {
    expect(matchesProvince(chiangMai, query)).toBe(expected);
  });
});
