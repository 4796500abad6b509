import { BUDGET_CATEGORIES, type BudgetCategory } from '@shared/contracts/forms';
import {
  PROJECT_LIMITS,
  REPORT_SCHEDULES,
  type ProjectDetail,
  type ProjectSetupBody,
  type ReportSchedule,
} from '@shared/contracts/projects';
import { planReports, type PlannedReport } from '@shared/projects/plan';
import { formatBahtInput, parseBahtInput } from '@web/components/form-renderer/money';

/** One budget line as the editor holds it: the amount is the text typed, in baht. */
export interface LineRow {
  key: string;
  category: BudgetCategory;
  description: string;
  amount: string;
}

export interface MilestoneRow {
  key: string;
  titleTh: string;
  titleEn: string;
  deliverable: string;
  dueOn: string;
}

/** `release` is '' for "on the agreement's acceptance", else the report's sequence. */
export interface InstalmentRow {
  key: string;
  amount: string;
  release: string;
}

/** The setup editor's state: text as typed, turned into a ProjectSetupBody on saving. */
export interface SetupValues {
  startsOn: string;
  endsOn: string;
  drivingUnitId: string;
  reportSchedule: ReportSchedule;
  reallocationLimitPercent: string;
  srlTarget: string;
  budgetLines: LineRow[];
  milestones: MilestoneRow[];
  instalments: InstalmentRow[];
}

let nextKey = 0;

/** A key for a new row (React lists), unique in the page's life. */
export function rowKey(): string {
  nextKey += 1;
  return `row-${nextKey}`;
}

export function newLine(): LineRow {
  return { key: rowKey(), category: 'other', description: '', amount: '' };
}

export function newMilestone(dueOn = ''): MilestoneRow {
  return { key: rowKey(), titleTh: '', titleEn: '', deliverable: '', dueOn };
}

export function newInstalment(): InstalmentRow {
  return { key: rowKey(), amount: '', release: '' };
}

/** The editor's values of a project's current plan. */
export function valuesFromProject(project: ProjectDetail): SetupValues {
  return {
    startsOn: project.startsOn ?? '',
    endsOn: project.endsOn ?? '',
    drivingUnitId: project.drivingUnitId ?? '',
    reportSchedule: project.reportSchedule,
    reallocationLimitPercent: String(project.reallocationLimitPercent),
    srlTarget: project.srlTarget === null ? '' : String(project.srlTarget),
    budgetLines: [...project.budgetLines]
      .sort((a, b) => a.position - b.position)
      .map((line) => ({
        key: rowKey(),
        category: line.category,
        description: line.description,
        amount: formatBahtInput(line.approvedSatang),
      })),
    milestones: [...project.milestones]
      .sort((a, b) => a.position - b.position)
      .map((m) => ({
        key: rowKey(),
        titleTh: m.titleTh,
        titleEn: m.titleEn,
        deliverable: m.deliverable,
        dueOn: m.dueOn,
      })),
    instalments: [...project.instalments]
      .sort((a, b) => a.sequence - b.sequence)
      .map((i) => ({
        key: rowKey(),
        amount: formatBahtInput(i.amountSatang),
        release: i.releaseReportSequence === null ? '' : String(i.releaseReportSequence),
      })),
  };
}

/** The values without the row keys, to tell whether anything changed. */
export function fingerprint(values: SetupValues): string {
  const strip = <T extends { key: string }>(rows: T[]) => rows.map(({ key: _key, ...rest }) => rest);
  return JSON.stringify({
    ...values,
    budgetLines: strip(values.budgetLines),
    milestones: strip(values.milestones),
    instalments: strip(values.instalments),
  });
}

/** How a list of amounts stands against the award: the sum of the valid ones and which rows are not amounts. */
export interface MoneyCheck {
  sumSatang: number;
  /** sum − award: negative when short, positive when over. */
  differenceSatang: number;
  invalidRows: number[];
  isExact: boolean;
}

export function checkAmounts(amounts: readonly string[], awardSatang: number): MoneyCheck {
  let sum = 0;
  const invalidRows: number[] = [];
  amounts.forEach((text, index) => {
    const satang = parseBahtInput(text);
    if (typeof satang === 'number') {
      sum += satang;
    } else {
      invalidRows.push(index);
    }
  });
  return {
    sumSatang: sum,
    differenceSatang: sum - awardSatang,
    invalidRows,
    isExact: invalidRows.length === 0 && sum === awardSatang,
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The reports the plan would owe (planReports), or null while the dates do not make a period. */
export function plannedReportsOf(values: SetupValues): PlannedReport[] | null {
  if (!ISO_DATE.test(values.startsOn) || !ISO_DATE.test(values.endsOn) || values.endsOn <= values.startsOn) {
    return null;
  }
  return planReports({
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    schedule: values.reportSchedule,
    milestoneDueDates: values.milestones.map((m) => m.dueOn).filter((d) => ISO_DATE.test(d)),
  });
}

/** A problem the editor finds before sending: the field's path (as the server names it) and what is wrong. */
export type SetupProblem =
  | { field: string; kind: 'required' | 'invalidAmount' | 'zeroAmount' | 'invalidNumber' }
  | { field: 'endsOn'; kind: 'endBeforeStart' }
  | { field: string; kind: 'outsidePeriod' }
  | { field: 'budgetLines' | 'instalments'; kind: 'sumMismatch'; check: MoneyCheck }
  | { field: string; kind: 'unknownReport'; reports: number };

const isSchedule = (value: string): value is ReportSchedule => REPORT_SCHEDULES.some((s) => s === value);
const isCategory = (value: string): value is BudgetCategory => BUDGET_CATEGORIES.some((c) => c === value);

/**
 * The body of PUT /setup from the editor's values, or the problems found first (the server checks everything
 * again): amounts that are not money, budget lines and instalments that do not each sum exactly to the award,
 * dates outside the period, an instalment tied to a report the plan does not have.
 */
export function toSetupBody(
  values: SetupValues,
  awardSatang: number,
  version: number,
): { body: ProjectSetupBody; problems: [] } | { body: null; problems: SetupProblem[] } {
  const problems: SetupProblem[] = [];
  const dateOk = (field: string, value: string) => {
    if (!ISO_DATE.test(value)) {
      problems.push({ field, kind: 'required' });
      return false;
    }
    return true;
  };
  const startOk = dateOk('startsOn', values.startsOn);
  const endOk = dateOk('endsOn', values.endsOn);
  const periodOk = startOk && endOk && values.endsOn > values.startsOn;
  if (startOk && endOk && !periodOk) {
    problems.push({ field: 'endsOn', kind: 'endBeforeStart' });
  }
  const percent = Number(values.reallocationLimitPercent);
  if (
    !/^\d{1,2}$/.test(values.reallocationLimitPercent.trim()) ||
    percent > PROJECT_LIMITS.reallocationLimitMaxPercent
  ) {
    problems.push({ field: 'reallocationLimitPercent', kind: 'invalidNumber' });
  }

  const lines: ProjectSetupBody['budgetLines'] = [];
  values.budgetLines.forEach((line, index) => {
    if (line.description.trim() === '') {
      problems.push({ field: `budgetLines.${index}.description`, kind: 'required' });
    }
    const satang = parseBahtInput(line.amount);
    if (typeof satang !== 'number') {
      problems.push({
        field: `budgetLines.${index}.amountSatang`,
        kind: satang === undefined ? 'required' : 'invalidAmount',
      });
    }
    lines.push({
      category: isCategory(line.category) ? line.category : 'other',
      description: line.description.trim(),
      amountSatang: typeof satang === 'number' ? satang : 0,
    });
  });
  const lineCheck = checkAmounts(
    values.budgetLines.map((l) => l.amount),
    awardSatang,
  );
  if (lineCheck.invalidRows.length === 0 && !lineCheck.isExact) {
    problems.push({ field: 'budgetLines', kind: 'sumMismatch', check: lineCheck });
  }

  const milestones: ProjectSetupBody['milestones'] = [];
  values.milestones.forEach((m, index) => {
    if (m.titleTh.trim() === '') {
      problems.push({ field: `milestones.${index}.titleTh`, kind: 'required' });
    }
    if (dateOk(`milestones.${index}.dueOn`, m.dueOn) && periodOk) {
      if (m.dueOn < values.startsOn || m.dueOn > values.endsOn) {
        problems.push({ field: `milestones.${index}.dueOn`, kind: 'outsidePeriod' });
      }
    }
    milestones.push({
      titleTh: m.titleTh.trim(),
      titleEn: m.titleEn.trim(),
      deliverable: m.deliverable.trim(),
      dueOn: m.dueOn,
    });
  });

  const reports = plannedReportsOf(values);
  const instalments: ProjectSetupBody['instalments'] = [];
  values.instalments.forEach((row, index) => {
    const satang = parseBahtInput(row.amount);
    if (typeof satang !== 'number') {
      problems.push({
        field: `instalments.${index}.amountSatang`,
        kind: satang === undefined ? 'required' : 'invalidAmount',
      });
    } else if (satang < 1) {
      problems.push({ field: `instalments.${index}.amountSatang`, kind: 'zeroAmount' });
    }
    const release = row.release === '' ? null : Number(row.release);
    if (release !== null && reports !== null && release > reports.length) {
      problems.push({
        field: `instalments.${index}.releaseAfterReport`,
        kind: 'unknownReport',
        reports: reports.length,
      });
    }
    instalments.push({ amountSatang: typeof satang === 'number' ? satang : 0, releaseAfterReport: release });
  });
  const instalmentCheck = checkAmounts(
    values.instalments.map((i) => i.amount),
    awardSatang,
  );
  if (instalmentCheck.invalidRows.length === 0 && !instalmentCheck.isExact) {
    problems.push({ field: 'instalments', kind: 'sumMismatch', check: instalmentCheck });
  }

  if (problems.length > 0) {
    return { body: null, problems };
  }
  const srl = values.srlTarget === '' ? null : Number(values.srlTarget);
  return {
    body: {
      version,
      startsOn: values.startsOn,
      endsOn: values.endsOn,
      drivingUnitId: values.drivingUnitId === '' ? null : values.drivingUnitId,
      reportSchedule: isSchedule(values.reportSchedule) ? values.reportSchedule : 'milestone',
      reallocationLimitPercent: percent,
      srlTarget: srl,
      budgetLines: lines,
      milestones,
      instalments,
    },
    problems: [],
  };
}
