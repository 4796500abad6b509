import { describe, expect, it } from 'vitest';
import {
  COMMUNITY_ENTERPRISE_CODE,
  hasValidThaiIdChecksum,
  maskCitizenId,
  normaliseThaiId,
} from './thai-ids';

function withCheckDigit(twelve: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i += 1) {
    sum += Number(twelve[i]) * (13 - i);
  }
  return twelve + String((11 - (sum % 11)) % 10);
}

describe('Thai 13-digit identifiers', () => {
  it.each([
    ['1101700207030', true],
    ['0105536092641', true],
    ['1101700207031', false],
    ['110170020703', false],
    ['11017002070300', false],
    ['abcdefghijklm', false],
  ])('%s is %s', (value, expected) => {
    expect(hasValidThaiIdChecksum(value)).toBe(expected);
  });

  it('accepts every check digit computed by the rule and rejects every other digit', () => {
    for (const twelve of ['310030012345', '010553609264', '999999999999', '100000000000']) {
      const valid = withCheckDigit(twelve);
      expect(hasValidThaiIdChecksum(valid)).toBe(true);
      for (let d = 0; d < 10; d += 1) {
        const candidate = twelve + String(d);
        expect(hasValidThaiIdChecksum(candidate)).toBe(candidate === valid);
      }
    }
  });

  it('normalises typed separators and masks all but the first five and last digits', () => {
    expect(normaliseThaiId('1-1017-00207-03-0')).toBe('1101700207030');
    expect(maskCitizenId('1101700207030')).toBe('1-1017-XXXXX-XX-0');
    expect(maskCitizenId('12')).toBe('X-XXXX-XXXXX-XX-X');
  });

  it('knows the community-enterprise code format', () => {
    expect(COMMUNITY_ENTERPRISE_CODE.test('4-34-01-05/1-0012')).toBe(true);
    expect(COMMUNITY_ENTERPRISE_CODE.test('43401051-0012')).toBe(false);
  });
});
