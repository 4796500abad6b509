import { describe, expect, it } from 'vitest';
import { apportion, gini, skewedInt, weightedSampler, zipfSampler, zipfWeights } from './distributions';
import { createRandom } from './random';

describe('skewed distributions', () => {
  it('apportion splits a total exactly, in proportion', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(200_000, [5, 3, 2]).reduce((a, b) => a + b, 0)).toBe(200_000);
    expect(apportion(7, [0, 0])).toEqual([4, 3]);
    expect(apportion(5, [])).toEqual([]);
  });

  it('a weighted sampler draws each item about as often as its weight says', () => {
    const sampler = weightedSampler(['a', 'b', 'c'], [6, 3, 1]);
    const r = createRandom(11);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i += 1) {
      counts[sampler.draw(r) as 'a' | 'b' | 'c'] += 1;
    }
    expect(counts.a / 20_000).toBeCloseTo(0.6, 1);
    expect(counts.b / 20_000).toBeCloseTo(0.3, 1);
    expect(counts.c / 20_000).toBeCloseTo(0.1, 1);
    expect(() => weightedSampler([], [])).toThrow(RangeError);
  });

  it('Zipf over the 77 provinces: a few provinces are far busier than most', () => {
    const provinces = Array.from({ length: 77 }, (_, i) => 10 + i);
    const sampler = zipfSampler(createRandom(2569), provinces, 1.0, [10]);
    const r = createRandom(1);
    const counts = new Map<number, number>();
    for (let i = 0; i < 50_000; i += 1) {
      const p = sampler.draw(r);
      counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    const sorted = [...counts.values()].sort((a, b) => b - a);
    const top8 = sorted.slice(0, 8).reduce((a, b) => a + b, 0);
    // The busiest tenth of the provinces carries more than half of the activity; the first-ranked one leads.
    expect(top8 / 50_000).toBeGreaterThan(0.5);
    expect(sorted[0]).toBe(counts.get(10));
    expect((sorted[0] ?? 0) / (sorted.at(-1) ?? 1)).toBeGreaterThan(30);
    expect(gini(sorted)).toBeGreaterThan(0.5);
    // Uniform weights give no such skew.
    expect(gini(zipfWeights(77, 0).map((w) => w * 100))).toBe(0);
  });

  it('which item is busiest follows the seed', () => {
    const items = Array.from({ length: 9 }, (_, i) => i);
    const leaders = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) => zipfSampler(createRandom(seed), items, 0.9).items[0]),
    );
    expect(leaders.size).toBeGreaterThan(1);
    expect(zipfSampler(createRandom(4), items, 0.9).items).toEqual(
      zipfSampler(createRandom(4), items, 0.9).items,
    );
  });

  it('skewed integers stay within their bounds around the median', () => {
    const r = createRandom(5);
    const values = Array.from({ length: 5000 }, () => skewedInt(r, 60, 1.1, 1, 20_000));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...values)).toBeLessThanOrEqual(20_000);
    const median = [...values].sort((a, b) => a - b)[2500] ?? 0;
    expect(median).toBeGreaterThan(45);
    expect(median).toBeLessThan(80);
  });
});
