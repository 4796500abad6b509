import { describe, expect, it } from 'vitest';
import { splitEvenly } from './money';

describe('splitEvenly', () => {
  it('gives whole satang, the remainder to the first parts', () => {
    expect(splitEvenly(100, 3)).toEqual([34, 33, 33]);
    expect(splitEvenly(90, 3)).toEqual([30, 30, 30]);
    expect(splitEvenly(100_000_000, 2)).toEqual([50_000_000, 50_000_000]);
    expect(splitEvenly(10, 3)).toEqual([4, 3, 3]);
    expect(splitEvenly(1, 3)).toEqual([1, 0, 0]);
  });

  it('gives parts that add up to the amount and differ by one satang at most', () => {
    for (const [total, n] of [
      [150_000_001, 7],
      [99_999_999, 7],
      [0, 4],
      [123_456, 9],
    ] as const) {
      const parts = splitEvenly(total, n);
      expect(parts).toHaveLength(n);
      expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
      expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
    }
  });

  it('gives nothing for no parts', () => {
    expect(splitEvenly(5, 0)).toEqual([]);
    expect(splitEvenly(500, 0)).toEqual([]);
  });
});
