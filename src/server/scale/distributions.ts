import type { Random } from './random';

/**
 * Skewed choices for the scale data. Real activity is far from uniform: a few provinces, themes, organisations,
 * reviewers and innovations carry much of it. A Zipf-like law gives the item of rank k a weight 1 / k^s.
 */

/** Zipf weights for `n` ranks with exponent `s` (s = 0: uniform; s ≈ 1: the classic long tail). */
export function zipfWeights(n: number, s: number): number[] {
  return Array.from({ length: n }, (_, k) => 1 / Math.pow(k + 1, s));
}

/** Draws items by weight in O(log n) per draw (cumulative weights and a binary search). */
export interface WeightedSampler<T> {
  readonly items: readonly T[];
  draw(random: Random): T;
  /** The share (0–1) of draws that fall on each item, in the order of `items`. */
  shares(): number[];
}

export function weightedSampler<T>(items: readonly T[], weights: readonly number[]): WeightedSampler<T> {
  if (items.length === 0 || items.length !== weights.length) {
    throw new RangeError('a sampler needs as many weights as items, and at least one item');
  }
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) {
    total += Math.max(0, w);
    cumulative.push(total);
  }
  if (total <= 0) {
    throw new RangeError('a sampler needs a positive weight');
  }
  return {
    items,
    draw(random) {
      const target = random.next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] ?? 0) > target) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return items[lo] as T;
    },
    shares() {
      return weights.map((w) => Math.max(0, w) / total);
    },
  };
}

/**
 * A Zipf sampler over `items` in a random order of ranks (drawn from `random`), so that which item is busiest is a
 * matter of the seed, not of the list's order. `first` items, when given, keep the top ranks in their order.
 */
export function zipfSampler<T>(
  random: Random,
  items: readonly T[],
  s: number,
  first: readonly T[] = [],
): WeightedSampler<T> {
  const rest = random.shuffle(items.filter((item) => !first.includes(item)));
  const ranked = [...first.filter((item) => items.includes(item)), ...rest];
  return weightedSampler(ranked, zipfWeights(ranked.length, s));
}

/** Splits `total` into parts proportional to `weights` (largest remainder), summing exactly to `total`. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + Math.max(0, b), 0);
  if (weights.length === 0) {
    return [];
  }
  if (sum <= 0) {
    return apportion(
      total,
      weights.map(() => 1),
    );
  }
  const exact = weights.map((w) => (total * Math.max(0, w)) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) {
      break;
    }
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

/** A log-normal-ish positive integer around `median`, clamped to [min, max]. */
export function skewedInt(random: Random, median: number, spread: number, min: number, max: number): number {
  const value = Math.round(median * Math.exp(random.normal() * spread));
  return Math.min(max, Math.max(min, value));
}

/**
 * Gini coefficient of non-negative counts (0 = all equal, → 1 = all on one item): how skewed a distribution is.
 * Used by the tests and printed in the summary.
 */
export function gini(counts: readonly number[]): number {
  const sorted = [...counts].sort((a, b) => a - b);
  const n = sorted.length;
  const total = sorted.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) {
    return 0;
  }
  let weighted = 0;
  sorted.forEach((x, i) => {
    weighted += (i + 1) * x;
  });
  return (2 * weighted) / (n * total) - (n + 1) / n;
}
