import { describe, expect, it } from 'vitest';
import { splitEvenly } from './dashboards.service';

describe('splitEvenly', () => {
  it('splits satang over the parts so that they add up to the whole', () => {
    expect(splitEvenly(100_000_000, 2)).toEqual([50_000_000, 50_000_000]);
    expect(splitEvenly(10, 3)).toEqual([4, 3, 3]);
    expect(splitEvenly(1, 3)).toEqual([1, 0, 0]);
    for (const [total, n] of [
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
    expect(splitEvenly(500, 0)).toEqual([]);
  });
});
