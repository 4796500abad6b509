import { describe, expect, it } from 'vitest';
import {
  calibrate,
  compareForRanking,
  isDisagreement,
  rankItems,
  rubricIssues,
  scoreIssues,
  weightedScore,
  type RankInput,
  type ScoredCriterion,
  type ScoredReview,
} from './scoring';

const criterion = (
  id: string,
  weight: number,
  scaleMin: number,
  scaleMax: number,
  commentAtOrBelow = null as number | null,
) => ({ id, weight, scaleMin, scaleMax, commentAtOrBelow }) satisfies ScoredCriterion;

const scored = (values: Record<string, number | null>, comments: Record<string, string> = {}) =>
  Object.fromEntries(
    Object.entries(values).map(([id, score]) => [id, { score, comment: comments[id] ?? '' }]),
  );

describe('weightedScore', () => {
  /*
   * Worked example. Rubric: relevance 1–5 (weight 30), innovation 1–5 (20), feasibility 0–10 (20), impact 1–5 (30).
   * Scores 4, 3, 7, 5:
   *   relevance   (4 − 1) / (5 − 1) = 0.75   × 30 = 22.5
   *   innovation  (3 − 1) / (5 − 1) = 0.50   × 20 = 10.0
   *   feasibility (7 − 0) / (10 − 0) = 0.70  × 20 = 14.0
   *   impact      (5 − 1) / (5 − 1) = 1.00   × 30 = 30.0
   *   sum 76.5 / total weight 100 × 100 = 76.5
   */
  const rubric = [
    criterion('relevance', 30, 1, 5),
    criterion('innovation', 20, 1, 5),
    criterion('feasibility', 20, 0, 10),
    criterion('impact', 30, 1, 5),
  ];

  it('normalises each criterion to its scale and takes the weighted mean on 0–100', () => {
    expect(
      weightedScore(rubric, scored({ relevance: 4, innovation: 3, feasibility: 7, impact: 5 })),
    ).toBeCloseTo(76.5, 10);
  });

  it('is 0 at every bottom and 100 at every top; weights need not sum to 100', () => {
    expect(weightedScore(rubric, scored({ relevance: 1, innovation: 1, feasibility: 0, impact: 1 }))).toBe(0);
    expect(weightedScore(rubric, scored({ relevance: 5, innovation: 5, feasibility: 10, impact: 5 }))).toBe(
      100,
    );
    // weights 1 and 3: (0.5 × 1 + 0 × 3) / 4 × 100 = 12.5
    expect(weightedScore([criterion('a', 1, 1, 3), criterion('b', 3, 1, 3)], scored({ a: 2, b: 1 }))).toBe(
      12.5,
    );
  });

  it('is null while a score is missing or off its scale, and for an empty rubric', () => {
    expect(weightedScore(rubric, scored({ relevance: 4, innovation: 3, feasibility: 7 }))).toBeNull();
    expect(
      weightedScore(rubric, scored({ relevance: 4, innovation: 3, feasibility: 7, impact: null })),
    ).toBeNull();
    expect(
      weightedScore(rubric, scored({ relevance: 6, innovation: 3, feasibility: 7, impact: 5 })),
    ).toBeNull();
    expect(
      weightedScore(rubric, scored({ relevance: 3.5, innovation: 3, feasibility: 7, impact: 5 })),
    ).toBeNull();
    expect(weightedScore([], {})).toBeNull();
  });
});

describe('rubricIssues and scoreIssues', () => {
  it('accepts a good rubric and names every problem of a bad one', () => {
    expect(rubricIssues([criterion('a', 10, 1, 5, 2), criterion('b', 10, 0, 10)])).toEqual([]);
    expect(rubricIssues([])).toEqual([{ index: null, code: 'too_few_criteria' }]);
    expect(
      rubricIssues(Array.from({ length: 21 }, (_, i) => criterion(`c${i}`, 1, 1, 5))).map((i) => i.code),
    ).toEqual(['too_many_criteria']);
    expect(
      rubricIssues([criterion('a', 10, 1, 5), criterion('a', 10, 5, 5), criterion('c', 10, 1, 5, 6)]),
    ).toEqual([
      { index: 1, code: 'duplicate_id' },
      { index: 1, code: 'scale_order' },
      { index: 2, code: 'comment_threshold_off_scale' },
    ]);
  });

  const rubric = [criterion('a', 1, 1, 5, 2), criterion('b', 1, 0, 10)];

  it('checks drafts for scale only, and submissions for completeness and required comments', () => {
    expect(scoreIssues(rubric, scored({ a: 1 }), false)).toEqual([]);
    expect(scoreIssues(rubric, scored({ a: 0, zz: 3 }), false)).toEqual([
      { criterionId: 'zz', code: 'unknown_criterion' },
      { criterionId: 'a', code: 'score_off_scale' },
    ]);
    expect(scoreIssues(rubric, scored({ a: 2 }), true)).toEqual([
      { criterionId: 'a', code: 'comment_required' },
      { criterionId: 'b', code: 'score_required' },
    ]);
    expect(scoreIssues(rubric, scored({ a: 2, b: 0 }, { a: 'อธิบายเหตุผล' }), true)).toEqual([]);
    expect(scoreIssues(rubric, scored({ a: 3, b: 0 }), true)).toEqual([]);
  });
});

describe('calibration: a worked example of 3 reviewers × 4 proposals', () => {
  /*
   * Weighted scores (0–100) of the submitted reviews:
   *
   *                 P1    P2    P3    P4  | mean  SD (population)
   *   A (harsh)     57    49    51    43  |  50    √((49+1+1+49)/4) = 5
   *   B (lenient,   72    96    54    78  |  75    √((9+441+441+9)/4) = 15
   *      wide)
   *   C             72    64    66    58  |  65    √((49+1+1+49)/4) = 5
   *
   * z = (score − reviewer's mean) / reviewer's SD:
   *   A: +7/5 = 1.4   −1/5 = −0.2   +1/5 = 0.2   −7/5 = −1.4
   *   B: −3/15 = −0.2  +21/15 = 1.4  −21/15 = −1.4  +3/15 = 0.2
   *   C: +7/5 = 1.4   −1/5 = −0.2   +1/5 = 0.2   −7/5 = −1.4
   *
   * Raw mean:  P1 (57+72+72)/3 = 67     P2 (49+96+64)/3 = 69.667
   *            P3 (51+54+66)/3 = 57     P4 (43+78+58)/3 = 59.667
   * z-mean:    P1 (1.4−0.2+1.4)/3 = 0.8667   P2 (−0.2+1.4−0.2)/3 = 0.3333
   *            P3 (0.2−1.4+0.2)/3 = −0.3333  P4 (−1.4+0.2−1.4)/3 = −0.8667
   *
   * Raw order P2 > P1 > P4 > P3: reviewer B's wide scale decides it. Calibrated order P1 > P2 > P3 > P4: two of three
   * reviewers put P1 well above their habit.
   *
   * Grand mean of all 12 = (200 + 300 + 260) / 12 = 63.333.
   * Grand SD: squared deviations within reviewers 100 + 900 + 100 = 1100, between reviewers
   *   4 × ((50 − 63.333)² + (75 − 63.333)² + (65 − 63.333)²) = 4 × (177.778 + 136.111 + 2.778) = 1266.667;
   *   variance (1100 + 1266.667) / 12 = 197.222, SD = 14.0436.
   * Calibrated = 63.333 + zMean × 14.0436:
   *   P1 63.333 + 12.171 = 75.504   P2 63.333 + 4.681 = 68.015
   *   P3 63.333 − 4.681 = 58.652    P4 63.333 − 12.171 = 51.162
   *
   * Disagreement at 25 points: spreads P1 72−57 = 15, P2 96−49 = 47 (flag), P3 66−51 = 15, P4 78−43 = 35 (flag).
   */
  const table: Record<string, [number, number, number, number]> = {
    A: [57, 49, 51, 43],
    B: [72, 96, 54, 78],
    C: [72, 64, 66, 58],
  };
  const reviews: ScoredReview[] = Object.entries(table).flatMap(([reviewerId, scores]) =>
    scores.map((score, i) => ({ reviewerId, itemId: `P${i + 1}`, score })),
  );
  const result = calibrate(reviews);
  const item = (id: string) => {
    const found = result.items.get(id);
    if (!found) {
      throw new Error(`no ${id}`);
    }
    return found;
  };

  it("gives each reviewer's mean and population SD", () => {
    expect(result.reviewers.get('A')).toEqual({ reviewerId: 'A', n: 4, mean: 50, sd: 5 });
    expect(result.reviewers.get('B')).toEqual({ reviewerId: 'B', n: 4, mean: 75, sd: 15 });
    expect(result.reviewers.get('C')).toEqual({ reviewerId: 'C', n: 4, mean: 65, sd: 5 });
    expect(result.grandMean).toBeCloseTo(63.3333, 4);
    expect(result.grandSd).toBeCloseTo(14.0436, 4);
  });

  it('gives raw means, z-means and calibrated scores as worked out by hand', () => {
    const expected = {
      P1: { raw: 67, z: 0.8667, calibrated: 75.504 },
      P2: { raw: 69.6667, z: 0.3333, calibrated: 68.015 },
      P3: { raw: 57, z: -0.3333, calibrated: 58.652 },
      P4: { raw: 59.6667, z: -0.8667, calibrated: 51.162 },
    };
    for (const [id, want] of Object.entries(expected)) {
      expect(item(id).rawMean, id).toBeCloseTo(want.raw, 3);
      expect(item(id).zMean, id).toBeCloseTo(want.z, 3);
      expect(item(id).calibrated, id).toBeCloseTo(want.calibrated, 2);
      expect(item(id).n).toBe(3);
    }
  });

  it('flags disagreement on P2 and P4 only', () => {
    expect(['P1', 'P2', 'P3', 'P4'].filter((id) => isDisagreement(item(id), 25))).toEqual(['P2', 'P4']);
    // Exactly at the threshold is not a disagreement; one review never is.
    expect(isDisagreement({ n: 2, spread: 25 }, 25)).toBe(false);
    expect(isDisagreement({ n: 1, spread: 0 }, 0)).toBe(false);
  });

  it('ranks by calibrated score, which reorders the raw order, and walks the budget', () => {
    const requested = { P1: 300, P2: 400, P3: 200, P4: 500 };
    const inputs: RankInput[] = Object.entries(requested).map(([id, requestedSatang]) => ({
      id,
      calibrated: item(id).calibrated,
      rawMean: item(id).rawMean,
      reviewCount: item(id).n,
      doNotFundCount: 0,
      submittedAt: '2026-12-01T00:00:00Z',
      receiptNumber: id,
      requestedSatang,
    }));
    const byRaw = [...inputs].sort((a, b) => (b.rawMean ?? 0) - (a.rawMean ?? 0)).map((r) => r.id);
    expect(byRaw).toEqual(['P2', 'P1', 'P4', 'P3']);
    // Budget 800: P1 300 → 300, P2 400 → 700 (within), P3 200 → 900 (over), P4 500 → 1400 (over).
    expect(rankItems(inputs, 800).map((r) => [r.id, r.rank, r.runningTotalSatang, r.withinBudget])).toEqual([
      ['P1', 1, 300, true],
      ['P2', 2, 700, true],
      ['P3', 3, 900, false],
      ['P4', 4, 1400, false],
    ]);
  });
});

describe('calibration edge cases', () => {
  it('gives z = 0 to a reviewer with one review or with equal scores, and the grand mean when all are equal', () => {
    const result = calibrate([
      { reviewerId: 'solo', itemId: 'X', score: 90 },
      { reviewerId: 'flat', itemId: 'X', score: 60 },
      { reviewerId: 'flat', itemId: 'Y', score: 60 },
    ]);
    expect(result.reviewers.get('solo')?.sd).toBe(0);
    expect(result.items.get('X')?.zMean).toBe(0);
    expect(result.items.get('Y')?.zMean).toBe(0);
    expect(result.items.get('X')?.calibrated).toBeCloseTo(70, 10);
    expect(result.items.get('X')?.rawMean).toBe(75);

    const flat = calibrate([
      { reviewerId: 'a', itemId: 'X', score: 50 },
      { reviewerId: 'b', itemId: 'X', score: 50 },
    ]);
    expect(flat.grandSd).toBe(0);
    expect(flat.items.get('X')?.calibrated).toBe(50);
  });

  it('has no grand mean without reviews', () => {
    const empty = calibrate([]);
    expect(empty.grandMean).toBeNull();
    expect(empty.items.size).toBe(0);
  });

  it('clamps calibrated scores to 0–100', () => {
    const result = calibrate([
      { reviewerId: 'a', itemId: 'X', score: 100 },
      { reviewerId: 'a', itemId: 'Y', score: 0 },
      { reviewerId: 'b', itemId: 'X', score: 100 },
      { reviewerId: 'b', itemId: 'Z', score: 0 },
      { reviewerId: 'b', itemId: 'W', score: 0 },
    ]);
    for (const item of result.items.values()) {
      expect(item.calibrated).toBeGreaterThanOrEqual(0);
      expect(item.calibrated).toBeLessThanOrEqual(100);
    }
  });
});

describe('ranking tie-breaks', () => {
  const base: RankInput = {
    id: 'x',
    calibrated: 70,
    rawMean: 70,
    reviewCount: 3,
    doNotFundCount: 0,
    submittedAt: '2026-12-01T00:00:00Z',
    receiptNumber: 'CC-2570-0005',
  };

  it('applies each rule in turn', () => {
    const items: RankInput[] = [
      { ...base, id: 'receipt-later', receiptNumber: 'CC-2570-0009' },
      { ...base, id: 'receipt-earlier', receiptNumber: 'CC-2570-0002' },
      { ...base, id: 'submitted-earlier', submittedAt: '2026-11-30T00:00:00Z' },
      { ...base, id: 'fewer-do-not-fund' },
      { ...base, id: 'more-do-not-fund', doNotFundCount: 2 },
      { ...base, id: 'more-reviews', reviewCount: 4, doNotFundCount: 3 },
      { ...base, id: 'higher-raw', rawMean: 71, reviewCount: 1, doNotFundCount: 3 },
      { ...base, id: 'higher-calibrated', calibrated: 70.5, rawMean: 10 },
      { ...base, id: 'not-reviewed', calibrated: null, rawMean: null, reviewCount: 0 },
    ];
    // 'fewer-do-not-fund' equals base in every rule up to submittedAt and receipt (0005): it sits between the
    // receipts 0002 and 0009.
    expect(rankItems(items).map((r) => r.id)).toEqual([
      'higher-calibrated',
      'higher-raw',
      'more-reviews',
      'submitted-earlier',
      'receipt-earlier',
      'fewer-do-not-fund',
      'receipt-later',
      'more-do-not-fund',
      'not-reviewed',
    ]);
  });

  it('treats floating-point noise as a tie and falls back to the id', () => {
    const a = { ...base, id: 'a', calibrated: 0.1 + 0.2, receiptNumber: null };
    const b = { ...base, id: 'b', calibrated: 0.3, receiptNumber: null };
    expect(compareForRanking(a, b)).toBeLessThan(0);
    expect(compareForRanking(b, a)).toBeGreaterThan(0);
  });

  it('is within budget everywhere without a budget', () => {
    expect(rankItems([{ ...base, requestedSatang: 10 ** 12 }]).every((r) => r.withinBudget)).toBe(true);
  });
});
