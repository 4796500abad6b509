import type { UpdateProgrammeBody } from '@shared/contracts/calls';
import type { Programme } from '@shared/contracts/reference';
import { PROGRAMME_TYPES, type ProgrammeType } from '@shared/reference/programmes';
import type { MessageKey } from '@web/lib/i18n';
import { bahtToSatang, satangToBahtText } from './baht';

export type OwnerKind = 'team' | 'unit' | 'none';

/** The programme form's own values (inputs hold text). */
export interface ProgrammeFormValues {
  type: ProgrammeType;
  nameTh: string;
  nameEn: string;
  summaryTh: string;
  summaryEn: string;
  descriptionTh: string;
  descriptionEn: string;
  objectives: string[];
  ownerKind: OwnerKind;
  ownerTeam: string;
  drivingUnitId: string;
  /** Buddhist-Era years separated by commas or spaces: "2569, 2570". */
  fiscalYears: string;
  budget: string;
}

export const PROGRAMME_FIELDS = [
  'type',
  'nameTh',
  'nameEn',
  'summaryTh',
  'summaryEn',
  'descriptionTh',
  'descriptionEn',
  'objectives',
  'ownerKind',
  'ownerTeam',
  'drivingUnitId',
  'fiscalYears',
  'budget',
] as const satisfies ReadonlyArray<keyof ProgrammeFormValues>;
export type ProgrammeField = (typeof PROGRAMME_FIELDS)[number];

export function programmeToForm(programme: Programme): ProgrammeFormValues {
  return {
    type: programme.type,
    nameTh: programme.nameTh,
    nameEn: programme.nameEn,
    summaryTh: programme.summaryTh,
    summaryEn: programme.summaryEn,
    descriptionTh: programme.descriptionTh,
    descriptionEn: programme.descriptionEn,
    objectives: programme.objectives.map(String),
    ownerKind: programme.drivingUnitId ? 'unit' : programme.ownerTeam ? 'team' : 'none',
    ownerTeam: programme.ownerTeam ?? '',
    drivingUnitId: programme.drivingUnitId ?? '',
    fiscalYears: programme.fiscalYears.join(', '),
    budget: satangToBahtText(programme.budgetSatang),
  };
}

/** Parses "2569, 2570 2571" into sorted, distinct years; null when any is not a Buddhist-Era year 2500–2700. */
export function parseFiscalYears(text: string): number[] | null {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  const years: number[] = [];
  for (const part of parts) {
    if (!/^\d{4}$/.test(part)) {
      return null;
    }
    const year = Number(part);
    if (year < 2500 || year > 2700) {
      return null;
    }
    years.push(year);
  }
  return [...new Set(years)].sort((a, b) => a - b);
}

export type ProgrammeValidation =
  | { ok: true; body: Omit<UpdateProgrammeBody, 'version'> }
  | { ok: false; errors: Partial<Record<ProgrammeField, MessageKey>> };

/** Checks the programme form and builds the PATCH body (without the version); one catalogue key per bad field. */
export function validateProgrammeForm(values: ProgrammeFormValues): ProgrammeValidation {
  const errors: Partial<Record<ProgrammeField, MessageKey>> = {};
  if (!(PROGRAMME_TYPES as readonly string[]).includes(values.type)) {
    errors.type = 'forms.required';
  }
  for (const field of ['nameTh', 'nameEn'] as const) {
    if (values[field].trim() === '') {
      errors[field] = 'forms.required';
    }
  }
  const objectives = [...new Set(values.objectives.map(Number))]
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= 5)
    .sort((a, b) => a - b);
  if (values.ownerKind === 'team' && values.ownerTeam.trim() === '') {
    errors.ownerTeam = 'forms.required';
  }
  if (values.ownerKind === 'unit' && values.drivingUnitId === '') {
    errors.drivingUnitId = 'calls.admin.programme.chooseUnit';
  }
  const fiscalYears = parseFiscalYears(values.fiscalYears);
  if (fiscalYears === null) {
    errors.fiscalYears = 'calls.admin.programme.fiscalYearsInvalid';
  }
  const budget = bahtToSatang(values.budget);
  if (budget === null) {
    errors.budget = 'calls.admin.form.moneyInvalid';
  }
  if (Object.keys(errors).length > 0 || fiscalYears === null || budget === null) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    body: {
      type: values.type,
      nameTh: values.nameTh.trim(),
      nameEn: values.nameEn.trim(),
      summaryTh: values.summaryTh.trim(),
      summaryEn: values.summaryEn.trim(),
      descriptionTh: values.descriptionTh.trim(),
      descriptionEn: values.descriptionEn.trim(),
      objectives,
      ownerTeam: values.ownerKind === 'team' ? values.ownerTeam.trim() : null,
      drivingUnitId: values.ownerKind === 'unit' ? values.drivingUnitId : null,
      fiscalYears,
      budgetSatang: budget ?? null,
    },
  };
}
