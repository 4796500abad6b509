/**
 * The rubric engine's arithmetic, shared by call reviews and award contests (no database, no call-specific types).
 *
 * 1. Weighted score (0–100). Each criterion's score s on its scale [min, max] is normalised to (s − min) / (max − min),
 *    so a 1–5 criterion and a 0–10 criterion count alike; the weighted mean of the normalised scores (weights need
 *    not sum to 100) times 100 is the review's weighted score. 100 = every criterion at its top, 0 = every one at its
 *    bottom.
 *
 * 2. Reviewer calibration. Some reviewers mark hard, some soft, some use the whole scale and some only its middle.
 *    Within one call and stage, each reviewer's submitted weighted scores have a mean m_r and a population standard
 *    deviation sd_r (divided by n, not n − 1: the reviewer's own reviews are the whole population we describe). A
 *    review's z-score is (score − m_r) / sd_r: how far above or below the reviewer's own habit it is.
 *    A reviewer with one review, or whose reviews are all equal (sd_r = 0), tells us nothing about their habit:
 *    their reviews get z = 0 ("average for this reviewer").
 *
 * 3. Calibrated score. A proposal's z-mean is the mean of its reviews' z-scores. To show it beside the raw mean on the
 *    same 0–100 scale it is rescaled around the call's grand mean G and grand standard deviation S (population, over
 *    every submitted review of the call and stage): calibrated = G + zMean × S, clamped to 0–100. When S = 0 (all
 *    reviews equal) the calibrated score is G. The calibrated score ranks; the raw mean stays beside it.
 *
 * 4. Disagreement. A proposal's reviewers disagree when the highest and the lowest weighted score of its submitted
 *    reviews are more than `disagreementPoints` apart (strictly more; it needs at least two reviews).
 *
 * 5. Ranking, best first, each rule breaking the ties of the ones before it:
 *    calibrated score (desc; none last) → raw mean (desc; none last) → more submitted reviews → fewer "do not fund"
 *    recommendations → earlier submission → receipt number (ascending, as text) → id. Scores are compared to 1e-9
 *    so that floating-point noise never decides an order. Walking down the ranking, the running total of requested
 *    money is compared with the budget: `withinBudget` while the running total is at most the budget.
 */

/** What the arithmetic needs of a rubric criterion (`RubricCriterion` fits). */
export interface ScoredCriterion {
  id: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
  commentAtOrBelow?: number | null;
}

/** Scores keyed by criterion id (`CriterionScores` fits). */
export type ScoreInput = Readonly<Record<string, { score: number | null; comment?: string } | undefined>>;

/** Scores are compared with this tolerance, so floating-point noise never orders two equal results. */
const EPSILON = 1e-9;

/** Whether `score` is a whole number within the criterion's scale. */
export function isScoreOnScale(criterion: ScoredCriterion, score: number): boolean {
  return Number.isInteger(score) && score >= criterion.scaleMin && score <= criterion.scaleMax;
}

/**
 * The weighted score on 0–100 (see the module notes), or null while a criterion has no score on its scale or the
 * rubric has no criteria.
 */
export function weightedScore(criteria: readonly ScoredCriterion[], scores: ScoreInput): number | null {
  let weighted = 0;
  let weights = 0;
  for (const criterion of criteria) {
    const score = scores[criterion.id]?.score;
    if (score === null || score === undefined || !isScoreOnScale(criterion, score)) {
      return null;
    }
    const span = criterion.scaleMax - criterion.scaleMin;
    if (span <= 0) {
      return null;
    }
    // Multiplying before dividing keeps whole results whole (57 on 0–100 is 57, not 56.999…).
    weighted += (criterion.weight * (score - criterion.scaleMin) * 100) / span;
    weights += criterion.weight;
  }
  return weights > 0 ? weighted / weights : null;
}

// ---- Checking a rubric and a set of scores -------------------------------------------------------------------------

export const RUBRIC_LIMITS = { minCriteria: 1, maxCriteria: 20 } as const;

export type RubricIssueCode =
  'too_few_criteria' | 'too_many_criteria' | 'duplicate_id' | 'scale_order' | 'comment_threshold_off_scale';

export interface RubricIssue {
  /** The criterion's index in the list, or null for the rubric as a whole. */
  index: number | null;
  code: RubricIssueCode;
}

/**
 * What is wrong with a rubric: 1–20 criteria, unique ids, scaleMin < scaleMax, and a comment threshold (when set)
 * within the scale. Empty when it is fine.
 */
export function rubricIssues(criteria: readonly ScoredCriterion[]): RubricIssue[] {
  const issues: RubricIssue[] = [];
  if (criteria.length < RUBRIC_LIMITS.minCriteria) {
    issues.push({ index: null, code: 'too_few_criteria' });
  }
  if (criteria.length > RUBRIC_LIMITS.maxCriteria) {
    issues.push({ index: null, code: 'too_many_criteria' });
  }
  const seen = new Set<string>();
  criteria.forEach((criterion, index) => {
    if (seen.has(criterion.id)) {
      issues.push({ index, code: 'duplicate_id' });
    }
    seen.add(criterion.id);
    if (criterion.scaleMin >= criterion.scaleMax) {
      issues.push({ index, code: 'scale_order' });
    } else if (
      criterion.commentAtOrBelow !== null &&
      criterion.commentAtOrBelow !== undefined &&
      (criterion.commentAtOrBelow < criterion.scaleMin || criterion.commentAtOrBelow > criterion.scaleMax)
    ) {
      issues.push({ index, code: 'comment_threshold_off_scale' });
    }
  });
  return issues;
}

export type ScoreIssueCode = 'unknown_criterion' | 'score_required' | 'score_off_scale' | 'comment_required';

export interface ScoreIssue {
  criterionId: string;
  code: ScoreIssueCode;
}

/** Whether a score needs a comment: at or below the criterion's threshold. */
export function needsComment(criterion: ScoredCriterion, score: number | null | undefined): boolean {
  return (
    score !== null &&
    score !== undefined &&
    criterion.commentAtOrBelow !== null &&
    criterion.commentAtOrBelow !== undefined &&
    score <= criterion.commentAtOrBelow
  );
}

/**
 * What is wrong with a set of scores. Always: a score of a criterion the rubric does not have, a score off its scale
 * (whole numbers from scaleMin to scaleMax). With `complete` (submitting): a missing score, and a missing comment
 * where the score is at or below the criterion's threshold. Empty when it is fine.
 */
export function scoreIssues(
  criteria: readonly ScoredCriterion[],
  scores: ScoreInput,
  complete: boolean,
): ScoreIssue[] {
  const issues: ScoreIssue[] = [];
  const ids = new Set(criteria.map((c) => c.id));
  for (const id of Object.keys(scores)) {
    if (!ids.has(id)) {
      issues.push({ criterionId: id, code: 'unknown_criterion' });
    }
  }
  for (const criterion of criteria) {
    const entry = scores[criterion.id];
    const score = entry?.score ?? null;
    if (score === null) {
      if (complete) {
        issues.push({ criterionId: criterion.id, code: 'score_required' });
      }
      continue;
    }
    if (!isScoreOnScale(criterion, score)) {
      issues.push({ criterionId: criterion.id, code: 'score_off_scale' });
      continue;
    }
    if (complete && needsComment(criterion, score) && !entry?.comment?.trim()) {
      issues.push({ criterionId: criterion.id, code: 'comment_required' });
    }
  }
  return issues;
}

// ---- Calibration ---------------------------------------------------------------------------------------------------

/** One submitted review's weighted score: who gave it to what. */
export interface ScoredReview {
  reviewerId: string;
  /** The proposal (or contest entry) reviewed. */
  itemId: string;
  score: number;
}

export interface ReviewerStats {
  reviewerId: string;
  n: number;
  mean: number;
  /** Population standard deviation; 0 for a single review. */
  sd: number;
}

export interface ItemCalibration {
  itemId: string;
  /** Submitted reviews. */
  n: number;
  rawMean: number;
  zMean: number;
  /** zMean rescaled to 0–100 around the grand mean and SD. */
  calibrated: number;
  min: number;
  max: number;
  /** max − min. */
  spread: number;
}

export interface Calibration {
  grandMean: number | null;
  grandSd: number | null;
  reviewers: Map<string, ReviewerStats>;
  items: Map<string, ItemCalibration>;
}

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** Population standard deviation (divides by n). */
function populationSd(values: readonly number[]): number {
  if (values.length < 2) {
    return 0;
  }
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / values.length);
}

/** A review's z-score against its reviewer's habit; 0 when the reviewer's SD is 0 (one review, or all equal). */
export function zScore(stats: ReviewerStats, score: number): number {
  return stats.sd > EPSILON ? (score - stats.mean) / stats.sd : 0;
}

/**
 * Calibrates the submitted reviews of one call stage (or one contest category): per-reviewer means and SDs, each
 * item's raw mean, z-mean, calibrated score, lowest, highest and spread (see the module notes).
 */
export function calibrate(reviews: readonly ScoredReview[]): Calibration {
  const byReviewer = new Map<string, number[]>();
  for (const review of reviews) {
    const list = byReviewer.get(review.reviewerId) ?? [];
    list.push(review.score);
    byReviewer.set(review.reviewerId, list);
  }
  const reviewers = new Map<string, ReviewerStats>();
  for (const [reviewerId, scores] of byReviewer) {
    reviewers.set(reviewerId, { reviewerId, n: scores.length, mean: mean(scores), sd: populationSd(scores) });
  }
  const all = reviews.map((r) => r.score);
  const grandMean = all.length > 0 ? mean(all) : null;
  const grandSd = all.length > 0 ? populationSd(all) : null;

  const byItem = new Map<string, { scores: number[]; zs: number[] }>();
  for (const review of reviews) {
    const stats = reviewers.get(review.reviewerId);
    const entry = byItem.get(review.itemId) ?? { scores: [], zs: [] };
    entry.scores.push(review.score);
    entry.zs.push(stats ? zScore(stats, review.score) : 0);
    byItem.set(review.itemId, entry);
  }
  const items = new Map<string, ItemCalibration>();
  for (const [itemId, { scores, zs }] of byItem) {
    const zMean = mean(zs);
    const min = Math.min(...scores);
    const max = Math.max(...scores);
    items.set(itemId, {
      itemId,
      n: scores.length,
      rawMean: mean(scores),
      zMean,
      calibrated: rescale(zMean, grandMean ?? 0, grandSd ?? 0),
      min,
      max,
      spread: max - min,
    });
  }
  return { grandMean, grandSd, reviewers, items };
}

/** A z-mean on the 0–100 scale: grandMean + z × grandSd, clamped to 0–100. */
export function rescale(zMean: number, grandMean: number, grandSd: number): number {
  return Math.min(100, Math.max(0, grandMean + zMean * grandSd));
}

/** Whether the reviewers of one item disagree: at least two reviews, spread strictly above the threshold. */
export function isDisagreement(
  item: Pick<ItemCalibration, 'n' | 'spread'>,
  disagreementPoints: number,
): boolean {
  return item.n >= 2 && item.spread > disagreementPoints + EPSILON;
}

// ---- Ranking -------------------------------------------------------------------------------------------------------

/** What ranking needs of an item (a proposal, a contest entry). */
export interface RankInput {
  id: string;
  calibrated: number | null;
  rawMean: number | null;
  /** Submitted reviews. */
  reviewCount: number;
  doNotFundCount: number;
  submittedAt: string | Date | null;
  receiptNumber: string | null;
  /** Money asked for, in satang; 0 where there is none (contests). */
  requestedSatang?: number;
}

export interface RankFields {
  /** 1 = best. Every item has its own place; ties are broken by the rules in the module notes. */
  rank: number;
  /** Requested money of this item and every item ranked above it. */
  runningTotalSatang: number;
  /** The running total is within the budget (always true without a budget). */
  withinBudget: boolean;
}

/** Higher first; null last; equal within EPSILON → 0. */
function descending(a: number | null, b: number | null): number {
  if (a === null || b === null) {
    return a === b ? 0 : a === null ? 1 : -1;
  }
  const d = b - a;
  return Math.abs(d) < EPSILON ? 0 : Math.sign(d);
}

const time = (value: string | Date | null) =>
  value === null ? Number.POSITIVE_INFINITY : new Date(value).getTime();

const textOrder = (a: string | null, b: string | null) => {
  if (a === b) {
    return 0;
  }
  if (a === null || b === null) {
    return a === null ? 1 : -1;
  }
  return a < b ? -1 : 1;
};

/** The ranking order (negative: `a` ranks above `b`); see the module notes for the rules. */
export function compareForRanking(a: RankInput, b: RankInput): number {
  return (
    descending(a.calibrated, b.calibrated) ||
    descending(a.rawMean, b.rawMean) ||
    b.reviewCount - a.reviewCount ||
    a.doNotFundCount - b.doNotFundCount ||
    Math.sign(time(a.submittedAt) - time(b.submittedAt)) ||
    textOrder(a.receiptNumber, b.receiptNumber) ||
    textOrder(a.id, b.id)
  );
}

/**
 * Ranks items best first and walks the running total of requested money against the budget (null: no budget, every
 * item within it).
 */
export function rankItems<T extends RankInput>(
  items: readonly T[],
  budgetSatang: number | null = null,
): Array<T & RankFields> {
  let running = 0;
  return [...items].sort(compareForRanking).map((item, index) => {
    running += item.requestedSatang ?? 0;
    return {
      ...item,
      rank: index + 1,
      runningTotalSatang: running,
      withinBudget: budgetSatang === null || running <= budgetSatang,
    };
  });
}
