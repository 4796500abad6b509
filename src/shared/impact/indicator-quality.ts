import type { IndicatorBreakdown, QualityFlag } from '@shared/contracts/impact-project';
import type { IndicatorType } from '@shared/contracts/impact-library';

/** One value of an indicator as the rules see it. */
export interface QualityValue {
  id: string;
  periodEnd: string;
  value: number;
  breakdown: readonly IndicatorBreakdown[];
}

/** A reporting period of the project (its progress and final reports). */
export interface QualityPeriod {
  periodStart: string;
  periodEnd: string;
}

export interface QualityInput {
  type: IndicatorType;
  target: number | null;
  values: readonly QualityValue[];
  periods: readonly QualityPeriod[];
  /** Today in Asia/Bangkok, `YYYY-MM-DD`; null skips the stale rule (e.g. a closed project). */
  today: string | null;
}

/** The rules' thresholds (exported for the tests and the page's explanations). */
export const QUALITY_RULES = {
  /** A value is an outlier when its robust z-score (0.6745 × |x − median| ÷ MAD) is above this (Iglewicz–Hoaglin). */
  madZ: 3.5,
  /** …and only with at least this many values. */
  madMinValues: 4,
  /** A value above this many times a positive target is an outlier. */
  targetMultiple: 5,
  /** Days past the expected next value (the usual period length) before an indicator is stale. */
  staleGraceDays: 30,
  /** The expected time between values when the project's reporting periods do not say. */
  defaultIntervalDays: 180,
  /** Breakdown cells may differ from the value by this much (rounding). */
  sumTolerance: 1e-6,
} as const;

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string) => Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);

function median(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n === 0) {
    return Number.NaN;
  }
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** Values far from the others (median absolute deviation), or far above the target. */
function outliers(input: QualityInput): QualityFlag[] {
  const flags: QualityFlag[] = [];
  const flagged = new Set<string>();
  const numbers = input.values.map((v) => v.value).sort((a, b) => a - b);
  if (numbers.length >= QUALITY_RULES.madMinValues) {
    const m = median(numbers);
    const mad = median(numbers.map((x) => Math.abs(x - m)).sort((a, b) => a - b));
    for (const v of input.values) {
      const distance = Math.abs(v.value - m);
      // MAD 0 (over half the values equal): a value is an outlier when it is further from the median than the
      // median itself (more than double it, or of the other sign).
      const z = mad > 0 ? (0.6745 * distance) / mad : distance > Math.max(Math.abs(m), 1) ? Infinity : 0;
      if (z > QUALITY_RULES.madZ) {
        flagged.add(v.id);
        flags.push({
          kind: 'outlier',
          valueId: v.id,
          periodEnd: v.periodEnd,
          reason: 'mad',
          params: { median: round(m), score: Number.isFinite(z) ? round(z) : 'max' },
        });
      }
    }
  }
  if (input.target !== null && input.target > 0) {
    const limit = input.target * QUALITY_RULES.targetMultiple;
    for (const v of input.values) {
      if (v.value > limit && !flagged.has(v.id)) {
        flags.push({
          kind: 'outlier',
          valueId: v.id,
          periodEnd: v.periodEnd,
          reason: 'above_target',
          params: { target: input.target, multiple: QUALITY_RULES.targetMultiple },
        });
      }
    }
  }
  return flags;
}

/** Values the indicator's type cannot have: a percent outside 0–100, a negative count or amount of money. */
function impossible(input: QualityInput): QualityFlag[] {
  return input.values.flatMap((v): QualityFlag[] => {
    const flag = (reason: string): QualityFlag[] => [
      { kind: 'impossible', valueId: v.id, periodEnd: v.periodEnd, reason, params: { value: v.value } },
    ];
    switch (input.type) {
      case 'percent':
        return v.value < 0 ? flag('negative') : v.value > 100 ? flag('over_100') : [];
      case 'count':
        return v.value < 0 ? flag('negative') : !Number.isInteger(v.value) ? flag('not_whole') : [];
      case 'money':
        return v.value < 0 ? flag('negative') : [];
      case 'score':
        return [];
    }
  });
}

const inPeriod = (p: QualityPeriod, date: string) => date >= p.periodStart && date <= p.periodEnd;

/** Reporting periods with no value between the first and the last period that have one. */
function gaps(input: QualityInput): QualityFlag[] {
  const periods = [...input.periods].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
  const has = periods.map((p) => input.values.some((v) => inPeriod(p, v.periodEnd)));
  const first = has.indexOf(true);
  const last = has.lastIndexOf(true);
  if (first < 0) {
    return [];
  }
  return periods.flatMap((p, i): QualityFlag[] =>
    i > first && i < last && !has[i]
      ? [
          {
            kind: 'gap',
            valueId: null,
            periodEnd: p.periodEnd,
            reason: 'no_value',
            params: { periodStart: p.periodStart },
          },
        ]
      : [],
  );
}

/**
 * No value for longer than expected: the usual period length (the median of the project's reporting periods, else
 * 180 days) plus 30 days since the latest value, or since the end of the first reporting period when there is none.
 */
function stale(input: QualityInput): QualityFlag[] {
  if (input.today === null) {
    return [];
  }
  const lengths = input.periods
    .map((p) => dayNumber(p.periodEnd) - dayNumber(p.periodStart) + 1)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  const interval = lengths.length > 0 ? median(lengths) : QUALITY_RULES.defaultIntervalDays;
  const allowed = Math.round(interval) + QUALITY_RULES.staleGraceDays;
  const latest = input.values.reduce<string | null>(
    (max, v) => (max === null || v.periodEnd > max ? v.periodEnd : max),
    null,
  );
  const today = dayNumber(input.today);
  if (latest === null) {
    const firstEnd = [...input.periods].map((p) => p.periodEnd).sort()[0];
    if (firstEnd === undefined) {
      return [];
    }
    const days = today - dayNumber(firstEnd);
    return days > QUALITY_RULES.staleGraceDays
      ? [{ kind: 'stale', valueId: null, periodEnd: null, reason: 'never', params: { days } }]
      : [];
  }
  const days = today - dayNumber(latest);
  return days > allowed
    ? [{ kind: 'stale', valueId: null, periodEnd: latest, reason: 'late', params: { days, allowed } }]
    : [];
}

/** For counts: the cells of each dimension of a breakdown must add up to the value. */
function breakdownMismatches(input: QualityInput): QualityFlag[] {
  if (input.type !== 'count') {
    return [];
  }
  return input.values.flatMap((v) => {
    const sums = new Map<string, number>();
    for (const cell of v.breakdown) {
      sums.set(cell.dimension, (sums.get(cell.dimension) ?? 0) + cell.value);
    }
    return [...sums].flatMap(([dimension, sum]): QualityFlag[] =>
      Math.abs(sum - v.value) > QUALITY_RULES.sumTolerance
        ? [
            {
              kind: 'breakdown_mismatch',
              valueId: v.id,
              periodEnd: v.periodEnd,
              reason: dimension,
              params: { sum: round(sum), value: v.value },
            },
          ]
        : [],
    );
  });
}

/**
 * The data-quality flags of one indicator's values: outliers (robust z-score on the median absolute deviation with
 * four values or more, or above five times the target), impossible values (percent outside 0–100, negative or
 * fractional counts, negative money), gaps (reporting periods with no value between the first and the last with one),
 * stale (no value for longer than the usual period plus 30 days) and breakdowns of counts that do not add up.
 * Pure: the same input gives the same flags in the same order.
 */
export function indicatorQualityFlags(input: QualityInput): QualityFlag[] {
  return [
    ...impossible(input),
    ...outliers(input),
    ...breakdownMismatches(input),
    ...gaps(input),
    ...stale(input),
  ];
}

/** The indicator's values rolled up by its aggregation: the sum, the mean, or the latest period's value. */
export function aggregateValues(
  aggregation: 'sum' | 'mean' | 'latest',
  values: ReadonlyArray<{ periodEnd: string; value: number }>,
): number | null {
  if (values.length === 0) {
    return null;
  }
  switch (aggregation) {
    case 'sum':
      return round(values.reduce((s, v) => s + v.value, 0));
    case 'mean':
      return round(values.reduce((s, v) => s + v.value, 0) / values.length);
    case 'latest':
      return [...values].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd)).at(-1)?.value ?? null;
  }
}
