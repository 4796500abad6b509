/**
 * The gap index of the coverage-versus-need map: how far a province's share of the platform's work falls behind its
 * need, compared with the other provinces. Pure functions, the same on the server and in the browser.
 *
 * Definitions (only provinces WITH a need figure take part; the others get no scores and no gap):
 * - percentile rank of a value x among n values: (number of values below x + ½ × (number of other values equal to x))
 *   ÷ (n − 1). The smallest value ranks 0, the largest 1, ties share the mean of their places; with one value, 0.5.
 * - need score: the percentile rank of the need figure, turned round when a lower figure means more need
 *   (`higherIsNeedier` false, e.g. a poverty rank where 1 is the poorest) — so 1 is always the neediest province.
 * - coverage score: the percentile rank of the chosen coverage measure (grant money, money per poor person,
 *   projects, beneficiaries or adoptions; a province with nothing has 0) among the same provinces. A province whose
 *   measure cannot be computed (money per poor person without a poor-person count) gets no coverage score, no gap,
 *   and the other provinces are ranked without it.
 * - gap = need score − coverage score, in [−1, 1]: positive when a province is needier than it is covered.
 * - under-served: gap ≥ UNDER_SERVED_THRESHOLD (0.25, a quarter of the ranking).
 *
 * The ranking of under-served provinces puts the poor-province target group first, then the rest; within each, the
 * larger gap first, then the larger need score, then the province code.
 */

/** The smallest gap that marks a province under-served. */
export const UNDER_SERVED_THRESHOLD = 0.25;

export interface GapInput {
  code: number;
  /** The need figure, or null without one. */
  need: number | null;
  /** The coverage measure, or null when it cannot be computed for the province. */
  coverage: number | null;
  /** Rank in the poor-province target group, or null outside it. */
  targetRank: number | null;
}

export interface GapResult {
  code: number;
  needScore: number | null;
  coverageScore: number | null;
  gap: number | null;
  underServed: boolean;
}

/** Rounds a score to 4 decimals, so that equal fractions compare equal and read the same on every engine. */
function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/**
 * The percentile rank of each value among all of them (see the module comment), in the order given.
 * Non-finite values are not allowed: filter them out first.
 */
export function percentileRanks(values: readonly number[]): number[] {
  const n = values.length;
  if (n === 1) {
    return [0.5];
  }
  return values.map((x) => {
    let below = 0;
    let equal = 0;
    for (const y of values) {
      if (y < x) {
        below += 1;
      } else if (y === x) {
        equal += 1;
      }
    }
    // `equal` counts x itself; the others equal to it share the places between.
    return round4((below + (equal - 1) / 2) / (n - 1));
  });
}

/** Need score, coverage score, gap and the under-served flag of every province given (in the same order). */
export function computeGapIndex(
  rows: readonly GapInput[],
  options: { higherIsNeedier: boolean; threshold?: number },
): GapResult[] {
  const threshold = options.threshold ?? UNDER_SERVED_THRESHOLD;
  const withNeed = rows.filter(
    (r): r is GapInput & { need: number } => r.need !== null && Number.isFinite(r.need),
  );
  const needRanks = percentileRanks(withNeed.map((r) => r.need));
  const needScores = new Map<number, number>();
  withNeed.forEach((row, i) => {
    const rank = needRanks[i] ?? 0;
    needScores.set(row.code, options.higherIsNeedier ? rank : round4(1 - rank));
  });

  const ranked = withNeed.filter(
    (r): r is GapInput & { need: number; coverage: number } =>
      r.coverage !== null && Number.isFinite(r.coverage),
  );
  const coverageRanks = percentileRanks(ranked.map((r) => r.coverage));
  const coverageScores = new Map<number, number>();
  ranked.forEach((row, i) => coverageScores.set(row.code, coverageRanks[i] ?? 0));

  return rows.map((row) => {
    const needScore = needScores.get(row.code) ?? null;
    const coverageScore = coverageScores.get(row.code) ?? null;
    const gap = needScore !== null && coverageScore !== null ? round4(needScore - coverageScore) : null;
    return { code: row.code, needScore, coverageScore, gap, underServed: gap !== null && gap >= threshold };
  });
}

/**
 * The under-served provinces in the order the map's table ranks them: the target group first, then by gap, need
 * score and code.
 */
export function rankUnderServed<T extends GapResult & { targetRank: number | null }>(
  results: readonly T[],
): T[] {
  return results
    .filter((r) => r.underServed)
    .sort((a, b) => {
      const aTarget = a.targetRank !== null ? 0 : 1;
      const bTarget = b.targetRank !== null ? 0 : 1;
      return (
        aTarget - bTarget ||
        (b.gap ?? 0) - (a.gap ?? 0) ||
        (b.needScore ?? 0) - (a.needScore ?? 0) ||
        a.code - b.code
      );
    });
}
