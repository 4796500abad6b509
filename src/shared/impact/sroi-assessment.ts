import type { SroiIssue, SroiModelInput } from '@shared/contracts/sroi';
import type {
  SroiAssessmentIssues,
  SroiAssessmentModel,
  SroiIssueCode,
} from '@shared/contracts/sroi-assessments';
import { calculateSroi, parseSroiModel, SroiValidationError, type SroiResult } from './sroi';

// The stored impact map of an assessment (money in satang, stakeholders by id) and the engine's JSON model of
// SROI-SPEC §1: conversion one way, issue paths the other way, and the one evaluation every door uses.

/** The engine's field name → the stored model's, where they differ. */
const STORED_FIELD: Record<'inputs' | 'outcomes', Record<string, string>> = {
  inputs: { value: 'valueSatang', stakeholder: 'stakeholderId' },
  outcomes: { proxy: 'proxySatang', stakeholder: 'stakeholderId' },
};

/** The engine's model of a stored one. Stakeholders go by name (the engine groups present values by it). */
export function toEngineModel(model: SroiAssessmentModel): SroiModelInput {
  const names = new Map(model.stakeholders.map((s) => [s.id, s.name]));
  const nameOf = (id: string | null) => (id === null ? undefined : names.get(id));
  return {
    currency: model.currency,
    ...(model.discountRate === null ? {} : { discountRate: model.discountRate }),
    convention: model.convention,
    inputs: model.inputs.map((input) => ({
      ...optional('stakeholder', nameOf(input.stakeholderId)),
      label: input.label,
      value: input.valueSatang,
      year: input.year,
    })),
    outcomes: model.outcomes.map((o) => ({
      id: o.id,
      ...optional('stakeholder', nameOf(o.stakeholderId)),
      ...optional('description', o.description || undefined),
      ...optional('indicator', o.indicator || undefined),
      ...optional('quantity', o.quantity ?? undefined),
      ...optional('quantityByYear', o.quantityByYear ?? undefined),
      proxy: o.proxySatang,
      ...optional('proxySource', o.proxySource || undefined),
      deadweight: o.deadweight,
      displacement: o.displacement,
      attribution: o.attribution,
      ...optional('dropoff', o.dropoff ?? undefined),
      ...optional('duration', o.duration ?? undefined),
      startYear: o.startYear,
      ...optional('durationEvidence', o.durationEvidence || undefined),
      ...(o.sdg.length > 0 ? { sdg: o.sdg } : {}),
      ...(o.iris.length > 0 ? { iris: o.iris } : {}),
    })),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** An engine path (`outcomes[2].proxy`, `inputs[0].value`) as the stored model's (`outcomes[2].proxySatang`). */
export function toStoredPath(path: string): string {
  const match = /^(inputs|outcomes)(\[\d+\])\.([A-Za-z]+)(.*)$/.exec(path);
  if (!match) {
    return path;
  }
  const [, section, index, field, rest] = match as unknown as [
    string,
    'inputs' | 'outcomes',
    string,
    string,
    string,
  ];
  return `${section}${index}.${STORED_FIELD[section][field] ?? field}${rest}`;
}

/** The parts of a stored path: `outcomes[2].deadweight` → { section: 'outcomes', index: 2, field: 'deadweight' }. */
export function parseIssuePath(path: string): {
  section: string;
  index: number | null;
  field: string | null;
} {
  const match = /^([A-Za-z]+)(?:\[(\d+)\])?(?:\.([A-Za-z]+))?/.exec(path);
  if (!match) {
    return { section: '', index: null, field: null };
  }
  return {
    section: match[1] ?? '',
    index: match[2] === undefined ? null : Number(match[2]),
    field: match[3] ?? null,
  };
}

const ENGINE_MESSAGES: Array<[RegExp, SroiIssueCode]> = [
  [/^must be between 0 and 1/, 'FRACTION'],
  [/^must be an integer greater than or equal to 1/, 'MIN_ONE'],
  [/^must be an integer greater than or equal to 0/, 'NON_NEGATIVE'],
  [/^must be an integer/, 'INTEGER'],
  [/^must be greater than or equal to 0/, 'NON_NEGATIVE'],
  [/^must not be empty/, 'REQUIRED'],
  [/^must hold at least one input/, 'NO_INPUTS'],
  [/^must hold at least one outcome/, 'NO_OUTCOMES'],
  [/^must hold at least one year/, 'REQUIRED'],
  [/^duplicate outcome id/, 'DUPLICATE_ID'],
  [/^must not be given together with quantityByYear; build the taper/, 'DROPOFF_WITH_SERIES'],
  [/^must not be given together with quantityByYear \(or must equal its length\)/, 'DURATION_WITH_SERIES'],
  [/^must not be given together with quantityByYear/, 'QUANTITY_WITH_SERIES'],
  [/^is required \(or give quantityByYear\)/, 'QUANTITY_REQUIRED'],
  [/^is required with quantity/, 'DURATION_REQUIRED'],
  [/^deadweight \+ displacement \+ attribution must not exceed 1/, 'ADDITIVE_DEDUCTIONS'],
  [/^the present value of the inputs must be greater than 0/, 'INVESTMENT_NOT_POSITIVE'],
];

/** One engine issue as a stored one: the path renamed to the stored field, a catalogue code and its params. */
export function toStoredIssue(issue: SroiIssue): SroiAssessmentIssues[number] {
  const code = ENGINE_MESSAGES.find(([pattern]) => pattern.test(issue.message))?.[1] ?? 'OTHER';
  const params: Record<string, string | number> = {};
  if (code === 'DUPLICATE_ID') {
    params.id = /"(.*)"/.exec(issue.message)?.[1] ?? '';
  }
  return { path: toStoredPath(issue.path), message: issue.message, code, params };
}

/** Rules of the stored model the engine cannot see: stakeholder references and ids. */
export function storedModelIssues(model: SroiAssessmentModel): SroiAssessmentIssues {
  const issues: SroiAssessmentIssues = [];
  const ids = new Set<string>();
  model.stakeholders.forEach((s, i) => {
    if (ids.has(s.id)) {
      issues.push({
        path: `stakeholders[${i}].id`,
        message: `duplicate stakeholder id "${s.id}"`,
        code: 'DUPLICATE_STAKEHOLDER',
        params: { id: s.id },
      });
    }
    ids.add(s.id);
  });
  const check = (section: 'inputs' | 'outcomes', list: Array<{ stakeholderId: string | null }>) => {
    list.forEach((row, i) => {
      if (row.stakeholderId !== null && !ids.has(row.stakeholderId)) {
        issues.push({
          path: `${section}[${i}].stakeholderId`,
          message: `unknown stakeholder "${row.stakeholderId}"`,
          code: 'UNKNOWN_STAKEHOLDER',
          params: { id: row.stakeholderId },
        });
      }
    });
  };
  check('inputs', model.inputs);
  check('outcomes', model.outcomes);
  return issues;
}

/** Whether every number of a result is finite (a model of absurd size overflows to Infinity). */
export function allFinite(value: unknown): boolean {
  if (typeof value === 'number') {
    return Number.isFinite(value);
  }
  if (Array.isArray(value)) {
    return value.every(allFinite);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).every(allFinite);
  }
  return true;
}

/** Largest ratio the headline column (numeric(14,4)) holds. */
const RATIO_LIMIT = 1e10;

/** The stored headline figures of a result: PV and PV of investment in whole satang, the gross ratio. */
export function headlineOf(result: SroiResult): {
  presentValueSatang: number;
  investmentSatang: number;
  ratio: number;
} {
  return {
    presentValueSatang: Math.round(result.presentValue),
    investmentSatang: Math.round(result.investmentPresentValue),
    ratio: result.ratio,
  };
}

function tooLarge(result: SroiResult): boolean {
  const h = headlineOf(result);
  return (
    !allFinite(result) ||
    !Number.isSafeInteger(h.presentValueSatang) ||
    !Number.isSafeInteger(h.investmentSatang) ||
    Math.abs(h.ratio) >= RATIO_LIMIT
  );
}

export interface SroiEvaluation {
  /** The engine's result; null while there are issues. */
  result: SroiResult | null;
  issues: SroiAssessmentIssues;
  /** For th-base-year: the same model under svi-2012 at its default rate (SROI-SPEC §4); else null. */
  comparison: SroiResult | null;
}

/**
 * The recomputation of SROI-SPEC §4: a th-base-year model recomputed under svi-2012 at that convention's default
 * rate (3.5 %, Green Book schedule), the fixed convention the funder compares projects by. Null for other models
 * or when the recomputation does not validate.
 */
export function svi2012Comparison(engineModel: SroiModelInput): SroiResult | null {
  if (engineModel.convention !== 'th-base-year') {
    return null;
  }
  const { discountRate: _rate, ...rest } = engineModel;
  const parsed = parseSroiModel({ ...rest, convention: 'svi-2012' });
  if (!parsed.ok) {
    return null;
  }
  const result = calculateSroi(parsed.model);
  return tooLarge(result) ? null : result;
}

/** Evaluates a stored model with the one engine: its result, or its issues named by stored paths. */
export function evaluateAssessmentModel(model: SroiAssessmentModel): SroiEvaluation {
  const ownIssues = storedModelIssues(model);
  const engineModel = toEngineModel(model);
  let result: SroiResult;
  try {
    result = calculateSroi(engineModel);
  } catch (error) {
    if (!(error instanceof SroiValidationError)) {
      throw error;
    }
    return {
      result: null,
      issues: [...ownIssues, ...error.issues.map(toStoredIssue)],
      comparison: null,
    };
  }
  if (tooLarge(result)) {
    ownIssues.push({
      path: '',
      message: 'the values are too large to compute',
      code: 'TOO_LARGE',
      params: {},
    });
  }
  if (ownIssues.length > 0) {
    return { result: null, issues: ownIssues, comparison: null };
  }
  return { result, issues: [], comparison: svi2012Comparison(engineModel) };
}

// ---- Entry helpers (the editor types baht and percentages) ---------------------------------------------------------

/** Baht as typed ("1,250.50", "1250") → satang; null when it is not a number with at most two decimals. */
export function bahtToSatang(text: string): number | null {
  const cleaned = text.replace(/[,\s฿]/g, '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) {
    return null;
  }
  const negative = cleaned.startsWith('-');
  const [whole = '0', fraction = ''] = cleaned.replace('-', '').split('.');
  const satang = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(satang)) {
    return null;
  }
  return negative ? -satang : satang;
}

/** Satang → baht text for an input box: "1250.5" → "1250.50"; whole baht without decimals. */
export function satangToBahtText(satang: number): string {
  const negative = satang < 0;
  const abs = Math.abs(satang);
  const whole = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${negative ? '-' : ''}${whole}${rest === 0 ? '' : `.${String(rest).padStart(2, '0')}`}`;
}

/** A percentage as typed ("20", "12.5") → a fraction (0.2, 0.125); null when not a number. */
export function percentToFraction(text: string): number | null {
  const cleaned = text.replace(/[%\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) {
    return null;
  }
  return Number(cleaned) / 100;
}

/** A fraction as a percentage for an input box, without binary noise: 0.035 → "3.5". */
export function fractionToPercentText(fraction: number): string {
  return String(Number((fraction * 100).toPrecision(12)));
}

/** Months as whole years and months (rounded to the nearest month): 26.4 → { years: 2, months: 2 }. */
export function yearsAndMonths(months: number): { years: number; months: number } {
  const total = Math.round(months);
  return { years: Math.floor(total / 12), months: total % 12 };
}

/** A fresh outcome row with the stored model's defaults. */
export function blankOutcome(id: string): SroiAssessmentModel['outcomes'][number] {
  return {
    id,
    stakeholderId: null,
    description: '',
    indicator: '',
    projectIndicatorId: null,
    quantity: null,
    quantityByYear: null,
    proxyId: null,
    proxyLabel: '',
    proxySatang: 0,
    proxySource: '',
    proxySourceUrl: '',
    deadweight: 0,
    displacement: 0,
    attribution: 0,
    dropoff: null,
    duration: null,
    startYear: 1,
    durationEvidence: '',
    sdg: [],
    iris: [],
  };
}

/** The next free id of the form `<prefix><n>` among `taken`. */
export function nextId(prefix: string, taken: readonly string[]): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!used.has(id)) {
      return id;
    }
  }
}
