import { describe, expect, it } from 'vitest';
import {
  UNDER_SERVED_THRESHOLD,
  computeGapIndex,
  percentileRanks,
  rankUnderServed,
  type GapInput,
} from './gap-index';

/*
 * The worked example, by hand.
 *
 * Five provinces; need = poverty headcount ratio (percent, higher is needier); coverage = grant money (baht).
 *
 *   province  need  coverage  target group
 *   10        40    0         –
 *   20        30    500       –
 *   30        30    0         rank 3
 *   40        10    900       –
 *   50        –     1000      –      (no need figure: takes no part)
 *
 * Four provinces have a need figure, so n = 4 and a rank is (below + ½ × others equal) ÷ (n − 1) = … ÷ 3.
 *
 * Need scores (need values 40, 30, 30, 10):
 *   10: 3 below (30, 30, 10), no other equal   → 3 ÷ 3               = 1
 *   20: 1 below (10), one other equal (30)     → (1 + 0.5) ÷ 3       = 0.5
 *   30: the same as 20                         →                       0.5
 *   40: none below                             → 0 ÷ 3               = 0
 *
 * Coverage scores among the same four (0, 500, 0, 900; province 50's 1000 is not counted):
 *   10: none below, one other equal (0)        → 0.5 ÷ 3             = 0.1667
 *   20: 2 below (0, 0)                         → 2 ÷ 3               = 0.6667
 *   30: the same as 10                         →                       0.1667
 *   40: 3 below                                → 3 ÷ 3               = 1
 *
 * Gaps (need − coverage), under-served when ≥ 0.25:
 *   10: 1 − 0.1667   = 0.8333   under-served
 *   20: 0.5 − 0.6667 = −0.1667
 *   30: 0.5 − 0.1667 = 0.3333   under-served
 *   40: 0 − 1        = −1
 *   50: no gap
 *
 * Ranking of the under-served: 30 first (in the target group) although its gap is smaller, then 10.
 */
const EXAMPLE: GapInput[] = [
  { code: 10, need: 40, coverage: 0, targetRank: null },
  { code: 20, need: 30, coverage: 500, targetRank: null },
  { code: 30, need: 30, coverage: 0, targetRank: 3 },
  { code: 40, need: 10, coverage: 900, targetRank: null },
  { code: 50, need: null, coverage: 1000, targetRank: null },
];

describe('the gap index', () => {
  it('computes the worked example', () => {
    const results = computeGapIndex(EXAMPLE, { higherIsNeedier: true });
    expect(results).toEqual([
      { code: 10, needScore: 1, coverageScore: 0.1667, gap: 0.8333, underServed: true },
      { code: 20, needScore: 0.5, coverageScore: 0.6667, gap: -0.1667, underServed: false },
      { code: 30, needScore: 0.5, coverageScore: 0.1667, gap: 0.3333, underServed: true },
      { code: 40, needScore: 0, coverageScore: 1, gap: -1, underServed: false },
      { code: 50, needScore: null, coverageScore: null, gap: null, underServed: false },
    ]);
    const ranked = rankUnderServed(
      results.map((r, i) => ({ ...r, targetRank: EXAMPLE[i]?.targetRank ?? null })),
    );
    expect(ranked.map((r) => r.code)).toEqual([30, 10]);
    expect(UNDER_SERVED_THRESHOLD).toBe(0.25);
  });

  it('turns the need score round when a lower figure is needier (a rank where 1 is the poorest)', () => {
    const results = computeGapIndex(
      [
        { code: 10, need: 1, coverage: 0, targetRank: 1 },
        { code: 20, need: 2, coverage: 0, targetRank: 2 },
        { code: 30, need: 3, coverage: 5, targetRank: null },
      ],
      { higherIsNeedier: false },
    );
    // Need ranks 0, 0.5, 1 → scores 1, 0.5, 0. Coverage 0, 0, 5 → 0.25, 0.25, 1.
    expect(results.map((r) => [r.needScore, r.coverageScore, r.gap, r.underServed])).toEqual([
      [1, 0.25, 0.75, true],
      [0.5, 0.25, 0.25, true],
      [0, 1, -1, false],
    ]);
  });

  it('leaves out provinces whose coverage cannot be computed, and ranks the rest without them', () => {
    const results = computeGapIndex(
      [
        { code: 10, need: 50, coverage: null, targetRank: null },
        { code: 20, need: 40, coverage: 100, targetRank: null },
        { code: 30, need: 30, coverage: 10, targetRank: null },
      ],
      { higherIsNeedier: true },
    );
    expect(results[0]).toEqual({
      code: 10,
      needScore: 1,
      coverageScore: null,
      gap: null,
      underServed: false,
    });
    expect(results[1]).toMatchObject({ needScore: 0.5, coverageScore: 1, gap: -0.5 });
    expect(results[2]).toMatchObject({ needScore: 0, coverageScore: 0, gap: 0 });
  });

  it('scores a single province in the middle, and every gap stays within [−1, 1]', () => {
    expect(percentileRanks([7])).toEqual([0.5]);
    expect(percentileRanks([3, 3, 3])).toEqual([0.5, 0.5, 0.5]);
    const many = Array.from({ length: 77 }, (_, i) => ({
      code: 10 + i,
      need: (i * 37) % 11,
      coverage: (i * 13) % 7,
      targetRank: null,
    }));
    for (const r of computeGapIndex(many, { higherIsNeedier: true })) {
      expect(r.gap).not.toBeNull();
      expect(r.gap ?? 0).toBeGreaterThanOrEqual(-1);
      expect(r.gap ?? 0).toBeLessThanOrEqual(1);
    }
  });

  it('honours another threshold', () => {
    const results = computeGapIndex(EXAMPLE, { higherIsNeedier: true, threshold: 0.5 });
    expect(results.filter((r) => r.underServed).map((r) => r.code)).toEqual([10]);
  });
});
