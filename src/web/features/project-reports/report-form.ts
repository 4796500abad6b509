import {
  PROJECT_LIMITS,
  type ReportBody,
  type ReportDetail,
  type ScalingRecommendation,
} from '@shared/contracts/projects';
import { bahtToSatang, satangToBahtText } from '@web/features/call-admin/baht';

/** A covered milestone as the form holds it: the percentage as typed. */
export interface MilestoneDraft {
  milestoneId: string;
  completion: string;
  note: string;
}

/** Spending on one budget line in this report, in baht as typed. */
export interface ExpenditureDraft {
  budgetLineId: string;
  spent: string;
  note: string;
}

/** One row of the indicator table; `key` only tells React the rows apart. */
export interface IndicatorDraft {
  key: number;
  indicatorCode: string | null;
  name: string;
  unit: string;
  value: string;
  target: string;
  note: string;
}

export interface ScalingDraft {
  key: number;
  area: string;
  provinceCodes: number[];
  recommendation: string;
  conditions: string;
}

/** Everything the applicant edits in a report (the evidence files are sent one by one, outside the draft). */
export interface ReportDraft {
  narrative: string;
  problems: string;
  risks: string;
  srlLevel: number | null;
  srlEvidence: string;
  milestones: MilestoneDraft[];
  expenditures: ExpenditureDraft[];
  indicators: IndicatorDraft[];
  lessonsLearned: string;
  scalingRecommendations: ScalingDraft[];
}

let nextKey = 1;

/** A fresh React key for a new row. */
export function rowKey(): number {
  nextKey += 1;
  return nextKey;
}

function numberText(value: number | null): string {
  return value === null ? '' : String(value);
}

/** The form's starting point: what the server holds for the report. */
export function draftFromReport(report: ReportDetail): ReportDraft {
  return {
    narrative: report.narrative,
    problems: report.problems,
    risks: report.risks,
    srlLevel: report.srlLevel,
    srlEvidence: report.srlEvidence,
    milestones: report.milestones.map((m) => ({
      milestoneId: m.milestoneId,
      completion: String(m.completionPercent),
      note: m.note,
    })),
    expenditures: report.expenditures.map((e) => ({
      budgetLineId: e.budgetLineId,
      spent: e.spentSatang === 0 ? '' : satangToBahtText(e.spentSatang),
      note: e.note,
    })),
    indicators: report.indicators.map((i) => ({
      key: rowKey(),
      indicatorCode: i.indicatorCode,
      name: i.name,
      unit: i.unit,
      value: numberText(i.value),
      target: numberText(i.target),
      note: i.note,
    })),
    lessonsLearned: report.lessonsLearned,
    scalingRecommendations: report.scalingRecommendations.map((s) => ({
      key: rowKey(),
      area: s.area,
      provinceCodes: [...s.provinceCodes],
      recommendation: s.recommendation,
      conditions: s.conditions,
    })),
  };
}

/** The draft without the React keys, for telling whether anything changed since the last save. */
export function draftFingerprint(draft: ReportDraft): string {
  return JSON.stringify({
    ...draft,
    indicators: draft.indicators.map(({ key: _key, ...rest }) => rest),
    scalingRecommendations: draft.scalingRecommendations.map(({ key: _key, ...rest }) => rest),
  });
}

export function emptyIndicator(): IndicatorDraft {
  return { key: rowKey(), indicatorCode: null, name: '', unit: '', value: '', target: '', note: '' };
}

export function emptyScaling(): ScalingDraft {
  return { key: rowKey(), area: '', provinceCodes: [], recommendation: '', conditions: '' };
}

/** A problem the form finds before sending, keyed like the server's field names (see `fieldKey`). */
export type ClientProblem = 'required' | 'number' | 'money' | 'percent';

export interface BodyResult {
  body: ReportBody;
  problems: Record<string, ClientProblem>;
}

/** A decimal number as typed ("1,250", "3.5", "-2"); null when it is not one, undefined when empty. */
export function parseNumber(text: string): number | null | undefined {
  const cleaned = text.replace(/[\s,]/g, '');
  if (cleaned === '') {
    return undefined;
  }
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) {
    return null;
  }
  const value = Number(cleaned);
  return Number.isFinite(value) && Math.abs(value) <= 1e15 ? value : null;
}

function parsePercent(text: string): number | null {
  const cleaned = text.trim().replace(/%$/, '').trim();
  if (cleaned === '') {
    return 0;
  }
  if (!/^\d{1,3}$/.test(cleaned)) {
    return null;
  }
  const value = Number(cleaned);
  return value <= 100 ? value : null;
}

/**
 * The request body for saving the draft, and the problems that stop it being sent (a percentage, an amount or a
 * number that is not one; an indicator or a scaling recommendation without its required text). The server checks
 * everything again; completeness is checked only when the report is submitted.
 */
export function bodyFromDraft(draft: ReportDraft, version: number): BodyResult {
  const problems: Record<string, ClientProblem> = {};
  const milestones = draft.milestones.map((m) => {
    const percent = parsePercent(m.completion);
    if (percent === null) {
      problems[`milestones.${m.milestoneId}.completionPercent`] = 'percent';
    }
    return { milestoneId: m.milestoneId, completionPercent: percent ?? 0, note: m.note.trim() };
  });
  const expenditures = draft.expenditures.map((e) => {
    const satang = bahtToSatang(e.spent);
    if (satang === null || (typeof satang === 'number' && satang > PROJECT_LIMITS.moneyMaxSatang)) {
      problems[`expenditures.${e.budgetLineId}.spentSatang`] = 'money';
    }
    return {
      budgetLineId: e.budgetLineId,
      spentSatang: typeof satang === 'number' ? satang : 0,
      note: e.note.trim(),
    };
  });
  const indicators = draft.indicators.map((row, index) => {
    const value = parseNumber(row.value);
    const target = parseNumber(row.target);
    if (row.name.trim() === '') {
      problems[`indicators.${index}.name`] = 'required';
    }
    if (value === undefined) {
      problems[`indicators.${index}.value`] = 'required';
    } else if (value === null) {
      problems[`indicators.${index}.value`] = 'number';
    }
    if (target === null) {
      problems[`indicators.${index}.target`] = 'number';
    }
    return {
      indicatorCode: row.indicatorCode,
      name: row.name.trim(),
      unit: row.unit.trim(),
      value: typeof value === 'number' ? value : 0,
      target: typeof target === 'number' ? target : null,
      note: row.note.trim(),
    };
  });
  const scalingRecommendations: ScalingRecommendation[] = draft.scalingRecommendations.map((s, index) => {
    if (s.area.trim() === '') {
      problems[`scalingRecommendations.${index}.area`] = 'required';
    }
    if (s.recommendation.trim() === '') {
      problems[`scalingRecommendations.${index}.recommendation`] = 'required';
    }
    return {
      area: s.area.trim(),
      provinceCodes: s.provinceCodes,
      recommendation: s.recommendation.trim(),
      conditions: s.conditions.trim(),
    };
  });
  return {
    body: {
      version,
      narrative: draft.narrative.trim(),
      problems: draft.problems.trim(),
      risks: draft.risks.trim(),
      srlLevel: draft.srlLevel,
      srlEvidence: draft.srlEvidence.trim(),
      milestones,
      expenditures,
      indicators,
      lessonsLearned: draft.lessonsLearned.trim(),
      scalingRecommendations,
    },
    problems,
  };
}

const BY_ID = new Set(['milestones', 'expenditures']);
const ID_FIELD = { milestones: 'milestoneId', expenditures: 'budgetLineId' } as const;

/**
 * The form's key for a field the server names (`body.milestones.2.completionPercent`): milestone and budget-line
 * rows are keyed by their id (`milestones.<milestoneId>.completionPercent`), since their order is the server's; other
 * lists keep their index. `rows` are the lists as they were sent (or as the server holds them).
 */
export function fieldKey(
  field: string,
  rows: {
    milestones: ReadonlyArray<{ milestoneId: string }>;
    expenditures: ReadonlyArray<{ budgetLineId: string }>;
  },
): string {
  const parts = field.replace(/^(body|query|params)\./, '').split('.');
  const [list, index] = parts;
  if (list && index !== undefined && BY_ID.has(list) && /^\d+$/.test(index)) {
    const kind = list as keyof typeof ID_FIELD;
    const row = rows[kind][Number(index)] as Record<string, string> | undefined;
    const id = row?.[ID_FIELD[kind]];
    if (id) {
      parts[1] = id;
    }
  }
  return parts.join('.');
}

/** The DOM id of a field's input, so that an error's link can take the person to it. */
export function fieldDomId(key: string): string {
  return `pr-f-${key.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/** The ids to try, most precise first, when focusing the field of an error (`a.b.c` → `a.b.c`, `a.b`, `a`). */
export function fieldDomIdCandidates(key: string): string[] {
  const parts = key.split('.');
  const ids: string[] = [];
  for (let n = parts.length; n > 0; n -= 1) {
    ids.push(fieldDomId(parts.slice(0, n).join('.')));
  }
  return ids;
}
