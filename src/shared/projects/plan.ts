import { PROJECT_LIMITS, type ReportKind, type ReportSchedule } from '@shared/contracts/projects';

/** Splits `total` satang in proportion to `weights` by the largest remainder, so the parts sum exactly to it. */
export function splitProportionally(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) {
    return [];
  }
  const sum = weights.reduce((a, b) => a + Math.max(0, b), 0);
  const shares = sum === 0 ? weights.map(() => 1) : weights.map((w) => Math.max(0, w));
  const shareSum = sum === 0 ? weights.length : sum;
  const exact = shares.map((w) => (total * w) / shareSum);
  const parts = exact.map((x) => Math.floor(x));
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

/** Adds days to an ISO date (YYYY-MM-DD), calendar arithmetic in UTC. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last day of the quarter-long period that starts on `isoDate` (three calendar months, minus a day). */
function endOfQuarterFrom(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + 3);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return addDays(d.toISOString().slice(0, 10), -1);
}

/** The final report covers at least this many days; a shorter last period joins the one before. */
const SHORTEST_FINAL_PERIOD_DAYS = 30;

export interface PlannedReport {
  sequence: number;
  kind: ReportKind;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  /** Positions (0-based, in due-date order) of the milestones the report accounts for. */
  milestoneIndexes: number[];
}

export interface ReportPlanInput {
  startsOn: string;
  endsOn: string;
  schedule: ReportSchedule;
  /** Due dates of the milestones, in their order. */
  milestoneDueDates: readonly string[];
}

/**
 * The reports a project owes: per milestone (each report covers the milestones due since the previous one), or per
 * quarter of the period. The last is the final report, for the whole period up to `endsOn`. Progress reports are due
 * PROGRESS grace days after their period, the final report FINAL grace days after the project ends.
 */
export function planReports(input: ReportPlanInput): PlannedReport[] {
  const { startsOn, endsOn } = input;
  const ends: string[] = [];
  if (input.schedule === 'milestone') {
    for (const due of [...input.milestoneDueDates].sort()) {
      if (due < endsOn && !ends.includes(due)) {
        ends.push(due);
      }
    }
  } else {
    let start = startsOn;
    for (let i = 0; i < PROJECT_LIMITS.reportsMax; i += 1) {
      const end = endOfQuarterFrom(start);
      if (end >= endsOn) {
        break;
      }
      ends.push(end);
      start = addDays(end, 1);
    }
  }
  // A final period shorter than a month folds into the one before it (no one-day final report).
  while (ends.length > 0 && addDays(ends[ends.length - 1] ?? endsOn, SHORTEST_FINAL_PERIOD_DAYS) > endsOn) {
    ends.pop();
  }
  ends.push(endsOn);
  const capped = ends.slice(-PROJECT_LIMITS.reportsMax);
  const reports: PlannedReport[] = [];
  let periodStart = startsOn;
  capped.forEach((periodEnd, index) => {
    const isFinal = index === capped.length - 1;
    const milestoneIndexes = input.milestoneDueDates
      .map((due, i) => ({ due, i }))
      .filter(({ due }) => (isFinal ? due >= periodStart : due >= periodStart && due <= periodEnd))
      .map(({ i }) => i);
    reports.push({
      sequence: index + 1,
      kind: isFinal ? 'final' : 'progress',
      periodStart,
      periodEnd,
      dueOn: addDays(
        periodEnd,
        isFinal ? PROJECT_LIMITS.finalReportGraceDays : PROJECT_LIMITS.progressReportGraceDays,
      ),
      milestoneIndexes,
    });
    periodStart = addDays(periodEnd, 1);
  });
  return reports;
}

export interface PlannedInstalment {
  amountSatang: number;
  releaseAfterReport: number | null;
}

/**
 * The usual instalment plan for an award and a number of reports: 40 % on the agreement, 40 % after the first
 * report and 20 % after the final report (60/40 when there is one report only), summing exactly to the award.
 */
export function defaultInstalments(awardSatang: number, reportCount: number): PlannedInstalment[] {
  if (reportCount <= 1) {
    const [first = 0, last = 0] = splitProportionally(awardSatang, [60, 40]);
    return [
      { amountSatang: first, releaseAfterReport: null },
      { amountSatang: last, releaseAfterReport: 1 },
    ];
  }
  const [a = 0, b = 0, c = 0] = splitProportionally(awardSatang, [40, 40, 20]);
  return [
    { amountSatang: a, releaseAfterReport: null },
    { amountSatang: b, releaseAfterReport: 1 },
    { amountSatang: c, releaseAfterReport: reportCount },
  ];
}

/** The sum of amounts in satang (integers only). */
export function sumSatang(amounts: readonly number[]): number {
  return amounts.reduce((a, b) => a + b, 0);
}

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Bangkok (UTC+7, no daylight saving). */
export function bangkokDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The Thai fiscal year (Buddhist Era) of a date: 1 October starts the next year (FY2569 = Oct 2025 – Sep 2026). */
export function fiscalYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return year + 543 + (month >= 10 ? 1 : 0);
}
