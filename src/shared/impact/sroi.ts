import {
  SroiModelSchema,
  type SroiConvention,
  type SroiIssue,
  type SroiModel,
  type SroiOutcome,
} from '@shared/contracts/sroi';

/** Default discount rate per convention (SROI-SPEC §4). */
export const DEFAULT_DISCOUNT_RATE: Record<SroiConvention, number> = {
  'svi-2012': 0.035,
  'th-base-year': 0.02,
  'nz-cbax-midyear': 0.02,
};

/** Default ± change of the sensitivity table. */
export const SENSITIVITY_CHANGE = 0.2;

/** Ratio above which a model is flagged: about the 90th percentile of SVI-database ratios (SROI-SPEC §3). */
export const HIGH_RATIO_WARNING = 10;

export type DiscountSchedule = 'constant' | 'green-book';

export interface SroiWarning extends SroiIssue {
  code: 'LONG_DURATION' | 'NO_DROPOFF' | 'NO_DEADWEIGHT_OR_ATTRIBUTION' | 'HIGH_RATIO' | 'DEDUCTIONS_IGNORED';
}

export interface SroiYearValue {
  year: number;
  quantity: number;
  value: number;
  presentValue: number;
}

export interface SroiOutcomeResult {
  id: string;
  stakeholder: string | null;
  /** G_o = Q × P (first counted year). */
  grossValue: number;
  /** I_o: the one-year impact after deductions (first counted year). */
  impact: number;
  presentValue: number;
  /** V_{o,t} per counted year with its present value. */
  years: SroiYearValue[];
}

export type SensitivityParameter =
  'deadweight' | 'displacement' | 'attribution' | 'dropoff' | 'proxy' | 'quantity' | 'inputs';

export interface SensitivityRow {
  parameter: SensitivityParameter;
  /** Relative change applied to the parameter of every outcome (or every input), e.g. -0.2. */
  change: number;
  presentValue: number;
  investmentPresentValue: number;
  ratio: number;
}

export interface SroiSwitchingValues {
  /** Multiplier k* on the proxies (equivalently the quantities) of all outcomes that moves the ratio to 1 : 1. */
  proxyMultiplier: number | null;
  /** Same multiplier as proxyMultiplier, on quantities. */
  quantityMultiplier: number | null;
  /** Value in [0,1] which, given to every outcome, moves the ratio to 1 : 1; null when no value in [0,1] does. */
  deadweight: number | null;
  displacement: number | null;
  attribution: number | null;
  dropoff: number | null;
  perOutcome: { id: string; proxyMultiplier: number | null }[];
}

export interface SroiResult {
  convention: SroiConvention;
  currency: string | null;
  discountRate: number;
  discountSchedule: DiscountSchedule;
  presentValue: number;
  investmentPresentValue: number;
  netPresentValue: number;
  /** Gross SROI ratio PV / PV_I. */
  ratio: number;
  /** Net SROI ratio NPV / PV_I = ratio − 1. */
  netRatio: number;
  ratioDisplay: { uk: string; th: string };
  /** Σ I_o, the undiscounted one-year impact total used by the simple payback. */
  annualImpact: number;
  /** Simple payback PV_I / (annualImpact / 12); null when annualImpact ≤ 0. */
  paybackMonths: number | null;
  paybackKind: 'simple_undiscounted';
  /** First time the cumulative discounted value reaches PV_I, interpolated within the year; null if never. */
  discountedPaybackMonths: number | null;
  perOutcome: SroiOutcomeResult[];
  perYear: { year: number; value: number; presentValue: number }[];
  perStakeholder: { stakeholder: string | null; presentValue: number }[];
  perInput: {
    label: string;
    stakeholder: string | null;
    year: number;
    value: number;
    presentValue: number;
  }[];
  sensitivity: {
    change: number;
    rows: SensitivityRow[];
    /** The ratio itself ±change, as the Thai sroiv5 tool reports it. */
    ratioRange: { low: number; high: number };
  };
  switchingValues: SroiSwitchingValues;
  warnings: SroiWarning[];
}

export class SroiValidationError extends Error {
  constructor(readonly issues: SroiIssue[]) {
    super(issues.map(formatSroiIssue).join('\n'));
    this.name = 'SroiValidationError';
  }
}

export function formatSroiIssue(issue: SroiIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/** Rounds half away from zero at dp decimals, tolerant of binary representation error (2.675 → 2.68). */
export function roundHalfUp(value: number, dp: number): number {
  const scale = 10 ** dp;
  const scaled = Math.abs(value) * scale;
  const rounded = Math.floor(scaled + 0.5 + 1e-9 * Math.max(1, scaled));
  return (Math.sign(value) * rounded) / scale;
}

/** HM Treasury Green Book declining schedule: 3.5 % for years 1–30, 3.0 % for 31–75, 2.5 % after. */
function greenBookRate(year: number): number {
  if (year <= 30) {
    return 0.035;
  }
  return year <= 75 ? 0.03 : 0.025;
}

/** Discount factor of benefit year t (t = 1 is the first year after the investment) under a convention. */
export function discountFactor(
  year: number,
  rate: number,
  convention: SroiConvention = 'svi-2012',
  schedule: DiscountSchedule = 'constant',
): number {
  switch (convention) {
    case 'svi-2012': {
      if (schedule === 'constant') {
        return 1 / (1 + rate) ** year;
      }
      let factor = 1;
      for (let k = 1; k <= year; k++) {
        factor /= 1 + greenBookRate(k);
      }
      return factor;
    }
    case 'th-base-year':
      return 1 / (1 + rate) ** (year - 1);
    case 'nz-cbax-midyear':
      return 1 / (1 + rate) ** (year - 0.5);
  }
}

/**
 * Discount factor of an input spent in year k. svi-2012: year 0 undiscounted, k ≥ 1 like benefit year k.
 * th-base-year: exponent k − 1, with the investment year 0 treated as the base year (not discounted).
 * nz-cbax-midyear: inputs are an undiscounted total.
 */
export function inputDiscountFactor(
  year: number,
  rate: number,
  convention: SroiConvention = 'svi-2012',
  schedule: DiscountSchedule = 'constant',
): number {
  switch (convention) {
    case 'svi-2012':
      return year === 0 ? 1 : discountFactor(year, rate, convention, schedule);
    case 'th-base-year':
      return 1 / (1 + rate) ** Math.max(0, year - 1);
    case 'nz-cbax-midyear':
      return 1;
  }
}

/** Geometric drop-off: the level of each counted year, taking dropoff from what remained the year before. */
export function projectDropoff(first: number, dropoff: number, duration: number): number[] {
  return Array.from({ length: duration }, (_, i) => first * (1 - dropoff) ** i);
}

/** The share of gross value that remains after deadweight, displacement and attribution. */
export function deductionFactor(
  outcome: Pick<SroiOutcome, 'deadweight' | 'displacement' | 'attribution'>,
  convention: SroiConvention,
): number {
  switch (convention) {
    case 'svi-2012':
      return (1 - outcome.deadweight) * (1 - outcome.displacement) * (1 - outcome.attribution);
    case 'th-base-year':
      return Math.max(0, 1 - (outcome.deadweight + outcome.displacement + outcome.attribution));
    case 'nz-cbax-midyear':
      return 1;
  }
}

function outcomeQuantities(outcome: SroiOutcome): number[] {
  if (outcome.quantityByYear) {
    return outcome.quantityByYear;
  }
  return projectDropoff(outcome.quantity ?? 0, outcome.dropoff ?? 0, outcome.duration ?? 1);
}

interface Settings {
  convention: SroiConvention;
  rate: number;
  schedule: DiscountSchedule;
}

function settingsOf(model: SroiModel): Settings {
  return {
    convention: model.convention,
    rate: model.discountRate ?? DEFAULT_DISCOUNT_RATE[model.convention],
    schedule: model.convention === 'svi-2012' && model.discountRate === undefined ? 'green-book' : 'constant',
  };
}

interface Core {
  presentValue: number;
  investmentPresentValue: number;
  annualImpact: number;
  perOutcome: SroiOutcomeResult[];
  perInput: SroiResult['perInput'];
}

function computeCore(model: SroiModel, settings: Settings): Core {
  const { convention, rate, schedule } = settings;
  const perOutcome = model.outcomes.map((outcome): SroiOutcomeResult => {
    const factor = deductionFactor(outcome, convention);
    const years = outcomeQuantities(outcome).map((quantity, i): SroiYearValue => {
      const year = outcome.startYear + i;
      const value = quantity * outcome.proxy * factor;
      return {
        year,
        quantity,
        value,
        presentValue: value * discountFactor(year, rate, convention, schedule),
      };
    });
    const firstQuantity = years[0]?.quantity ?? 0;
    return {
      id: outcome.id,
      stakeholder: outcome.stakeholder ?? null,
      grossValue: firstQuantity * outcome.proxy,
      impact: firstQuantity * outcome.proxy * factor,
      presentValue: sum(years.map((y) => y.presentValue)),
      years,
    };
  });
  const perInput = model.inputs.map((input) => ({
    label: input.label,
    stakeholder: input.stakeholder ?? null,
    year: input.year,
    value: input.value,
    presentValue: input.value * inputDiscountFactor(input.year, rate, convention, schedule),
  }));
  return {
    presentValue: sum(perOutcome.map((o) => o.presentValue)),
    investmentPresentValue: sum(perInput.map((i) => i.presentValue)),
    annualImpact: sum(perOutcome.map((o) => o.impact)),
    perOutcome,
    perInput,
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function formatRatio(ratio: number): string {
  return roundHalfUp(ratio, 2).toFixed(2);
}

/** Checks the rules of SROI-SPEC §3 that a schema cannot express. Returns errors; an empty list means valid. */
export function validateSroiModel(model: SroiModel): SroiIssue[] {
  const issues: SroiIssue[] = [];
  const seen = new Set<string>();
  model.outcomes.forEach((outcome, i) => {
    const at = `outcomes[${i}]`;
    if (seen.has(outcome.id)) {
      issues.push({ path: `${at}.id`, message: `duplicate outcome id "${outcome.id}"` });
    }
    seen.add(outcome.id);
    if (outcome.quantityByYear) {
      if (outcome.quantity !== undefined) {
        issues.push({ path: `${at}.quantity`, message: 'must not be given together with quantityByYear' });
      }
      // A redundant duration equal to the series length, or a zero drop-off, is consistent and accepted.
      if (outcome.duration !== undefined && outcome.duration !== outcome.quantityByYear.length) {
        issues.push({
          path: `${at}.duration`,
          message: 'must not be given together with quantityByYear (or must equal its length)',
        });
      }
      if (outcome.dropoff !== undefined && outcome.dropoff !== 0) {
        issues.push({
          path: `${at}.dropoff`,
          message: 'must not be given together with quantityByYear; build the taper into the series',
        });
      }
    } else {
      if (outcome.quantity === undefined) {
        issues.push({ path: `${at}.quantity`, message: 'is required (or give quantityByYear)' });
      }
      if (outcome.duration === undefined) {
        issues.push({ path: `${at}.duration`, message: 'is required with quantity' });
      }
    }
    if (
      model.convention === 'th-base-year' &&
      outcome.deadweight + outcome.displacement + outcome.attribution > 1 + 1e-12
    ) {
      issues.push({
        path: `${at}.deadweight`,
        message:
          'deadweight + displacement + attribution must not exceed 1 under the additive th-base-year convention',
      });
    }
  });
  if (issues.length === 0) {
    const { investmentPresentValue } = computeCore(model, settingsOf(model));
    if (!(investmentPresentValue > 0)) {
      issues.push({
        path: 'inputs',
        message: 'the present value of the inputs must be greater than 0, otherwise the ratio is undefined',
      });
    }
  }
  return issues;
}

function schemaIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): SroiIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path
      .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
      .join(''),
    message: issue.message,
  }));
}

/** Parses a model (schema, then the rules of SROI-SPEC §3) without throwing. */
export function parseSroiModel(
  raw: unknown,
): { ok: true; model: SroiModel } | { ok: false; issues: SroiIssue[] } {
  const parsed = SroiModelSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, issues: schemaIssues(parsed.error) };
  }
  const issues = validateSroiModel(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, model: parsed.data };
}

type Transform = (model: SroiModel) => SroiModel;

function mapOutcomes(fn: (o: SroiOutcome) => SroiOutcome): Transform {
  return (model) => ({ ...model, outcomes: model.outcomes.map(fn) });
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

function scaleParameter(parameter: SensitivityParameter, k: number): Transform {
  switch (parameter) {
    case 'deadweight':
    case 'displacement':
    case 'attribution':
      return mapOutcomes((o) => ({ ...o, [parameter]: clamp01(o[parameter] * k) }));
    case 'dropoff':
      return mapOutcomes((o) => (o.quantityByYear ? o : { ...o, dropoff: clamp01((o.dropoff ?? 0) * k) }));
    case 'proxy':
      return mapOutcomes((o) => ({ ...o, proxy: o.proxy * k }));
    case 'quantity':
      return mapOutcomes((o) => ({
        ...o,
        quantity: o.quantity === undefined ? undefined : o.quantity * k,
        quantityByYear: o.quantityByYear?.map((q) => q * k),
      }));
    case 'inputs':
      return (model) => ({ ...model, inputs: model.inputs.map((i) => ({ ...i, value: i.value * k })) });
  }
}

function setParameter(parameter: 'deadweight' | 'displacement' | 'attribution' | 'dropoff', x: number) {
  return mapOutcomes((o) => (parameter === 'dropoff' && o.quantityByYear ? o : { ...o, [parameter]: x }));
}

/** Finds x in [0,1] with f(x) = 0 by bisection; null when f does not change sign on [0,1]. */
function bisect(f: (x: number) => number): number | null {
  let lo = 0;
  let hi = 1;
  let fLo = f(lo);
  const fHi = f(hi);
  if (fLo === 0) {
    return lo;
  }
  if (fHi === 0) {
    return hi;
  }
  if (Math.sign(fLo) === Math.sign(fHi)) {
    return null;
  }
  for (let i = 0; i < 100 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    const fMid = f(mid);
    if (fMid === 0) {
      return mid;
    }
    if (Math.sign(fMid) === Math.sign(fLo)) {
      lo = mid;
      fLo = fMid;
    } else {
      hi = mid;
    }
  }
  return (lo + hi) / 2;
}

function collectWarnings(model: SroiModel, ratio: number): SroiWarning[] {
  const warnings: SroiWarning[] = [];
  const isNz = model.convention === 'nz-cbax-midyear';
  model.outcomes.forEach((o, i) => {
    const at = `outcomes[${i}]`;
    const years = o.quantityByYear ? o.quantityByYear.length : (o.duration ?? 1);
    if (years > 5 && !o.durationEvidence?.trim()) {
      warnings.push({
        code: 'LONG_DURATION',
        path: o.quantityByYear ? `${at}.quantityByYear` : `${at}.duration`,
        message: `counted for ${years} years (more than 5) without durationEvidence`,
      });
    }
    if (!o.quantityByYear && (o.dropoff ?? 0) === 0 && (o.duration ?? 1) > 1) {
      warnings.push({
        code: 'NO_DROPOFF',
        path: `${at}.dropoff`,
        message: 'drop-off is 0 for an outcome lasting more than one year',
      });
    }
    if (isNz) {
      if (o.deadweight > 0 || o.displacement > 0 || o.attribution > 0) {
        warnings.push({
          code: 'DEDUCTIONS_IGNORED',
          path: at,
          message:
            'nz-cbax-midyear applies no separate deadweight, displacement or attribution; build them into the per-year quantities',
        });
      }
    } else if (o.attribution === 0 && o.deadweight === 0) {
      warnings.push({
        code: 'NO_DEADWEIGHT_OR_ATTRIBUTION',
        path: at,
        message: 'both attribution and deadweight are 0',
      });
    }
  });
  if (ratio > HIGH_RATIO_WARNING) {
    warnings.push({
      code: 'HIGH_RATIO',
      path: '',
      message: `ratio ${formatRatio(ratio)} : 1 is above ${HIGH_RATIO_WARNING} (about the 90th percentile of SVI-database reports)`,
    });
  }
  return warnings;
}

/**
 * Calculates an SROI model as SROI-SPEC §1–§5 define it, under the model's convention profile.
 * Throws SroiValidationError when the model breaks the schema or a rule of §3.
 */
export function calculateSroi(raw: unknown): SroiResult {
  const parsed = parseSroiModel(raw);
  if (!parsed.ok) {
    throw new SroiValidationError(parsed.issues);
  }
  const model = parsed.model;
  const settings = settingsOf(model);
  const core = computeCore(model, settings);
  const { presentValue, investmentPresentValue, annualImpact } = core;
  const ratio = presentValue / investmentPresentValue;
  const ratioOf = (m: SroiModel) => {
    const c = computeCore(m, settings);
    return c.presentValue / c.investmentPresentValue;
  };

  const maxYear = Math.max(0, ...core.perOutcome.flatMap((o) => o.years.map((y) => y.year)));
  const perYear = Array.from({ length: maxYear }, (_, i) => {
    const year = i + 1;
    const entries = core.perOutcome.flatMap((o) => o.years.filter((y) => y.year === year));
    return {
      year,
      value: sum(entries.map((e) => e.value)),
      presentValue: sum(entries.map((e) => e.presentValue)),
    };
  });

  let discountedPaybackMonths: number | null = null;
  let cumulative = 0;
  for (const { year, presentValue: pv } of perYear) {
    if (pv > 0 && cumulative + pv >= investmentPresentValue) {
      discountedPaybackMonths = 12 * (year - 1 + (investmentPresentValue - cumulative) / pv);
      break;
    }
    cumulative += pv;
  }

  const stakeholders = new Map<string | null, number>();
  for (const o of core.perOutcome) {
    stakeholders.set(o.stakeholder, (stakeholders.get(o.stakeholder) ?? 0) + o.presentValue);
  }

  const isNz = model.convention === 'nz-cbax-midyear';
  const parameters: SensitivityParameter[] = [
    ...(isNz ? [] : (['deadweight', 'displacement', 'attribution'] as const)),
    'dropoff',
    'proxy',
    'quantity',
    'inputs',
  ];
  const rows = parameters.flatMap((parameter) =>
    [-SENSITIVITY_CHANGE, SENSITIVITY_CHANGE].map((change): SensitivityRow => {
      const c = computeCore(scaleParameter(parameter, 1 + change)(model), settings);
      return {
        parameter,
        change,
        presentValue: c.presentValue,
        investmentPresentValue: c.investmentPresentValue,
        ratio: c.presentValue / c.investmentPresentValue,
      };
    }),
  );

  const multiplier = presentValue > 0 ? investmentPresentValue / presentValue : null;
  const switchFraction = (parameter: 'deadweight' | 'displacement' | 'attribution' | 'dropoff') =>
    isNz && parameter !== 'dropoff' ? null : bisect((x) => ratioOf(setParameter(parameter, x)(model)) - 1);
  const switchingValues: SroiSwitchingValues = {
    proxyMultiplier: multiplier,
    quantityMultiplier: multiplier,
    deadweight: switchFraction('deadweight'),
    displacement: switchFraction('displacement'),
    attribution: switchFraction('attribution'),
    dropoff: model.outcomes.some((o) => !o.quantityByYear && (o.duration ?? 1) > 1)
      ? switchFraction('dropoff')
      : null,
    perOutcome: core.perOutcome.map((o) => ({
      id: o.id,
      proxyMultiplier:
        o.presentValue === 0
          ? null
          : (investmentPresentValue - (presentValue - o.presentValue)) / o.presentValue,
    })),
  };

  return {
    convention: model.convention,
    currency: model.currency ?? null,
    discountRate: settings.rate,
    discountSchedule: settings.schedule,
    presentValue,
    investmentPresentValue,
    netPresentValue: presentValue - investmentPresentValue,
    ratio,
    netRatio: (presentValue - investmentPresentValue) / investmentPresentValue,
    ratioDisplay: { uk: `${formatRatio(ratio)} : 1`, th: `1 : ${formatRatio(ratio)}` },
    annualImpact,
    paybackMonths: annualImpact > 0 ? investmentPresentValue / (annualImpact / 12) : null,
    paybackKind: 'simple_undiscounted',
    discountedPaybackMonths,
    perOutcome: core.perOutcome,
    perYear,
    perStakeholder: [...stakeholders].map(([stakeholder, pv]) => ({ stakeholder, presentValue: pv })),
    perInput: core.perInput,
    sensitivity: {
      change: SENSITIVITY_CHANGE,
      rows,
      ratioRange: { low: ratio * (1 - SENSITIVITY_CHANGE), high: ratio * (1 + SENSITIVITY_CHANGE) },
    },
    switchingValues,
    warnings: collectWarnings(model, ratio),
  };
}
